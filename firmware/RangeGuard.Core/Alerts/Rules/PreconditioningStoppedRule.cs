using RangeGuard.Preconditioning;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-PRECOND-OFF: the planner stopped heating (an event shown for a while; a new stop re-announces it).</summary>
    public sealed class PreconditioningStoppedRule : AlertRule
    {
        public const string AlertCode = "RG-PRECOND-OFF";

        private int _seenPlannerEvent;

        public PreconditioningStoppedRule() : base(AlertCode, AlertSeverity.Info)
        {
            Latched = false;
            Smooth = false;
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            PreconditioningPlanner p = c.Planner;
            if (p == null)
            {
                return;
            }

            bool newStop = p.EventSequence != _seenPlannerEvent && p.LastEvent == PreconditioningPlanner.EventStopped;
            _seenPlannerEvent = p.EventSequence;
            bool showStop = p.LastEvent == PreconditioningPlanner.EventStopped && c.NowMs - p.EventMs < c.Config.EventHoldMs;
            r.Set(newStop || showStop, showStop, 0f, 0f);
            r.Reannounce = newStop;
        }

        public override string Text(AlertContext c)
        {
            return "Battery heating stopped: " + c.Planner.EventReason;
        }
    }
}
