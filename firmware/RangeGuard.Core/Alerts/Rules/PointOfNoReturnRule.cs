using RangeGuard.Forecast;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-PONR: a charge is required and the point after which the last reachable charger is out of reach is close.</summary>
    public sealed class PointOfNoReturnRule : AlertRule
    {
        public const string AlertCode = "RG-PONR";

        public PointOfNoReturnRule() : base(AlertCode, AlertSeverity.Critical)
        {
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            if (!c.ForecastUsable)
            {
                return;
            }

            ForecastResult f = c.Forecast;
            AlertConfig cfg = c.Config;
            float p10 = f.Destination.SocP10;
            bool needEnter = p10 < cfg.ChargeRequiredP10Pct;
            bool needStay = p10 < cfg.ChargeRequiredP10Pct + cfg.ReserveHysteresisPct;
            bool lastOk = f.LastReachableChargerIndex >= 0;
            float ponrKm = f.PointOfNoReturnM / 1000f;
            bool driving = Motion.Driving(c);
            // "Worse" compares where the point lies on the route (position + distance), not the distance itself, which
            // shrinks by every kilometre driven and would re-alert every WorsenStepKm without anything getting worse.
            r.Set(Motion.MovingOff(c) && needEnter && lastOk && ponrKm < cfg.PonrWarnKm,
                driving && needStay && lastOk && ponrKm < cfg.PonrWarnKm + cfg.PonrHysteresisKm,
                -(c.Trip.PositionM / 1000f + ponrKm), cfg.WorsenStepKm);
        }

        public override string Text(AlertContext c)
        {
            ForecastResult f = c.Forecast;
            int idx = f.LastReachableChargerIndex;
            float distM = idx >= 0 && idx < c.Trip.ChargerCount ? c.Trip.Plan.Chargers.PositionM[idx] - c.Trip.PositionM : f.NextCharger.DistanceM;
            float minutes = AlertTexts.EtaMinutes(f, distM, c.Readings.FreshSpeedKmh);
            return "Last reachable charger " + c.Trip.ChargerName(idx) + " " + AlertTexts.Int(distM / 1000f) + " km / "
                + AlertTexts.Int(minutes) + " min ahead; destination not reachable without it";
        }
    }
}
