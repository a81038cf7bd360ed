namespace RangeGuard.Simulator.Running
{
    /// <summary>A board with no agent: no alerts, no advice, no heater request. The baseline "without RangeGuard".</summary>
    public sealed class NullBoard : IVirtualBoard
    {
        public string Name => "none";

        public bool HasAgent => false;

        public BoardView View { get; } = new();

        public void Start(BoardContext context)
        {
        }

        public void Step(in TruthSnapshot truth)
        {
        }
    }
}
