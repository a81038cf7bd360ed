using RangeGuard.Can;
using RangeGuard.State;

namespace RangeGuard.Dbc
{
    /// <summary>
    /// CanFrame -> every mapped signal of its id -> bus filter, decode, sentinel and plausibility checks ->
    /// <see cref="VehicleState.Set"/>, counting what it rejects in <see cref="Counters"/>. A rejected value is not clamped:
    /// the previous good value stays and goes stale. Allocates nothing per frame.
    /// Mappings with a combine mode other than "set" are combined per input within one frame only.
    /// </summary>
    public sealed class SignalDispatcher : ICanFrameSink
    {
        private readonly SignalMap _map;
        private readonly VehicleState _state;
        private readonly SignalMapping[] _mappings;
        private readonly uint[] _keys;
        private readonly DecoderCounters _counters = new DecoderCounters();

        // Per mapping, its field's layout worked out once (see Layout), or -1 where SignalCodec.Decode does the work.
        private readonly int[] _layouts;

        // Per-frame accumulators for combined inputs (fixed size, reused); null when no mapping combines (heap kept small).
        private readonly float[] _acc;
        private readonly int[] _accCount;
        private readonly int[] _accMode;
        private readonly int[] _touched;

        /// <summary>Also applies the map's max ages to the state (the largest one per input).</summary>
        public SignalDispatcher(SignalMap map, VehicleState state)
        {
            _map = map;
            _state = state;
            _mappings = map.Mappings;
            _keys = map.Keys;
            _layouts = new int[_mappings.Length];
            bool combines = false;
            for (int i = 0; i < _mappings.Length; i++)
            {
                _layouts[i] = Layout(ref _mappings[i].Signal);
                combines |= _mappings[i].Combine != CombineMode.Set;
            }

            if (combines)
            {
                _acc = new float[InputId.Count];
                _accCount = new int[InputId.Count];
                _accMode = new int[InputId.Count];
                _touched = new int[InputId.Count];
            }

            long[] maxAge = new long[InputId.Count];
            for (int i = 0; i < _mappings.Length; i++)
            {
                if (_mappings[i].MaxAgeMs > maxAge[_mappings[i].Input])
                {
                    maxAge[_mappings[i].Input] = _mappings[i].MaxAgeMs;
                }
            }

            for (int i = 0; i < InputId.Count; i++)
            {
                if (maxAge[i] > 0)
                {
                    state.SetMaxAge(i, maxAge[i]);
                }
            }
        }

        public SignalMap Map
        {
            get { return _map; }
        }

        public VehicleState State
        {
            get { return _state; }
        }

        public DecoderCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>
        /// Sink for the SLCAN bridge and log replay: decodes the frame stamped with its own <see cref="CanFrame.TimestampMs"/>
        /// (the bridge stamps frames with the agent clock).
        /// </summary>
        public void OnCanFrame(ref CanFrame frame)
        {
            Process(ref frame, frame.TimestampMs);
        }

        /// <summary>Convenience overload (copies the frame).</summary>
        public int Process(CanFrame frame, long timeMs)
        {
            return Process(ref frame, timeMs);
        }

        /// <summary>Decodes one frame into the state, stamped with <paramref name="timeMs"/>. Returns the number of inputs set.</summary>
        public int Process(ref CanFrame frame, long timeMs)
        {
            _counters.FramesReceived++;
            int index = _map.FindFirst(frame.Id, frame.IsExtended);
            if (index < 0)
            {
                _counters.UnknownIdFrames++;
                return 0;
            }

            if (frame.IsRemote)
            {
                _counters.FilteredFrames++;
                return 0;
            }

            // Written for the interpreter: this loop runs for every signal of every frame, where each call is a stack
            // frame and each field load costs. Fields and the state's arrays live in locals, a mapping is read through a
            // ref, and a field with a precomputed layout is decoded here (SignalCodec.Decode's arithmetic, same results).
            SignalMapping[] mappings = _mappings;
            uint[] keys = _keys;
            int[] layouts = _layouts;
            VehicleState state = _state;
            float[] values = state.Values;
            long[] times = state.TimesMs;
            bool[] seen = state.Seen;
            float[] lows = state.MinLimits;
            float[] highs = state.MaxLimits;
            ulong data = frame.Data;
            ulong swapped = 0;
            bool swappedSet = false;
            int frameLength = frame.Length;
            int bus = frame.Bus;
            uint key = keys[index];
            int touched = 0;
            int set = 0;
            bool busMatched = false;
            for (int i = index; i < mappings.Length && keys[i] == key; i++)
            {
                ref SignalMapping m = ref mappings[i];
                if (m.Bus >= 0 && m.Bus != bus)
                {
                    continue;
                }

                busMatched = true;
                ulong raw;
                float physical;
                int layout = layouts[i];
                if (layout >= 0)
                {
                    if (frameLength < (layout & LayoutBytes))
                    {
                        _counters.DecodeErrors++;
                        continue;
                    }

                    ulong word = data;
                    if ((layout & LayoutMotorola) != 0)
                    {
                        if (!swappedSet)
                        {
                            swapped = SignalCodec.SwapBytes(data);
                            swappedSet = true;
                        }

                        word = swapped;
                    }

                    raw = (word << ((layout >> LayoutLeftShift) & 63)) >> ((layout >> LayoutRightShift) & 63);
                    float decoded;
                    if ((layout & LayoutSigned) != 0)
                    {
                        // Two's complement of the low bits as a genuinely signed long (Bits.SignExtend's value and type).
                        long half = 1L << (63 - ((layout >> LayoutRightShift) & 63));
                        decoded = (float)((checked((long)raw) ^ half) - half);
                    }
                    else
                    {
                        decoded = (float)raw;
                    }

                    physical = decoded * m.Signal.Factor + m.Signal.Offset;
                }
                else
                {
                    int status = SignalCodec.Decode(ref frame, ref m.Signal, out raw, out physical);
                    if (status == DecodeStatus.TooShort)
                    {
                        _counters.DecodeErrors++;
                        continue;
                    }

                    if (status != DecodeStatus.Ok)
                    {
                        continue;
                    }
                }

                ulong[] sentinels = m.Sentinels;
                if (sentinels != null && IsSentinel(sentinels, raw))
                {
                    _counters.SentinelsDiscarded++;
                    continue;
                }

                int input = m.Input;
                float value = physical * m.Scale + m.Add;
                if (!(value >= m.Min && value <= m.Max) || !(value >= lows[input] && value <= highs[input]))
                {
                    _counters.OutOfRangeValues++;
                    continue;
                }

                int mode = m.Combine;
                if (mode == CombineMode.Set)
                {
                    // VehicleState.Set written out.
                    values[input] = value;
                    times[input] = timeMs;
                    seen[input] = true;
                    set++;
                    continue;
                }

                if (_accCount[input] == 0)
                {
                    _touched[touched++] = input;
                    _acc[input] = value;
                    _accMode[input] = mode;
                }
                else
                {
                    _acc[input] = Combine(mode, _acc[input], value);
                }

                _accCount[input]++;
            }

            for (int t = 0; t < touched; t++)
            {
                int input = _touched[t];
                float value = _accMode[input] == CombineMode.Avg ? _acc[input] / _accCount[input] : _acc[input];
                _accCount[input] = 0;
                if (state.SetChecked(input, value, timeMs))
                {
                    set++;
                }
                else
                {
                    _counters.OutOfRangeValues++;
                }
            }

            if (!busMatched)
            {
                _counters.FilteredFrames++;
            }

            return set;
        }

        // A layout: bits 0-3 the bytes the frame must have, bit 4 Motorola (read from the byte-swapped word), bit 5 signed,
        // bits 6-11 and 12-17 the left and right shifts that leave the field's bits alone in the word.
        private const int LayoutBytes = 15;
        private const int LayoutMotorola = 16;
        private const int LayoutSigned = 32;
        private const int LayoutLeftShift = 6;
        private const int LayoutRightShift = 12;

        /// <summary>
        /// The layout of a plain field that fits in 8 bytes, or -1 (multiplexed, malformed, or signed 64-bit) for
        /// SignalCodec.Decode: the field's bits are (word &lt;&lt; msb) &gt;&gt; (64 - length), where the word is the
        /// payload for Intel and the byte-swapped payload for Motorola (msb = the field's first bit counted from the top).
        /// </summary>
        internal static int Layout(ref SignalDef signal)
        {
            int start = signal.StartBit;
            int length = signal.Length;
            bool motorola = signal.IsMotorola;
            if (signal.IsMultiplexed || !SignalCodec.Fits(start, length, motorola, 8) || (signal.IsSigned && length == 64))
            {
                return -1;
            }

            int msb = motorola ? SignalCodec.MotorolaMsbPosition(start) : start;
            int left = motorola ? msb : 64 - start - length;
            int layout = SignalCodec.BytesNeeded(start, length, motorola) | (left << LayoutLeftShift) | ((64 - length) << LayoutRightShift);
            if (motorola)
            {
                layout |= LayoutMotorola;
            }

            if (signal.IsSigned)
            {
                layout |= LayoutSigned;
            }

            return layout;
        }

        private static bool IsSentinel(ulong[] sentinels, ulong raw)
        {
            for (int i = 0; i < sentinels.Length; i++)
            {
                if (sentinels[i] == raw)
                {
                    return true;
                }
            }

            return false;
        }

        private static float Combine(int mode, float a, float b)
        {
            if (mode == CombineMode.Min)
            {
                return b < a ? b : a;
            }

            if (mode == CombineMode.Max)
            {
                return b > a ? b : a;
            }

            return a + b;
        }
    }
}
