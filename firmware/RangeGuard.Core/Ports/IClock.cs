namespace RangeGuard.Ports
{
    /// <summary>
    /// The agent's only source of time. Device: SNTP-set UTC clock; simulator: simulated time.
    /// No wall-clock reads anywhere else in the portable code, so runs are deterministic and can go faster than real time.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since 1970-01-01T00:00:00Z. Must not go backwards.</summary>
        long UtcMilliseconds { get; }
    }
}
