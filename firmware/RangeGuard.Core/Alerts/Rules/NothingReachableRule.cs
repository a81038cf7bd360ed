using RangeGuard.Forecast;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>
    /// RG-STRANDED: the destination is out of reach and no charger on the way is reachable with its reserve, so the car
    /// will strand; the fleet crew is told. A median arrival counts as out of reach below
    /// <see cref="AlertConfig.StrandMarginPct"/> (the BMS stops a car a little above the displayed 0 %); the optimistic
    /// (P90) one below zero. Severity follows the forecast at the way the car is driven: critical when the median
    /// arrival is below the margin and no slower pace arrives, or when a slower pace would arrive but the driver is
    /// above its cap while even the optimistic (P90) arrival is below zero, or keeps above it for two minutes with the
    /// median below the margin (ignoring the cap, the driver has no slower pace in fact). A median below zero that the
    /// driver makes up by keeping to the cap stays with RG-ARRIVE-LOW's speed cap (advisory) and RG-CHARGE-REQ
    /// (warning). Once raised on the road it stays until even the pessimistic (P10) arrival is back above zero (plus
    /// the hysteresis): a band that brightens by a few percent on the way does not take back "you will strand" while a
    /// charge is still needed in the pessimistic case. Standing at a charger with a departure planned, it judges the
    /// charge the car will have by then, so the warning comes before the driver unplugs ("leaving at 10:53 with 27 %:
    /// ... charge 239 min here"), not on the first metre of the road.
    /// </summary>
    public sealed class NothingReachableRule : AlertRule
    {
        public const string AlertCode = "RG-STRANDED";

        /// <summary>Driving more than this above the advised speed cap counts as not keeping to it, km/h.</summary>
        public const float CapToleranceKmh = 5f;

        /// <summary>
        /// Above the cap (plus the tolerance) this long without a break counts as ignoring it, ms. A driver who follows the
        /// advice is above a cap for the seconds it takes to slow down after it drops (95 -> 83 km/h in one step at
        /// cold-night-unplugged sweep variant 154): that is not ignoring it.
        /// </summary>
        public const long IgnoredCapMs = 120000;

        private long _aboveCapSinceMs = -1;

        /// <summary>Leaving a charger within this of the advised SOC counts as following the advice, %.</summary>
        public const float AdvisedSocTolerancePct = 1f;

        public NothingReachableRule() : base(AlertCode, AlertSeverity.Critical)
        {
            FleetFlag = true;
        }

        /// <summary>The arrival band says the car will not get there: P90 below zero, or the median below the margin with no slower pace.</summary>
        public static bool OutOfReach(float p50, float p90, bool slowerArrives, float margin, float hysteresis)
        {
            return p90 < hysteresis || (p50 <= margin + hysteresis && !slowerArrives);
        }

        /// <summary>Plugged in at a charger with a departure planned: the forecast for leaving then applies.</summary>
        public static bool LeavingCharger(AlertContext c)
        {
            return c.Readings.PluggedIn && !float.IsNaN(c.Forecast.DepartureSocPercent);
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            if (!c.ForecastUsable)
            {
                _aboveCapSinceMs = -1; // two minutes above the cap are two minutes seen, not a gap in between
                return;
            }

            ForecastResult f = c.Forecast;
            float h = c.Config.ReserveHysteresisPct;
            if (LeavingCharger(c))
            {
                _aboveCapSinceMs = -1;
                // Leaving with what the agent itself advises is not a decision to warn about: then the speed cap speaks.
                bool shortOfAdvice = f.AdviceChargerIndex < 0 || f.DepartureSocPercent < f.AdviceChargeToSocPercent - AdvisedSocTolerancePct;
                bool none = !f.DepartureChargerReachable && shortOfAdvice;
                float p50 = f.DepartureDestinationSocP50;
                float p90 = f.DepartureDestinationSocP90;
                // At a stop the driver decides how much to charge: the alert follows the charge the departure will have.
                float m = c.Config.StrandMarginPct;
                r.Set(none && OutOfReach(p50, p90, f.DepartureSlowerArrives, m, 0f), none && OutOfReach(p50, p90, f.DepartureSlowerArrives, m, h),
                    -p50, c.Config.WorsenStepPct);
                return;
            }

            bool lastOk = f.LastReachableChargerIndex >= 0;
            bool chargerMarginal = !lastOk || (f.NextCharger.Exists && f.NextCharger.SocP10 < c.Trip.ChargerReservePct + h);
            ArrivalEstimate d = f.Destination;
            // Where the car stops, for "worse": a median that does not reach 0 % stops at the destination, so the first
            // real stranding point (just short of it) is not a jump from a sentinel that re-alerts until it settles.
            float strandAtKm = (c.Trip.PositionM + (f.StrandingDistanceM < 0f ? d.DistanceM : f.StrandingDistanceM)) / 1000f;
            // A slower pace that still arrives (AdviceMaxSpeedKmh > 0) is the driver's alternative: while the driver keeps to
            // it the median shortfall stays with RG-ARRIVE-LOW's speed cap. Driving above the cap with the optimistic arrival
            // below zero, the car strands at the way it is driven: critical, the text carries the cap. A driver who keeps
            // above the cap for IgnoredCapMs has no slower alternative in fact: the median at the pace driven judges, as
            // when no slower pace arrives (without it, seed 7001 variant 106 of the sweep, 135-145 km/h against a cap of
            // 114, heard the critical 16 min before it stranded with a median of 0-2 % for 90 km; now 67 min before).
            bool slower = f.AdviceMaxSpeedKmh > 0f;
            float speed = c.Readings.FreshSpeedKmh;
            bool aboveCap = slower && !float.IsNaN(speed) && speed > f.AdviceMaxSpeedKmh + CapToleranceKmh;
            _aboveCapSinceMs = !aboveCap ? -1 : (_aboveCapSinceMs < 0 ? c.NowMs : _aboveCapSinceMs);
            bool ignoresCap = aboveCap && c.NowMs - _aboveCapSinceMs >= IgnoredCapMs;
            float margin = c.Config.StrandMarginPct;
            bool enter = slower ? (aboveCap && d.SocP90 < 0f) || (ignoresCap && d.SocP50 <= margin) : d.SocP50 <= margin;
            // Raised only when the car moves off (parked before a planned departure the decision is still to come), but kept
            // through a stop: a break does not make the shortfall go away. Plugged in without a planned departure, the car
            // charges at a charger: "nothing reachable" is not true of where it stands.
            r.Set(Motion.MovingOff(c) && !lastOk && enter, !c.Readings.PluggedIn && chargerMarginal && d.SocP10 < margin + h,
                -strandAtKm, c.Config.WorsenStepKm);
        }

        public override string Text(AlertContext c)
        {
            ForecastResult f = c.Forecast;
            if (LeavingCharger(c))
            {
                string charge = f.AdviceChargerIndex >= 0 && f.AdviceChargeMinutes > 0f
                    ? "; charge " + AlertTexts.Int(f.AdviceChargeMinutes) + " min here (to " + AlertTexts.Int(f.AdviceChargeToSocPercent) + " %)"
                    : "; charge here";
                return "Leaving at " + c.LocalClock(c.Trip.DepartureUtcMs) + " with " + AlertTexts.Int(f.DepartureSocPercent) + " %: "
                    + Destination(c) + " not reachable (arrive " + AlertTexts.Int(f.DepartureDestinationSocP50) + " %)" + charge;
            }

            // Below the margin but above 0 % the median does not strand on paper: say what it arrives with.
            string strands = (f.StrandingDistanceM >= 0f ? "strands in " + AlertTexts.Int(f.StrandingDistanceM / 1000f) + " km"
                : "arrive " + AlertTexts.Int(f.Destination.SocP50) + " %" + AlertTexts.AtDestination(c.Trip)) + AlertTexts.Causes(f, c.Readings);
            if (f.AdviceMaxSpeedKmh > 0f)
            {
                return Destination(c) + " not reachable at this pace: " + strands + AlertTexts.SpeedAdvice(f);
            }

            return "Nothing reachable: " + strands + "; fleet crew alerted";
        }

        private static string Destination(AlertContext c)
        {
            string name = c.Trip.DestinationName;
            return name == null || name.Length == 0 ? "Destination" : name;
        }
    }
}
