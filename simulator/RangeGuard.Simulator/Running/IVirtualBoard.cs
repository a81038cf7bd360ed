namespace RangeGuard.Simulator.Running
{
    /// <summary>
    /// The seam between the simulated car and whatever watches it: the null board (no agent), or in wave 2 the real portable
    /// agent behind the reference DBC and SLCAN encoding. The runner calls <see cref="Start"/> once, then <see cref="Step"/>
    /// at 1 Hz of simulated time, and reads <see cref="View"/> after each step. Step must not allocate in steady state.
    /// </summary>
    public interface IVirtualBoard
    {
        string Name { get; }

        /// <summary>True when the board runs an agent that raises alerts and gives advice (alert expectations are checked only then).</summary>
        bool HasAgent { get; }

        BoardView View { get; }

        void Start(BoardContext context);

        void Step(in TruthSnapshot truth);
    }
}
