using RangeGuard.Trip;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-COLD-SOAK: parked unplugged before a planned departure, the pack will be too cold by then ("plug in tonight").</summary>
    public sealed class ColdSoakRule : AlertRule
    {
        public const string AlertCode = "RG-COLD-SOAK";

        public ColdSoakRule() : base(AlertCode, AlertSeverity.Advisory)
        {
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            ColdSoakOutlook o = c.ColdSoak;
            float t = o.PackTempAtDepartureC;
            AlertConfig cfg = c.Config;
            r.Set(o.Applicable && t < cfg.ColdSoakPackTempC, o.Applicable && t < cfg.ColdSoakPackTempC + cfg.ColdSoakHysteresisC, -t, cfg.WorsenStepC);
        }

        public override string Text(AlertContext c)
        {
            ColdSoakOutlook o = c.ColdSoak;
            return "Plug in tonight: pack " + AlertTexts.Int(o.PackTempAtDepartureC) + " °C by " + c.LocalClock(c.Trip.DepartureUtcMs)
                + (o.RangeLossKm >= 0f ? ", -" + AlertTexts.Int(o.RangeLossKm) + " km range" : string.Empty);
        }
    }
}
