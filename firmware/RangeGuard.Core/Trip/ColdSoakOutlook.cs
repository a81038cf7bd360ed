using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;

namespace RangeGuard.Trip
{
    /// <summary>
    /// Parked before a planned departure: how cold the pack will be by then if left unplugged, and the range that costs
    /// against plugging in with preconditioning (the "plug in tonight" warning quotes both). The forecast is made once, when
    /// the car is parked (or the departure or the night's forecast minimum changes): from the pack temperature at parking,
    /// cooling towards the forecast minimum until departure, so the warning comes while the driver is still at the car,
    /// not hours into the night when a drifting projection happens to cross the threshold. Computed by the agent on the
    /// device and in the simulator alike.
    /// </summary>
    public sealed class ColdSoakOutlook
    {
        /// <summary>
        /// The pack's heat loss to ambient is taken this much above the vehicle model's for the warning: the models' UA values
        /// are engineering estimates (a round W/K per pack size, no measurement), the loss grows with wind and a cold
        /// underbody, and a missed "plug in tonight" costs a stranding while a needless one costs a plug. The cold side of
        /// a ±50 % uncertainty.
        /// </summary>
        public const float ColdSideUaFactor = 1.5f;

        private int _departureVersion = -1;

        /// <summary>Parked, unplugged, a plan and a departure ahead, a pack temperature known: the outlook applies.</summary>
        public bool Applicable;

        /// <summary>When the outlook in force was made (the car parked, or the departure changed), ms; -1 when none.</summary>
        public long MadeAtMs = -1;

        /// <summary>Pack temperature at departure if left unplugged, cold side, °C (NaN when not applicable).</summary>
        public float PackTempAtDepartureC = float.NaN;

        /// <summary>Range lost by parking unplugged until departure, km; -1 unknown (no departure, no SOC or pack temperature yet).</summary>
        public float RangeLossKm = -1f;

        public void Update(long nowMs, VehicleReadings r, TripContext trip, ref PackThermalParams thermal, IRangeForecaster forecaster, float cruiseKmh)
        {
            // A parked car's bus goes to sleep: this uses the last known values and cools from the time of the last reading.
            bool applicable = r.Parked && r.Unplugged && trip.PlanSet && trip.DepartureAhead(nowMs) && r.BatteryTempKnown;
            if (!applicable)
            {
                Applicable = false;
                PackTempAtDepartureC = float.NaN;
                MadeAtMs = -1;
                _departureVersion = -1;
                if (trip.DepartureUtcMs < 0)
                {
                    RangeLossKm = -1f;
                }

                return;
            }

            Applicable = true;
            if (MadeAtMs >= 0 && trip.DepartureVersion == _departureVersion)
            {
                return; // the forecast made at parking stands
            }

            _departureVersion = trip.DepartureVersion;
            MadeAtMs = nowMs;
            PackThermalParams cold = thermal;
            cold.LossUaWPerK = thermal.LossUaWPerK * ColdSideUaFactor;
            float seconds = (trip.DepartureUtcMs - r.BatteryTempTimeMs) / 1000f;
            PackTempAtDepartureC = ThermalModel.TempAfter(r.BatteryTempLastC, trip.ForecastMinAmbientC, 0f, cold, seconds);
            if (r.SocKnown)
            {
                // The range at stake, for the pack as cold as the warning says (already cooled: no further hours).
                ColdSoakResult cs = forecaster.EstimateColdSoak(r.SocPercent, PackTempAtDepartureC, trip.ForecastMinAmbientC, 0f, trip.CabinSetpointC, cruiseKmh);
                RangeLossKm = cs.RangeLostKm;
            }
        }
    }
}
