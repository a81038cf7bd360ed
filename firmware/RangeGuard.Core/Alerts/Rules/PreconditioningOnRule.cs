using RangeGuard.Preconditioning;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-PRECOND-ON: the battery heater is on (mirrors the planner, which has its own hysteresis).</summary>
    public sealed class PreconditioningOnRule : AlertRule
    {
        public const string AlertCode = "RG-PRECOND-ON";

        public PreconditioningOnRule() : base(AlertCode, AlertSeverity.Info)
        {
            Latched = false;
            Smooth = false;
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            if (c.Planner != null)
            {
                r.Set(c.Planner.HeaterOn, c.Planner.HeaterOn, 0f, 0f);
            }
        }

        public override string Text(AlertContext c)
        {
            PreconditioningPlanner p = c.Planner;
            string mins = AlertTexts.Int(p.RequiredHeatingS / 60f);
            if (p.Mode == PreconditioningPlanner.ModeHeatingDeparture)
            {
                return "Heating battery from grid for " + c.LocalClock(c.Trip.DepartureUtcMs) + " departure: " + mins + " min";
            }

            return "Heating battery for " + c.Trip.ChargerName(p.TargetChargerIndex) + ": " + mins + " min, "
                + RangeGuard.Common.TextNumber.Fixed(p.PlannedHeatingKwh, 1) + " kWh";
        }
    }
}
