using RangeGuard.Ports;

namespace RangeGuard.Simulator.Board
{
    /// <summary>The agent's clock on the virtual board: set from the truth snapshot's time each step (never the wall clock).</summary>
    public sealed class SimClock : IClock
    {
        public SimClock(long startUnixMs)
        {
            UtcMilliseconds = startUnixMs;
        }

        public long UtcMilliseconds { get; set; }
    }
}
