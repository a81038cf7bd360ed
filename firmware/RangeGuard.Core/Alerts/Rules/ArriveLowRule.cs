using RangeGuard.Forecast;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-ARRIVE-LOW: the median arrival at the destination is below the driver's reserve.</summary>
    public sealed class ArriveLowRule : AlertRule
    {
        public const string AlertCode = "RG-ARRIVE-LOW";

        public ArriveLowRule() : base(AlertCode, AlertSeverity.Advisory)
        {
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            if (!c.ForecastUsable)
            {
                return;
            }

            // Plugged in, the car stands at a charger still charging: an arrival figure from the SOC of the moment is
            // noise next to the charge advice (RG-CHARGE-REQ says how long to charge); it is judged at departure.
            bool atCharger = c.Readings.PluggedIn;
            float p50 = c.Forecast.Destination.SocP50;
            float res = c.Trip.DestinationReservePct;
            r.Set(!atCharger && p50 < res, !atCharger && p50 < res + c.Config.ReserveHysteresisPct, res - p50, c.Config.WorsenStepPct);
        }

        public override string Text(AlertContext c)
        {
            ForecastResult f = c.Forecast;
            return "Arrive " + AlertTexts.Int(f.Destination.SocP50) + " %" + AlertTexts.AtDestination(c.Trip)
                + AlertTexts.Causes(f, c.Readings) + AlertTexts.SpeedAdvice(f);
        }
    }
}
