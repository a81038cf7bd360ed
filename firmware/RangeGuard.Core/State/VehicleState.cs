namespace RangeGuard.State
{
    /// <summary>
    /// Latest value and timestamp of every <see cref="InputId"/>, with staleness.
    /// A stale input is reported as such, never silently reused: <see cref="TryGet"/> fails for it.
    /// Fixed arrays only: updating allocates nothing.
    /// </summary>
    public sealed class VehicleState
    {
        /// <summary>Default maximum age of an input before it counts as stale, ms.</summary>
        public const long DefaultMaxAgeMs = 5000;

        private readonly float[] _values = new float[InputId.Count];
        private readonly long[] _timesMs = new long[InputId.Count];
        private readonly bool[] _seen = new bool[InputId.Count];
        private readonly long[] _maxAgeMs = new long[InputId.Count];

        public VehicleState()
        {
            for (int i = 0; i < InputId.Count; i++)
            {
                _maxAgeMs[i] = DefaultMaxAgeMs;
            }
        }

        /// <summary>Sets how old an input may get before it is stale.</summary>
        public void SetMaxAge(int input, long maxAgeMs)
        {
            _maxAgeMs[input] = maxAgeMs;
        }

        public long GetMaxAge(int input)
        {
            return _maxAgeMs[input];
        }

        /// <summary>Stores a new value (already converted to the agent's units and sign convention).</summary>
        public void Set(int input, float value, long timeMs)
        {
            _values[input] = value;
            _timesMs[input] = timeMs;
            _seen[input] = true;
        }

        /// <summary>True if the input has ever been received.</summary>
        public bool HasValue(int input)
        {
            return _seen[input];
        }

        /// <summary>True if the input was never received or is older than its maximum age.</summary>
        public bool IsStale(int input, long nowMs)
        {
            return !_seen[input] || nowMs - _timesMs[input] > _maxAgeMs[input];
        }

        /// <summary>The latest value if it is fresh; false (and 0) if missing or stale.</summary>
        public bool TryGet(int input, long nowMs, out float value)
        {
            if (IsStale(input, nowMs))
            {
                value = 0f;
                return false;
            }

            value = _values[input];
            return true;
        }

        /// <summary>The latest value whatever its age (for display of a stale value next to a "stale" mark).</summary>
        public float GetLast(int input)
        {
            return _values[input];
        }

        /// <summary>Time of the latest value, ms, or -1 if never received.</summary>
        public long GetTime(int input)
        {
            return _seen[input] ? _timesMs[input] : -1;
        }
    }
}
