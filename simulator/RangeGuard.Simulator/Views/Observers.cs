using RangeGuard.Simulator.Running;

namespace RangeGuard.Simulator.Views
{
    /// <summary>Two observers of one run (a view and the timeline), called in order.</summary>
    public sealed class Observers : IRunObserver
    {
        private readonly IRunObserver _first;
        private readonly IRunObserver _second;

        public Observers(IRunObserver first, IRunObserver second)
        {
            _first = first;
            _second = second;
        }

        public void OnTick(in TruthSnapshot truth, BoardView view)
        {
            _first.OnTick(in truth, view);
            _second.OnTick(in truth, view);
        }

        public void OnAlert(BoardAlert alert)
        {
            _first.OnAlert(alert);
            _second.OnAlert(alert);
        }

        public void OnStepStarted(int index, string label)
        {
            _first.OnStepStarted(index, label);
            _second.OnStepStarted(index, label);
        }
    }
}
