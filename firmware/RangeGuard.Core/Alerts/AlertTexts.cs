using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;

namespace RangeGuard.Alerts
{
    /// <summary>
    /// Short dashboard texts with numbers and the top causes. Called only when an alert is raised or worsens,
    /// so string building here never runs in the steady-state tick.
    /// </summary>
    public static class AlertTexts
    {
        public static string Build(int kind, AlertInputs a, AlertConfig cfg)
        {
            ForecastResult f = a.Forecast;
            switch (kind)
            {
                case AlertKind.ArriveLow:
                    return "Arrive " + Int(f.Destination.SocP50) + " %" + AtDestination(a) + Causes(f, a) + SpeedAdvice(f);
                case AlertKind.ChargeRequired:
                    return ChargeText(f, a);
                case AlertKind.PointOfNoReturn:
                    return PonrText(f, a);
                case AlertKind.NothingReachable:
                    return "Nothing reachable: strands in " + Int(f.StrandingDistanceM / 1000f) + " km" + Causes(f, a) + "; fleet crew alerted";
                case AlertKind.ColdSoak:
                    return "Plug in tonight: pack " + Int(a.ColdSoakPackTempC) + " °C by " + ClockText(a.DepartureUtcMs + cfg.UtcOffsetMinutes * 60000L)
                        + (a.ColdSoakLossKm >= 0f ? ", -" + Int(a.ColdSoakLossKm) + " km range" : string.Empty);
                case AlertKind.PrecondOn:
                    return PrecondOnText(a);
                case AlertKind.PrecondStopped:
                    return "Battery heating stopped: " + a.Planner.EventReason;
                case AlertKind.PrecondDeclined:
                    return DeclinedText(a);
                case AlertKind.Degraded:
                    return "Degraded: " + DegradedReason(a, cfg);
                default:
                    return AlertKind.Code(kind);
            }
        }

        /// <summary>Why the agent is degraded, most serious first.</summary>
        public static string DegradedReason(AlertInputs a, AlertConfig cfg)
        {
            if (a.InternalError)
            {
                return "internal error, heater off";
            }

            if (a.CanSilent)
            {
                return "CAN bridge silent";
            }

            if (a.StaleInput >= 0)
            {
                return InputId.Name(a.StaleInput) + " stale";
            }

            ForecastResult f = a.Forecast;
            if (f != null && f.Degraded && f.Reason != null)
            {
                return f.Reason;
            }

            return "prediction uncertain ±" + Int(f == null ? 0f : f.BandRelativeWidth * 50f) + " %";
        }

        public static string ChargerName(AlertInputs a, int index)
        {
            if (index < 0 || index >= a.ChargerCount)
            {
                return "a charger";
            }

            string name = a.Chargers[index].Name;
            return name == null || name.Length == 0 ? "charger " + (index + 1).ToString() : name;
        }

        /// <summary>Rounded whole number as text ("-8", "120").</summary>
        public static string Int(float v)
        {
            if (float.IsNaN(v) || float.IsInfinity(v))
            {
                return "?";
            }

            return ((int)RangeGuard.Common.DMath.Round(v)).ToString();
        }

        /// <summary>Clock time "hh:mm" of a ms timestamp (add the local offset first for local time).</summary>
        public static string ClockText(long utcMs)
        {
            // Nearest minute: a departure computed as 08:29:59.9 reads 08:30.
            long minutes = (utcMs + 30000) / 60000;
            int hh = (int)((minutes / 60) % 24);
            int mm = (int)(minutes % 60);
            return hh.ToString("D2") + ":" + mm.ToString("D2");
        }

        private static string ChargeText(ForecastResult f, AlertInputs a)
        {
            int idx = f.AdviceChargerIndex >= 0 ? f.AdviceChargerIndex : f.NextChargerIndex;
            if (f.AdviceChargeMinutes <= 0f)
            {
                return "Charge at " + ChargerName(a, idx) + "; destination needs it";
            }

            return "Charge at " + ChargerName(a, idx) + ": " + Int(f.AdviceChargeMinutes) + " min to "
                + Int(f.AdviceChargeToSocPercent) + " %; destination needs it";
        }

        private static string PonrText(ForecastResult f, AlertInputs a)
        {
            int idx = f.LastReachableChargerIndex;
            float distM = idx >= 0 && idx < a.ChargerCount ? a.Chargers[idx].PositionM - a.PositionM : f.NextCharger.DistanceM;
            float minutes = EtaMinutes(f, distM, a.SpeedKmh);
            return "Last reachable charger " + ChargerName(a, idx) + " " + Int(distM / 1000f) + " km / " + Int(minutes)
                + " min ahead; destination not reachable without it";
        }

        private static string PrecondOnText(AlertInputs a)
        {
            PreconditioningPlanner p = a.Planner;
            string mins = Int(p.RequiredHeatingS / 60f);
            if (p.Mode == PreconditioningPlanner.ModeHeatingDeparture)
            {
                return "Heating battery from grid for " + ClockText(a.DepartureUtcMs + a.UtcOffsetMs) + " departure: " + mins + " min";
            }

            return "Heating battery for " + ChargerName(a, p.TargetChargerIndex) + ": " + mins + " min, "
                + RangeGuard.Common.TextNumber.Fixed(p.PlannedHeatingKwh, 1) + " kWh";
        }

        private static string DeclinedText(AlertInputs a)
        {
            PreconditioningPlanner p = a.Planner;
            string text = "Battery heating declined for " + ChargerName(a, p.TargetChargerIndex) + ": " + p.EventReason;
            if (p.EventReason == PreconditioningPlanner.ReasonWouldMissReserve)
            {
                text = text + " (" + Int(p.SocAfterHeatingPct) + " % < " + Int(a.ChargerReservePct) + " %)";
            }

            return text;
        }

        /// <summary>Minutes to cover a distance, from the next charger's ETA rate when known, else the current speed.</summary>
        private static float EtaMinutes(ForecastResult f, float distM, float speedKmh)
        {
            if (f.NextCharger.Exists && f.NextCharger.DistanceM > 1f && f.NextCharger.EtaSeconds > 0f)
            {
                return distM * (f.NextCharger.EtaSeconds / f.NextCharger.DistanceM) / 60f;
            }

            return speedKmh > 5f ? distM / 1000f / speedKmh * 60f : float.NaN;
        }

        /// <summary>Below this speed the current speed is not quoted with the speed cause (leaving a charger at 4 km/h it would mislead).</summary>
        public const float MinQuotedSpeedKmh = 30f;

        /// <summary>A cause costing less than this is not quoted ("speed (-1 km)" on a 300 km leg explains nothing), km.</summary>
        public const float MinQuotedLossKm = 2f;

        /// <summary>" at Milford CT SB", or nothing when the plan's destination has no name.</summary>
        public static string AtDestination(AlertInputs a)
        {
            return a.DestinationName == null || a.DestinationName.Length == 0 ? string.Empty : " at " + a.DestinationName;
        }

        /// <summary>
        /// "— cold -2 °C (-40 km), 110 km/h (-25 km)": the top two causes with the range each costs, cold effects merged
        /// into one phrase (their km summed).
        /// </summary>
        private static string Causes(ForecastResult f, AlertInputs a)
        {
            string text = string.Empty;
            bool cold = false;
            int used = 0;
            float[] km = f.LossKmByCause;
            for (int i = 0; i < f.TopCauses.Length && used < 2; i++)
            {
                int c = f.TopCauses[i];
                if (c < 0 || km[c] <= 0f)
                {
                    continue;
                }

                string phrase;
                if (!IsCold(c) && km[c] < MinQuotedLossKm)
                {
                    continue;
                }

                if (IsCold(c))
                {
                    if (cold)
                    {
                        continue;
                    }

                    cold = true;
                    float coldKm = Positive(km[LossCause.ColdAirAndTyres]) + Positive(km[LossCause.CabinHeating]) + Positive(km[LossCause.ColdBattery]);
                    phrase = (float.IsNaN(a.AmbientC) ? "cold" : "cold " + Int(a.AmbientC) + " °C") + Lost(coldKm);
                }
                else if (c == LossCause.Speed)
                {
                    phrase = (float.IsNaN(a.SpeedKmh) || a.SpeedKmh < MinQuotedSpeedKmh ? "speed" : Int(a.SpeedKmh) + " km/h") + Lost(km[c]);
                }
                else
                {
                    phrase = LossCause.Name(c) + Lost(km[c]);
                }

                text = used == 0 ? " — " + phrase : text + ", " + phrase;
                used++;
            }

            return text;
        }

        private static bool IsCold(int cause)
        {
            return cause == LossCause.ColdAirAndTyres || cause == LossCause.CabinHeating || cause == LossCause.ColdBattery;
        }

        private static float Positive(float v)
        {
            return v > 0f ? v : 0f;
        }

        /// <summary>" (-40 km)": range lost to a cause.</summary>
        private static string Lost(float km)
        {
            return " (-" + Int(km) + " km)";
        }

        private static string SpeedAdvice(ForecastResult f)
        {
            if (f.AdviceMaxSpeedKmh > 0f)
            {
                return "; stay below " + Int(f.AdviceMaxSpeedKmh) + " km/h";
            }

            return f.AdviceMaxSpeedKmh < 0f ? "; plan a charge" : string.Empty;
        }
    }
}
