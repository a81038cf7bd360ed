namespace RangeGuard.Dashboard
{
    /// <summary>
    /// Debounces a raw button level sampled at the tick or faster: a new level counts once it has been seen
    /// continuously for <see cref="DebounceMs"/> (at 1 Hz sampling with a non-zero debounce that means two samples).
    /// </summary>
    public sealed class ButtonDebouncer
    {
        private bool _stable;
        private bool _candidate;
        private long _candidateSinceMs = -1;

        public ButtonDebouncer(long debounceMs)
        {
            DebounceMs = debounceMs;
        }

        public long DebounceMs { get; }

        /// <summary>Debounced level: true while pressed.</summary>
        public bool IsDown
        {
            get { return _stable; }
        }

        /// <summary>Feeds one raw sample; returns true exactly once per debounced press (the released-to-pressed edge).</summary>
        public bool Sample(bool rawDown, long nowMs)
        {
            if (rawDown == _stable)
            {
                _candidateSinceMs = -1;
                return false;
            }

            if (_candidateSinceMs < 0 || _candidate != rawDown)
            {
                _candidate = rawDown;
                _candidateSinceMs = nowMs;
            }

            if (nowMs - _candidateSinceMs < DebounceMs)
            {
                return false;
            }

            _stable = rawDown;
            _candidateSinceMs = -1;
            return _stable;
        }
    }
}
