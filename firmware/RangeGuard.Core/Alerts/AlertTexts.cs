using RangeGuard.Forecast;
using RangeGuard.State;
using RangeGuard.Trip;

namespace RangeGuard.Alerts
{
    /// <summary>
    /// Phrases the alert rules' texts share: numbers, clock times, causes, speed advice. Called only when an alert is
    /// raised or worsens, so string building here never runs in the steady-state tick.
    /// </summary>
    public static class AlertTexts
    {
        /// <summary>Below this speed the current speed is not quoted with the speed cause (leaving a charger at 4 km/h it would mislead).</summary>
        public const float MinQuotedSpeedKmh = 30f;

        /// <summary>A cause costing less than this is not quoted ("speed (-1 km)" on a 300 km leg explains nothing), km.</summary>
        public const float MinQuotedLossKm = 2f;

        /// <summary>Rounded whole number as text ("-8", "120"); "?" for NaN or infinity.</summary>
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

        /// <summary>" at Milford CT SB", or nothing when the plan's destination has no name.</summary>
        public static string AtDestination(TripContext trip)
        {
            return trip.DestinationName == null || trip.DestinationName.Length == 0 ? string.Empty : " at " + trip.DestinationName;
        }

        /// <summary>
        /// "— cold -2 °C (-40 km), 110 km/h (-25 km)": the top two causes with the range each costs, cold effects merged
        /// into one phrase (their km summed). Values not freshly received are never quoted.
        /// </summary>
        public static string Causes(ForecastResult f, VehicleReadings r)
        {
            string text = string.Empty;
            bool cold = false;
            int used = 0;
            float[] km = f.LossKmByCause;
            float ambient = r.FreshAmbientC;
            float speed = r.FreshSpeedKmh;
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
                    phrase = (float.IsNaN(ambient) ? "cold" : "cold " + Int(ambient) + " °C") + Lost(coldKm);
                }
                else if (c == LossCause.Speed)
                {
                    phrase = (float.IsNaN(speed) || speed < MinQuotedSpeedKmh ? "speed" : Int(speed) + " km/h") + Lost(km[c]);
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

        /// <summary>"; stay below 91 km/h" when a slower pace arrives, "; plan a charge" when none does, else nothing.</summary>
        public static string SpeedAdvice(ForecastResult f)
        {
            if (f.AdviceMaxSpeedKmh > 0f)
            {
                return "; stay below " + Int(f.AdviceMaxSpeedKmh) + " km/h";
            }

            return f.AdviceMaxSpeedKmh < 0f ? "; plan a charge" : string.Empty;
        }

        /// <summary>Minutes to cover a distance, from the next charger's ETA rate when known, else the current speed (NaN if neither).</summary>
        public static float EtaMinutes(ForecastResult f, float distM, float freshSpeedKmh)
        {
            if (f.NextCharger.Exists && f.NextCharger.DistanceM > 1f && f.NextCharger.EtaSeconds > 0f)
            {
                return distM * (f.NextCharger.EtaSeconds / f.NextCharger.DistanceM) / 60f;
            }

            return !float.IsNaN(freshSpeedKmh) && freshSpeedKmh > 5f ? distM / 1000f / freshSpeedKmh * 60f : float.NaN;
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
    }
}
