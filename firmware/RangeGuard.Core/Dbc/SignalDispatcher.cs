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

        // Per mapping, its field's layout and the length of the run of its id's mappings from it, worked out once (SignalLayout).
        private readonly int[] _layouts;

        // Id lookup without a search: the first mapping of each id + 1 at slot (key * HashFactor) >> _slotShift, or null
        // (binary search) when no small table separates the map's ids (SignalLayout.IdSlots).
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

                _layouts[i] = SignalLayout.Of(ref _mappings[i].Signal) | (SignalLayout.IsPlainCopy(ref _mappings[i]) ? SignalLayout.PlainCopy : 0)
                    | ((run <= SignalLayout.MaxRun ? run : 0) << SignalLayout.RunShift);
                combines |= _mappings[i].Combine != CombineMode.Set;
            }

            _slots = SignalLayout.IdSlots(_keys, out _slotShift);

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
                index = slots[(key * SignalLayout.HashFactor) >> _slotShift] - 1;
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
            int end = index + (layouts[index] >> SignalLayout.RunShift);
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
                if ((layout & SignalLayout.General) == 0)
                {
                    if (frameLength < (layout & SignalLayout.Bytes))
                    {
                        _counters.DecodeErrors++;
                        continue;
                    }

                    raw = data;
                    if ((layout & SignalLayout.Motorola) != 0)
                    {
                        if (swapped == 0)
                        {
                            swapped = SignalCodec.SwapBytes(data); // again only while 0, when data is 0 too
                        }

                        raw = swapped;
                    }

                    raw = (raw << (layout >> SignalLayout.LeftShift)) >> (layout >> SignalLayout.RightShift); // C# takes shift counts mod 64
                    if ((layout & SignalLayout.Signed) != 0)
                    {
                        // Two's complement of the low bits as a genuinely signed long (Bits.SignExtend's value and type).
                        long half = 1L << (63 - ((layout >> SignalLayout.RightShift) & 63));
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
                float value = (layout & SignalLayout.PlainCopy) != 0 ? physical : physical * m.Scale + m.Add;
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
