using RangeGuard.Forecast;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>RG-STRANDED: the destination fails at the median and no charger is reachable with its reserve; the fleet crew is told.</summary>
    public sealed class NothingReachableRule : AlertRule
    {
        public const string AlertCode = "RG-STRANDED";

        public NothingReachableRule() : base(AlertCode, AlertSeverity.Critical)
        {
            FleetFlag = true;
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            if (!c.ForecastUsable)
            {
                return;
            }

            ForecastResult f = c.Forecast;
            float h = c.Config.ReserveHysteresisPct;
            bool lastOk = f.LastReachableChargerIndex >= 0;
            bool chargerMarginal = !lastOk || (f.NextCharger.Exists && f.NextCharger.SocP10 < c.Trip.ChargerReservePct + h);
            float strandAtKm = f.StrandingDistanceM < 0f ? 1e6f : (c.Trip.PositionM + f.StrandingDistanceM) / 1000f;
            // A slower pace that still arrives (AdviceMaxSpeedKmh > 0) means something IS reachable: RG-ARRIVE-LOW and
            // RG-CHARGE-REQ carry that advice; a critical "nothing reachable" next to "stay below 70 km/h" would contradict it.
            // Plugged in, the car charges at a charger: "nothing reachable" is not true of where it stands.
            bool slowerArrives = f.AdviceMaxSpeedKmh > 0f;
            r.Set(Motion.MovingOff(c) && !f.Destination.Reachable && !lastOk && !slowerArrives,
                Motion.Driving(c) && f.Destination.SocP50 < h && chargerMarginal && !slowerArrives,
                -strandAtKm, c.Config.WorsenStepKm);
        }

        public override string Text(AlertContext c)
        {
            ForecastResult f = c.Forecast;
            return "Nothing reachable: strands in " + AlertTexts.Int(f.StrandingDistanceM / 1000f) + " km"
                + AlertTexts.Causes(f, c.Readings) + "; fleet crew alerted";
        }
    }
}
