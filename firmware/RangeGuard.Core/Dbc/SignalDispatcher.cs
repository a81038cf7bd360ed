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

        // Per-frame accumulators for combined inputs (fixed size, reused).
        private readonly float[] _acc = new float[InputId.Count];
        private readonly int[] _accCount = new int[InputId.Count];
        private readonly int[] _accMode = new int[InputId.Count];
        private readonly int[] _touched = new int[InputId.Count];

        /// <summary>Also applies the map's max ages to the state (the largest one per input).</summary>
        public SignalDispatcher(SignalMap map, VehicleState state)
        {
            _map = map;
            _state = state;
            _mappings = map.Mappings;
            _keys = map.Keys;
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

            // The arrays in locals and the sentinel list tested before its call: this loop runs for every signal of every
            // frame, and on the interpreter each field load and call costs.
            SignalMapping[] mappings = _mappings;
            uint[] keys = _keys;
            uint key = keys[index];
            int touched = 0;
            int set = 0;
            bool busMatched = false;
            for (int i = index; i < mappings.Length && keys[i] == key; i++)
            {
                if (mappings[i].Bus >= 0 && mappings[i].Bus != frame.Bus)
                {
                    continue;
                }

                busMatched = true;
                ulong raw;
                float physical;
                int status = SignalCodec.Decode(ref frame, ref mappings[i].Signal, out raw, out physical);
                if (status == DecodeStatus.TooShort)
                {
                    _counters.DecodeErrors++;
                    continue;
                }

                if (status != DecodeStatus.Ok)
                {
                    continue;
                }

                if (mappings[i].Sentinels != null && mappings[i].IsSentinel(raw))
                {
                    _counters.SentinelsDiscarded++;
                    continue;
                }

                int input = mappings[i].Input;
                float value = physical * mappings[i].Scale + mappings[i].Add;
                if (!(value >= mappings[i].Min && value <= mappings[i].Max) || !_state.IsPlausible(input, value))
                {
                    _counters.OutOfRangeValues++;
                    continue;
                }

                int mode = mappings[i].Combine;
                if (mode == CombineMode.Set)
                {
                    _state.Set(input, value, timeMs);
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
                if (_state.SetChecked(input, value, timeMs))
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
