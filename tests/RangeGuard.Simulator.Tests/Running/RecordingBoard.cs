using System.Collections.Generic;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Running
{
    /// <summary>A test board: records snapshots, raises one scripted alert, gives fixed advice and may request the heater.</summary>
    internal sealed class RecordingBoard : IVirtualBoard
    {
        private readonly BoardAdvice _advice;
        private readonly bool _heaterWhenParked;

        public RecordingBoard(BoardAdvice advice, bool heaterWhenParked = false)
        {
            _advice = advice;
            _heaterWhenParked = heaterWhenParked;
        }

        public string Name => "recording";
        public bool HasAgent => true;
        public BoardView View { get; } = new();
        public List<TruthSnapshot> Snapshots { get; } = new();
        public BoardContext? Context { get; private set; }

        public void Start(BoardContext context)
        {
            Context = context;
            View.Advice = _advice;
        }

        public void Step(in TruthSnapshot truth)
        {
            Snapshots.Add(truth);
            View.HeaterRequest = _heaterWhenParked && truth.Phase == CarPhase.Parked;
            if (View.Alerts.Count == 0 && truth.SpeedKmh > 10)
            {
                View.Alerts.Add(new BoardAlert(truth.TimeUnixMs, truth.ElapsedS, truth.PositionM, "test-moving", AlertSeverity.Advisory, "moving"));
            }
        }
    }
}
