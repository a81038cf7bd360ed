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

        // Per mapping, its field's layout and the length of the run of its id's mappings from it, worked out once (see Layout).
        private readonly int[] _layouts;

        // Id lookup without a search: the first mapping of each id + 1 at slot (key * HashFactor) >> _slotShift, or null
        // (binary search) when no small table separates the map's ids.
        private readonly byte[] _slots;
        private readonly int _slotShift;

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
                int run = 1;
                while (i + run < _keys.Length && _keys[i + run] == _keys[i])
                {
                    run++;
                }

                _layouts[i] = Layout(ref _mappings[i].Signal) | (IsPlainCopy(ref _mappings[i]) ? LayoutPlainCopy : 0)
                    | ((run <= LayoutMaxRun ? run : 0) << LayoutRunShift);
                combines |= _mappings[i].Combine != CombineMode.Set;
            }

            _slots = BuildSlots(_keys, out _slotShift);

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
            uint key = frame.IsExtended ? (frame.Id | 0x80000000u) : frame.Id; // SignalMap.MakeKey
            uint[] keys = _keys;
            byte[] slots = _slots;
            int index;
            if (slots != null)
            {
                index = slots[(key * HashFactor) >> _slotShift] - 1;
                if (index >= 0 && keys[index] != key)
                {
                    index = -1;
                }
            }
            else
            {
                index = _map.FindFirst(frame.Id, frame.IsExtended);
            }

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
            int[] layouts = _layouts;
            VehicleState state = _state;
            float[] values = state.Values;
            long[] times = state.TimesMs;
            bool[] seen = state.Seen;
            float[] lows = state.MinLimits;
            float[] highs = state.MaxLimits;
            ulong data = frame.Data;
            ulong swapped = 0; // the byte-swapped payload, once a Motorola field needs it
            int frameLength = frame.Length;
            int bus = frame.Bus;
            int end = index + (layouts[index] >> LayoutRunShift);
            if (end == index)
            {
                // A run too long for its bits: found the long way.
                while (end < keys.Length && keys[end] == key)
                {
                    end++;
                }
            }

            int touched = 0;
            int set = 0;
            bool busMatched = false;
            for (int i = index; i < end; i++)
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
                if ((layout & LayoutGeneral) == 0)
                {
                    if (frameLength < (layout & LayoutBytes))
                    {
                        _counters.DecodeErrors++;
                        continue;
                    }

                    raw = data;
                    if ((layout & LayoutMotorola) != 0)
                    {
                        if (swapped == 0)
                        {
                            swapped = SignalCodec.SwapBytes(data); // again only while 0, when data is 0 too
                        }

                        raw = swapped;
                    }

                    raw = (raw << (layout >> LayoutLeftShift)) >> (layout >> LayoutRightShift); // C# takes shift counts mod 64
                    if ((layout & LayoutSigned) != 0)
                    {
                        // Two's complement of the low bits as a genuinely signed long (Bits.SignExtend's value and type).
                        long half = 1L << (63 - ((layout >> LayoutRightShift) & 63));
                        physical = (float)((checked((long)raw) ^ half) - half) * m.Signal.Factor + m.Signal.Offset;
                    }
                    else
                    {
                        physical = (float)raw * m.Signal.Factor + m.Signal.Offset;
                    }
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
                if (sentinels != null)
                {
                    int k = 0;
                    while (k < sentinels.Length && sentinels[k] != raw)
                    {
                        k++;
                    }

                    if (k < sentinels.Length)
                    {
                        _counters.SentinelsDiscarded++;
                        continue;
                    }
                }

                int input = m.Input;
                float value = (layout & LayoutPlainCopy) != 0 ? physical : physical * m.Scale + m.Add;
                if (!(value >= m.Min && value <= m.Max) || !(value >= lows[input] && value <= highs[input]))
                {
                    _counters.OutOfRangeValues++;
                    continue;
                }

                if (m.Combine == CombineMode.Set)
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
                    _accMode[input] = m.Combine;
                }
                else
                {
                    _acc[input] = Combine(m.Combine, _acc[input], value);
                }

                _accCount[input]++;
            }

            if (touched > 0)
            {
                set += StoreCombined(touched, timeMs);
            }

            if (!busMatched)
            {
                _counters.FilteredFrames++;
            }

            return set;
        }

        // A layout: bits 0-3 the bytes the frame must have, bit 4 Motorola (read from the byte-swapped word), bit 5 signed,
        // bits 6-11 and 12-17 the left and right shifts that leave the field's bits alone in the word, bit 18 set for a
        // field SignalCodec.Decode handles (multiplexed, malformed, signed 64-bit), bit 19 set when the mapping's value is
        // the physical value itself (IsPlainCopy), bits 20-30 the number of mappings of the id from this one on (0 if more
        // than fit).
        private const int LayoutBytes = 15;
        private const int LayoutMotorola = 16;
        private const int LayoutSigned = 32;
        private const int LayoutLeftShift = 6;
        private const int LayoutRightShift = 12;
        private const int LayoutGeneral = 1 << 18;
        private const int LayoutPlainCopy = 1 << 19;
        private const int LayoutRunShift = 20;
        private const int LayoutMaxRun = 2047;

        /// <summary>
        /// The layout of a plain field that fits in 8 bytes, or LayoutGeneral (multiplexed, malformed, or signed 64-bit)
        /// for SignalCodec.Decode: the field's bits are (word &lt;&lt; left) &gt;&gt; (64 - length), where the word is
        /// the payload for Intel and the byte-swapped payload for Motorola.
        /// </summary>
        /// <summary>
        /// True when physical * Scale + Add is physical bit for bit: Scale 1 and Add 0 change nothing but a -0 (into +0),
        /// and physical = decoded * Factor + Offset is -0 only when Offset is -0 (a sum of two numbers is -0 only then).
        /// </summary>
        internal static bool IsPlainCopy(ref SignalMapping mapping)
        {
            float offset = mapping.Signal.Offset;
            return mapping.Scale == 1f && mapping.Add == 0f && !(offset == 0f && System.BitConverter.DoubleToInt64Bits(offset) < 0);
        }

        internal static int Layout(ref SignalDef signal)
        {
            int start = signal.StartBit;
            int length = signal.Length;
            bool motorola = signal.IsMotorola;
            if (signal.IsMultiplexed || !SignalCodec.Fits(start, length, motorola, 8) || (signal.IsSigned && length == 64))
            {
                return LayoutGeneral;
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

        // Fibonacci hashing: the top bits of key * 2^32/phi spread ids that differ anywhere.
        private const uint HashFactor = 0x9E3779B1u;

        /// <summary>
        /// The smallest table (up to 8 slots per id) in which every id of the map has a slot of its own, or null
        /// (also for maps of 255 mappings or more, whose indexes a byte cannot hold).
        /// </summary>
        private static byte[] BuildSlots(uint[] keys, out int shift)
        {
            shift = 0;
            int ids = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if (i == 0 || keys[i] != keys[i - 1])
                {
                    ids++;
                }
            }

            if (ids == 0 || keys.Length >= 255)
            {
                return null;
            }

            for (int bits = 1; bits <= 16 && (1 << bits) <= 8 * ids; bits++)
            {
                if ((1 << bits) < ids)
                {
                    continue;
                }

                byte[] slots = new byte[1 << bits];
                bool separate = true;
                for (int i = 0; i < keys.Length && separate; i++)
                {
                    if (i > 0 && keys[i] == keys[i - 1])
                    {
                        continue;
                    }

                    uint slot = (keys[i] * HashFactor) >> (32 - bits);
                    separate = slots[slot] == 0;
                    slots[slot] = (byte)(i + 1);
                }

                if (separate)
                {
                    shift = 32 - bits;
                    return slots;
                }
            }

            return null;
        }

        /// <summary>Stores the first <paramref name="touched"/> combined inputs of a frame; returns how many were set.</summary>
        private int StoreCombined(int touched, long timeMs)
        {
            int set = 0;
            for (int t = 0; t < touched; t++)
            {
                int input = _touched[t];
                float value = _accMode[input] == CombineMode.Avg ? _acc[input] / _accCount[input] : _acc[input];
                _accCount[input] = 0;
                if (_state.SetChecked(input, value, timeMs))
                {
                    set++;
                }
                else
                {
                    _counters.OutOfRangeValues++;
                }
            }

            return set;
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
