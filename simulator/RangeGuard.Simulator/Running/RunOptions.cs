namespace RangeGuard.Simulator.Running
{
    /// <summary>Receives every tick (live dashboard, progress bar). Implementations must not hold on to the snapshot by reference.</summary>
    public interface IRunObserver
    {
        void OnTick(in TruthSnapshot truth, BoardView view);

        void OnAlert(BoardAlert alert);

        void OnStepStarted(int index, string label);
    }

    public sealed class RunOptions
    {
        /// <summary>The driver follows RangeGuard's advice (null = the scenario's driver.followsAdvice).</summary>
        public bool? FollowAdvice { get; init; }

        /// <summary>Record the sampled trace for plots (off for benchmarks: zero allocation per tick).</summary>
        public bool RecordTrace { get; init; } = true;
        public double TraceIntervalS { get; init; } = 10;
        public IRunObserver? Observer { get; init; }
    }
}
