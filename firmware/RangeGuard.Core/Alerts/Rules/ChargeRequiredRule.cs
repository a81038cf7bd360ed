using RangeGuard.Forecast;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-CHARGE-REQ: even the pessimistic arrival needs a charge, and the forecaster advises a charger.</summary>
    public sealed class ChargeRequiredRule : AlertRule
    {
        public const string AlertCode = "RG-CHARGE-REQ";

        public ChargeRequiredRule() : base(AlertCode, AlertSeverity.Warning)
        {
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            if (!c.ForecastUsable)
            {
                return;
            }

            ForecastResult f = c.Forecast;
            float p10 = f.Destination.SocP10;
            float level = c.Config.ChargeRequiredP10Pct;
            bool chargerAhead = f.AdviceChargerIndex >= 0 || f.NextCharger.Exists;
            r.Set(p10 < level && f.AdviceChargerIndex >= 0, p10 < level + c.Config.ReserveHysteresisPct && chargerAhead, -p10, c.Config.WorsenStepPct);
        }

        public override string Text(AlertContext c)
        {
            ForecastResult f = c.Forecast;
            int idx = f.AdviceChargerIndex >= 0 ? f.AdviceChargerIndex : f.NextChargerIndex;
            if (f.AdviceChargeMinutes <= 0f)
            {
                return "Charge at " + c.Trip.ChargerName(idx) + "; destination needs it";
            }

            return "Charge at " + c.Trip.ChargerName(idx) + ": " + AlertTexts.Int(f.AdviceChargeMinutes) + " min to "
                + AlertTexts.Int(f.AdviceChargeToSocPercent) + " %; destination needs it";
        }
    }
}
