using RangeGuard.Forecast;
using RangeGuard.State;

namespace RangeGuard.Alerts.Rules
{
    /// <summary>
    /// RG-DEGRADED: the agent cannot be trusted right now: an internal error, the CAN bridge silent, a required input
    /// stale, or a forecast too uncertain to decide by (only when the uncertainty could change the driver's decision).
    /// </summary>
    public sealed class DegradedRule : AlertRule
    {
        public const string AlertCode = "RG-DEGRADED";

        public DegradedRule() : base(AlertCode, AlertSeverity.Advisory)
        {
            Smooth = false;
        }

        public override void Evaluate(AlertContext c, AlertCondition r)
        {
            ForecastResult f = c.Forecast;
            bool forecastOn = c.ForecastUsable;
            float rank = 0f;
            if (c.InternalError)
            {
                rank = 4f;
            }
            else if (c.Readings.CanSilent)
            {
                rank = 3f;
            }
            else if (c.Readings.FirstStale >= 0)
            {
                rank = 2f;
            }
            else if (forecastOn && Matters(c) && (f.Degraded || f.BandRelativeWidth > c.Config.UncertainBandEnter))
            {
                rank = 1f;
            }

            bool stay = rank > 0f || (forecastOn && Matters(c) && f.BandRelativeWidth > c.Config.UncertainBandExit);
            r.Set(rank > 0f, stay, rank, 1f);
        }

        public override string Text(AlertContext c)
        {
            return "Degraded: " + Reason(c);
        }

        /// <summary>Why the agent is degraded, most serious first.</summary>
        public static string Reason(AlertContext c)
        {
            if (c.InternalError)
            {
                return "internal error, heater off";
            }

            if (c.Readings.CanSilent)
            {
                return "CAN bridge silent";
            }

            if (c.Readings.FirstStale >= 0)
            {
                return InputId.Name(c.Readings.FirstStale) + (c.Readings.FirstStaleNeverReceived ? " not received" : " stale");
            }

            ForecastResult f = c.Forecast;
            if (f != null && f.Degraded && f.Reason != null)
            {
                return f.Reason;
            }

            return "prediction uncertain ±" + AlertTexts.Int(f == null ? 0f : f.BandRelativeWidth * 50f) + " %";
        }

        /// <summary>
        /// An uncertain forecast matters only when the uncertainty could change the driver's decision: when even the
        /// pessimistic (P10) arrival is above the reserve (plus hysteresis), the driver arrives fine either way.
        /// </summary>
        private static bool Matters(AlertContext c)
        {
            return c.Forecast.Destination.SocP10 < c.Trip.DestinationReservePct + c.Config.ReserveHysteresisPct;
        }
    }
}
