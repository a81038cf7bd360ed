namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// Streaming SLCAN receiver: takes bytes in any chunking, cuts them into lines in one fixed buffer, parses each line
    /// and reports one event at a time (pull style: call <see cref="Next"/> until it returns <see cref="SlcanLineKind.None"/>).
    /// Terminators: <c>\r</c> (an empty <c>\r</c> line is the bridge's OK), <c>\n</c> (tolerated; an empty <c>\n</c> line,
    /// e.g. the second half of <c>\r\n</c>, is ignored) and BEL (the bridge's error reply).
    /// Nothing is allocated after construction; every event is counted in <see cref="Counters"/>.
    /// </summary>
    public sealed class SlcanLineAssembler
    {
        private const byte Lf = 0x0A;

        private readonly byte[] _line;
        private readonly SlcanCounters _counters;
        private int _length;
        private bool _discarding;
        // Internal so the bridge stamps and hands on the frame in place, without a call each (see SlcanBridge.Poll).
        internal CanFrame ReceivedFrame;
        private int _value;
        private int _lastLineLength;

        public SlcanLineAssembler()
            : this(SlcanParser.MaxLineLength)
        {
        }

        /// <param name="capacity">Longest line kept; longer lines are counted as <see cref="SlcanLineKind.Overflow"/>.</param>
        public SlcanLineAssembler(int capacity)
        {
            if (capacity < SlcanParser.MaxLineLength)
            {
                throw new System.ArgumentOutOfRangeException("capacity");
            }

            _line = new byte[capacity];
            _counters = new SlcanCounters();
        }

        public SlcanCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>The frame of the last <see cref="SlcanLineKind.Frame"/> event (TimestampMs = bridge stamp or -1, Bus 0).</summary>
        public CanFrame Frame
        {
            get { return ReceivedFrame; }
        }

        /// <summary>Argument of the last event: bit rate code, timestamp flag 0/1, or packed reply characters.</summary>
        public int Value
        {
            get { return _value; }
        }

        /// <summary>Bytes of the last complete line (without terminator), for diagnostics; valid until the next call.</summary>
        public byte[] LineBuffer
        {
            get { return _line; }
        }

        public int LineLength
        {
            get { return _lastLineLength; }
        }

        /// <summary>Bytes of an unfinished line held back for the next chunk.</summary>
        public int PendingBytes
        {
            get { return _discarding ? 0 : _length; }
        }

        /// <summary>
        /// Consumes bytes from <paramref name="data"/>[<paramref name="offset"/>..<paramref name="end"/>) up to and including
        /// the next event and advances <paramref name="offset"/>. Returns the event, or None once all bytes are consumed.
        /// </summary>
        public SlcanLineKind Next(byte[] data, ref int offset, int end)
        {
            // Nearly every line is a whole data frame at the start of the bytes, with nothing pending: its CR is where its
            // DLC puts it ('t' and 3 id digits or 'T' and 8, the DLC, 2 digits a byte, perhaps 4 timestamp digits), so the
            // byte-by-byte scan of Scan is skipped. Parsed as a frame, every byte before that CR was a digit, so the scan
            // would have ended the line at the same CR with the same result; anything else goes the long way. Kept apart
            // from the scan: the interpreter initialises every local of a method at each call.
            int start = offset;
            if (_length == 0 && !_discarding && start < end)
            {
                byte type = data[start];
                int dlcAt = type == (byte)'t' ? start + 4 : (type == (byte)'T' ? start + 9 : end);
                if (dlcAt < end)
                {
                    int dlc = data[dlcAt] - '0';
                    if (dlc >= 0 && dlc <= 8)
                    {
                        int cr = dlcAt + 1 + 2 * dlc;
                        if (cr < end && data[cr] != SlcanEncoder.Cr)
                        {
                            cr += 4; // a timestamp
                        }

                        // At most 30 bytes before the CR: the buffer holds at least that (see the constructor).
                        if (cr < end && data[cr] == SlcanEncoder.Cr)
                        {
                            byte[] line = _line;
                            System.Array.Copy(data, start, line, 0, cr - start);
                            _value = 0; // as Parse leaves it for a frame line
                            if (SlcanParser.ParseFrameLine(line, 0, cr - start, out ReceivedFrame) == SlcanLineKind.Frame)
                            {
                                _lastLineLength = cr - start;
                                SlcanCounters counters = _counters;
                                counters.BytesFed += cr + 1 - start;
                                counters.ByKind[(int)SlcanLineKind.Frame]++;
                                offset = cr + 1;
                                return SlcanLineKind.Frame;
                            }
                        }
                    }
                }
            }

            return Scan(data, ref offset, end);
        }

        /// <summary><see cref="Next"/> byte by byte: cuts the next line wherever it ends and parses it.</summary>
        private SlcanLineKind Scan(byte[] data, ref int offset, int end)
        {
            // Written for the interpreter, where this loop runs for every byte from the bridge: fields live in locals, the
            // byte count is added once per call, a line's text is found by scanning for the first byte that can end it
            // (all of CR 13, LF 10 and BEL 7 are below 14, all text above) and copied in one native Array.Copy.
            byte[] line = _line;
            int length = _length;
            bool discarding = _discarding;
            int start = offset;
            int i = offset;
            SlcanLineKind kind = SlcanLineKind.None;
            while (i < end)
            {
                int run = i;
                while (i < end && data[i] > Lf + 3)
                {
                    i++;
                }

                if (i > run && !discarding)
                {
                    int n = i - run;
                    int room = line.Length - length;
                    if (n > room)
                    {
                        // The first byte that does not fit starts the overflow (reported now, its line discarded).
                        System.Array.Copy(data, run, line, length, room);
                        i = run + room + 1;
                        discarding = true;
                        length = 0;
                        _lastLineLength = 0;
                        kind = SlcanLineKind.Overflow;
                        break;
                    }

                    System.Array.Copy(data, run, line, length, n);
                    length += n;
                }

                if (i == end)
                {
                    break;
                }

                byte b = data[i++];
                if (b == SlcanEncoder.Cr || b == Lf)
                {
                    if (discarding)
                    {
                        // The overflow was reported when it started; its tail ends here.
                        discarding = false;
                        length = 0;
                        continue;
                    }

                    if (length == 0 && b == Lf)
                    {
                        continue;
                    }

                    _lastLineLength = length;
                    length = 0;
                    kind = SlcanParser.Parse(line, 0, _lastLineLength, out ReceivedFrame, out _value);
                    break;
                }

                if (b == SlcanEncoder.Bel)
                {
                    if (length > 0 && !discarding)
                    {
                        _counters.Add(SlcanLineKind.Truncated);
                    }

                    discarding = false;
                    length = 0;
                    _lastLineLength = 0;
                    kind = SlcanLineKind.ErrorReply;
                    break;
                }

                // Another control byte: part of the line like any other.
                if (discarding)
                {
                    continue;
                }

                if (length == line.Length)
                {
                    discarding = true;
                    length = 0;
                    _lastLineLength = 0;
                    kind = SlcanLineKind.Overflow;
                    break;
                }

                line[length++] = b;
            }

            _length = length;
            _discarding = discarding;
            _counters.BytesFed += i - start;
            offset = i;
            return kind == SlcanLineKind.None ? kind : Report(kind);
        }

        /// <summary>
        /// Feeds a whole chunk: frames go to <paramref name="sink"/> (may be null), everything else is only counted.
        /// Returns the number of frames delivered.
        /// </summary>
        public int Feed(byte[] data, int offset, int count, ICanFrameSink sink)
        {
            int end = offset + count;
            int frames = 0;
            SlcanLineKind kind;
            while ((kind = Next(data, ref offset, end)) != SlcanLineKind.None)
            {
                if (kind == SlcanLineKind.Frame)
                {
                    frames++;
                    if (sink != null)
                    {
                        sink.OnCanFrame(ref ReceivedFrame);
                    }
                }
            }

            return frames;
        }

        /// <summary>Drops an unfinished line (e.g. when re-opening the bridge), counting it as Truncated; true if one was dropped.</summary>
        public bool Reset()
        {
            bool dropped = _length > 0 && !_discarding;
            if (dropped)
            {
                _counters.Add(SlcanLineKind.Truncated);
            }

            _length = 0;
            _discarding = false;
            return dropped;
        }

        private SlcanLineKind Report(SlcanLineKind kind)
        {
            _counters.Add(kind);
            return kind;
        }
    }
}
