namespace RangeGuard.Messaging
{
    /// <summary>
    /// Reconnect waits: 1 s doubling to 60 s, each ±25 % random so a fleet does not reconnect in step after a broker
    /// restart; back to 1 s once a connection has lasted 60 s. Used by the device's and the host's link adapters.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        public const long FirstMs = 1000;
        public const long MaxMs = 60000;
        public const long StableMs = 60000;

        private long _nextMs = FirstMs;

        /// <summary>The wait before the next attempt; <paramref name="random01"/> is a uniform random number in [0, 1).</summary>
        public long NextDelayMs(double random01)
        {
            long baseMs = _nextMs;
            _nextMs = _nextMs * 2 > MaxMs ? MaxMs : _nextMs * 2;
            return (long)(baseMs * (0.75 + 0.5 * random01));
        }

        /// <summary>Call when a connection ends, with how long it lasted: a stable one starts the waits over.</summary>
        public void ConnectionEnded(long lastedMs)
        {
            if (lastedMs >= StableMs)
            {
                _nextMs = FirstMs;
            }
        }
    }
}
