using RangeGuard.Ports;

namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// Session with an SLCAN (Lawicel) USB/UART CAN bridge over an <see cref="IByteLink"/>.
    /// Safety rule: the bridge is opened listen-only (<c>L</c>) and <see cref="Send"/> refuses, unless transmitting
    /// was enabled at construction. Nothing is allocated after construction.
    /// </summary>
    public sealed class SlcanBridge
    {
        /// <summary>Bytes read from the link per <see cref="Poll"/> at most, so one tick stays bounded on a flooded bus.</summary>
        public const int MaxBytesPerPoll = 4096;

        private readonly IByteLink _link;
        private readonly byte _bus;
        private readonly byte[] _rx = new byte[256];
        private readonly byte[] _tx = new byte[SlcanEncoder.MaxEncodedLength];
        private long _lastFrameMs = -1;
        private long _openedPollMs = -1;
        private int _bitrateCode = -1;
        private bool _timestamps;
        private long _lastBridgeTimestampMs = -1;

        /// <summary>Listen-only bridge on bus 0.</summary>
        public SlcanBridge(IByteLink link)
            : this(link, 0, false)
        {
        }

        /// <param name="bus">Bus index stamped on every received frame.</param>
        /// <param name="transmitEnabled">Only true lets the bridge open in normal mode and send frames.</param>
        public SlcanBridge(IByteLink link, byte bus, bool transmitEnabled)
        {
            if (link == null)
            {
                throw new System.ArgumentNullException("link");
            }

            _link = link;
            _bus = bus;
            TransmitEnabled = transmitEnabled;
            Receiver = new SlcanLineAssembler();
        }

        public bool TransmitEnabled { get; private set; }

        public bool IsOpen { get; private set; }

        /// <summary>True when opened with <c>L</c> (the bridge neither acknowledges nor sends on the bus).</summary>
        public bool IsListenOnly { get; private set; }

        /// <summary>Line assembler and its counters (frames, parse errors by kind, overflows, bridge errors).</summary>
        public SlcanLineAssembler Receiver { get; private set; }

        /// <summary>Send calls refused because transmitting is not enabled, the bridge is not open in normal mode, or the frame is invalid.</summary>
        public int RefusedSends { get; private set; }

        public int SentFrames { get; private set; }

        /// <summary>Last version reply (<c>Vhhhh</c>, packed characters; see <see cref="SlcanParser.UnpackChars"/>), or 0.</summary>
        public int Version { get; private set; }

        /// <summary>Last serial number reply (<c>Nxxxx</c>, packed characters), or 0.</summary>
        public int SerialNumber { get; private set; }

        /// <summary>Host time (the nowMs of <see cref="Poll"/>) of the last frame, or -1 if none yet.</summary>
        public long LastFrameMs
        {
            get { return _lastFrameMs; }
        }

        /// <summary>The bridge's own timestamp (ms within the minute, 0..59999) of the last frame, or -1 if it sent none.</summary>
        public long LastBridgeTimestampMs
        {
            get { return _lastBridgeTimestampMs; }
        }

        /// <summary>
        /// The adapter implements <c>M</c>/<c>m</c> as the SJA1000's acceptance registers (LAWICEL CAN232, CANUSB; see
        /// <see cref="Sja1000Filter"/>): only then does <see cref="AcceptIds"/> set a filter. Off by default: other SLCAN
        /// firmwares read those letters differently (the CANable's <c>M</c> leaves silent mode).
        /// </summary>
        public bool Sja1000Filtering { get; set; }

        /// <summary>A filter is set: <c>M</c>/<c>m</c> go out at every open (<see cref="AcceptanceCode"/>, <see cref="AcceptanceMask"/>).</summary>
        public bool Filtering { get; private set; }

        public uint AcceptanceCode { get; private set; } = Sja1000Filter.AcceptAllCode;

        public uint AcceptanceMask { get; private set; } = Sja1000Filter.AcceptAllMask;

        /// <summary>
        /// Lets only frames with these ids (SignalMap keys) reach the UART, as far as the adapter's filter can tell them apart
        /// (it may pass a few more); takes effect at the next open (<see cref="Reopen"/> when open). Without
        /// <see cref="Sja1000Filtering"/>, or when the ids cannot be filtered (29-bit ids), every frame passes. Returns
        /// whether a filter is set.
        /// </summary>
        public bool AcceptIds(uint[] keys, int count)
        {
            uint code = Sja1000Filter.AcceptAllCode;
            uint mask = Sja1000Filter.AcceptAllMask;
            Filtering = Sja1000Filtering && Sja1000Filter.Compute(keys, count, out code, out mask);
            AcceptanceCode = Filtering ? code : Sja1000Filter.AcceptAllCode;
            AcceptanceMask = Filtering ? mask : Sja1000Filter.AcceptAllMask;
            return Filtering;
        }

        /// <summary>Closes and opens again with the settings of the last open (a new filter takes effect). False if never opened.</summary>
        public bool Reopen()
        {
            return _bitrateCode >= 0 && Open(_bitrateCode, IsListenOnly, _timestamps);
        }

        /// <summary>Opens listen-only, or normal if transmitting is enabled. See the three-argument overload.</summary>
        public bool Open(int bitrateCode, bool timestamps)
        {
            return Open(bitrateCode, !TransmitEnabled, timestamps);
        }

        /// <summary>
        /// Sends <c>C</c>, <c>Sn</c>, <c>Z0</c>/<c>Z1</c>, the acceptance filter (<c>M</c>, <c>m</c>) when one is set, then
        /// <c>L</c> (or <c>O</c>). Timestamps and the filter go before opening because Lawicel bridges accept them only while
        /// the channel is closed. Returns false and sends nothing if the code is not 0..8 or normal mode is asked for without
        /// transmit enabled.
        /// </summary>
        public bool Open(int bitrateCode, bool listenOnly, bool timestamps)
        {
            if (bitrateCode < 0 || bitrateCode > 8 || (!listenOnly && !TransmitEnabled))
            {
                return false;
            }

            // A half line from before the (re)open would glue onto the first new line.
            Receiver.Reset();
            WriteLine(SlcanLineKind.Close, 0);
            WriteLine(SlcanLineKind.SetBitrate, bitrateCode);
            WriteLine(SlcanLineKind.SetTimestamps, timestamps ? 1 : 0);
            if (Filtering)
            {
                _link.Write(_tx, 0, SlcanEncoder.EncodeRegisters(SlcanLineKind.SetAcceptanceCode, AcceptanceCode, _tx, 0));
                _link.Write(_tx, 0, SlcanEncoder.EncodeRegisters(SlcanLineKind.SetAcceptanceMask, AcceptanceMask, _tx, 0));
            }

            WriteLine(listenOnly ? SlcanLineKind.OpenListenOnly : SlcanLineKind.OpenNormal, 0);
            _bitrateCode = bitrateCode;
            _timestamps = timestamps;
            IsOpen = true;
            IsListenOnly = listenOnly;
            _openedPollMs = -1;
            return true;
        }

        public void Close()
        {
            WriteLine(SlcanLineKind.Close, 0);
            IsOpen = false;
        }

        /// <summary>Asks for <c>V</c>; the reply lands in <see cref="Version"/> during a later <see cref="Poll"/>.</summary>
        public void QueryVersion()
        {
            WriteLine(SlcanLineKind.VersionQuery, 0);
        }

        /// <summary>Asks for <c>N</c>; the reply lands in <see cref="SerialNumber"/>.</summary>
        public void QuerySerialNumber()
        {
            WriteLine(SlcanLineKind.SerialQuery, 0);
        }

        /// <summary>
        /// Reads what the link has (at most <see cref="MaxBytesPerPoll"/> bytes) and hands each frame to
        /// <paramref name="sink"/> stamped with <paramref name="nowMs"/> and this bridge's bus
        /// (the bridge's own 60 s timestamp is dropped: host time is what staleness checks compare against).
        /// Returns the number of frames delivered.
        /// </summary>
        public int Poll(long nowMs, ICanFrameSink sink)
        {
            if (_openedPollMs < 0)
            {
                _openedPollMs = nowMs;
            }

            int frames = 0;
            int budget = MaxBytesPerPoll;
            SlcanLineAssembler receiver = Receiver; // a local: the property is a call per line on the interpreter
            ref CanFrame frame = ref receiver.ReceivedFrame;
            while (budget > 0)
            {
                int n = _link.Read(_rx, 0, budget < _rx.Length ? budget : _rx.Length);
                if (n <= 0)
                {
                    break;
                }

                budget -= n;
                int offset = 0;
                SlcanLineKind kind;
                while ((kind = receiver.Next(_rx, ref offset, n)) != SlcanLineKind.None)
                {
                    if (kind == SlcanLineKind.Frame)
                    {
                        // Stamped in place with the host's time and bus (the bridge's own stamp kept aside) and handed on
                        // by reference: no copy, no call.
                        _lastBridgeTimestampMs = frame.TimestampMs;
                        frame.Bus = _bus;
                        frame.TimestampMs = nowMs;
                        _lastFrameMs = nowMs;
                        frames++;
                        if (sink != null)
                        {
                            sink.OnCanFrame(ref frame);
                        }
                    }
                    else if (kind == SlcanLineKind.VersionReply)
                    {
                        Version = receiver.Value;
                    }
                    else if (kind == SlcanLineKind.SerialReply)
                    {
                        SerialNumber = receiver.Value;
                    }
                }
            }

            return frames;
        }

        /// <summary>
        /// True when no frame arrived for more than <paramref name="timeoutMs"/>: since the last frame, or since the first
        /// poll after opening if none came yet (a bridge that was never polled is silent).
        /// </summary>
        public bool IsSilent(long nowMs, long timeoutMs)
        {
            long since = _lastFrameMs >= 0 && _lastFrameMs >= _openedPollMs ? _lastFrameMs : _openedPollMs;
            if (since < 0)
            {
                return true;
            }

            return nowMs - since > timeoutMs;
        }

        /// <summary>
        /// Transmits a frame (no timestamp). Refused (false, counted in <see cref="RefusedSends"/>) unless transmitting is
        /// enabled and the bridge is open in normal mode, and for frames that cannot be encoded.
        /// </summary>
        public bool Send(CanFrame frame)
        {
            if (!TransmitEnabled || !IsOpen || IsListenOnly)
            {
                RefusedSends++;
                return false;
            }

            int n = SlcanEncoder.EncodeFrame(frame, -1, _tx, 0);
            if (n == 0)
            {
                RefusedSends++;
                return false;
            }

            _link.Write(_tx, 0, n);
            SentFrames++;
            return true;
        }

        private void WriteLine(SlcanLineKind kind, int value)
        {
            int n = SlcanEncoder.EncodeLine(kind, value, _tx, 0);
            _link.Write(_tx, 0, n);
        }
    }
}
