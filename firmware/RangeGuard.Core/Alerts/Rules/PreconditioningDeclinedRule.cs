using RangeGuard.Preconditioning;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-PRECOND-DECLINED: heating for the next DC charger would cost more than it gains (mirrors the planner).</summary>
    public sealed class PreconditioningDeclinedRule : AlertRule
    {
        public const string AlertCode = "RG-PRECOND-DECLINED";

        public PreconditioningDeclinedRule() : base(AlertCode, AlertSeverity.Advisory)
        {
            Latched = false;
            Smooth = false;
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            if (c.Planner != null)
            {
                bool declined = c.Planner.Mode == PreconditioningPlanner.ModeDeclined;
                r.Set(declined, declined, 0f, 0f);
            }
        }

        public override string Text(AlertContext c)
        {
            PreconditioningPlanner p = c.Planner;
            string text = "Battery heating declined for " + c.Trip.ChargerName(p.TargetChargerIndex) + ": " + p.EventReason;
            if (p.EventReason == PreconditioningPlanner.ReasonWouldMissReserve)
            {
                text = text + " (" + AlertTexts.Int(p.SocAfterHeatingPct) + " % < " + AlertTexts.Int(c.Trip.ChargerReservePct) + " %)";
            }

            return text;
        }
    }
}
