using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;

namespace RangeGuard.Trip
{
    /// <summary>
    /// Parked before a planned departure: how cold the pack will be by then if left unplugged, and the range that costs
    /// against plugging in with preconditioning (the "plug in tonight" warning quotes both). Computed by the agent on the
    /// device and in the simulator alike.
    /// </summary>
    public sealed class ColdSoakOutlook
    {
        /// <summary>The range estimate is refreshed this often while a departure lies ahead, ms (it runs the forecaster's physics).</summary>
        public const long RefreshMs = 600000;

        private long _nextEstimateMs;
        private int _departureVersion = -1;

        /// <summary>Parked, unplugged, a plan and a departure ahead, a pack temperature known: the outlook applies.</summary>
        public bool Applicable;

        /// <summary>Pack temperature at departure if left unplugged, °C (NaN when not applicable).</summary>
        public float PackTempAtDepartureC = float.NaN;

        /// <summary>Range lost by parking unplugged until departure, km; -1 unknown (no departure, no SOC or pack temperature yet).</summary>
        public float RangeLossKm = -1f;

        public void Update(long nowMs, VehicleReadings r, TripContext trip, PackThermalParams thermal, IRangeForecaster forecaster, float cruiseKmh)
        {
            bool ahead = trip.DepartureAhead(nowMs);
            // A parked car's bus goes to sleep: this uses the last known values and cools from the time of the last reading.
            Applicable = r.Parked && r.Unplugged && trip.PlanSet && ahead && r.BatteryTempKnown;
            PackTempAtDepartureC = Applicable
                ? ThermalModel.TempAfter(r.BatteryTempLastC, trip.ForecastMinAmbientC, 0f, thermal, (trip.DepartureUtcMs - r.BatteryTempTimeMs) / 1000f)
                : float.NaN;

            if (trip.DepartureUtcMs < 0)
            {
                RangeLossKm = -1f;
            }

            if (trip.DepartureVersion != _departureVersion)
            {
                _departureVersion = trip.DepartureVersion;
                _nextEstimateMs = nowMs;
            }

            if (ahead && nowMs >= _nextEstimateMs && r.SocKnown && r.BatteryTempKnown)
            {
                _nextEstimateMs = nowMs + RefreshMs;
                float hours = (trip.DepartureUtcMs - nowMs) / 3.6e6f;
                ColdSoakResult cs = forecaster.EstimateColdSoak(r.SocPercent, r.BatteryTempLastC, trip.ForecastMinAmbientC, hours, trip.CabinSetpointC, cruiseKmh);
                RangeLossKm = cs.RangeLostKm;
            }
        }
    }
}
