// Agent: what the fleet may change in the field (cmd/ack, cmd/precondition, cmd/config), each applied whole or not at all.
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        private int _vehicleChanges;

        /// <summary>How often the vehicle parameters were replaced in the field (<see cref="TryReplaceVehicle"/>).</summary>
        public int VehicleChanges
        {
            get { return _vehicleChanges; }
        }

        /// <summary>The forecaster in force (replaced by <see cref="TryReplaceVehicle"/>).</summary>
        public IRangeForecaster Forecaster
        {
            get { return _forecaster; }
        }

        /// <summary>
        /// Acknowledges one active alert (as the button does for all): true when it was active and not yet acknowledged.
        /// The "ack" transition goes out with the next tick.
        /// </summary>
        public bool Acknowledge(string code)
        {
            int k = _alerts.IndexOf(code);
            if (k < 0)
            {
                return false;
            }

            AlertSlot s = _alerts.Slot(k);
            if (!s.Active || s.Acknowledged)
            {
                return false;
            }

            s.Acknowledged = true;
            _alerts.Enqueue(k, AlertEvent.Acknowledged);
            return true;
        }

        /// <summary>Heat the pack now for at most this long; the planner still refuses what would break its rules.</summary>
        public void StartPreconditioning(int minutes)
        {
            _planner.FleetStart(_clock.UtcMilliseconds, minutes);
        }

        /// <summary>Stops heating at once and cancels the planned departure (and with it departure heating).</summary>
        public void StopPreconditioning()
        {
            _planner.FleetStop(_clock.UtcMilliseconds);
            SetHeater(false);
            _trip.SetDeparture(-1, _trip.ForecastMinAmbientC);
        }

        /// <summary>Heats so the pack is ready at the departure (plugged in, from the grid): sets the departure.</summary>
        public void SchedulePreconditioning(long departureUtcMs)
        {
            _planner.FleetResume();
            float minAmbient = _trip.DepartureUtcMs >= 0 ? _trip.ForecastMinAmbientC
                : (_readings.AmbientFresh ? _readings.AmbientC : _trip.ForecastMinAmbientC);
            _trip.SetDeparture(departureUtcMs, minAmbient);
        }

        /// <summary>Call after changing <see cref="AgentConfig.Alerts"/> in place (the rules read it live; the clock offset is cached).</summary>
        public void AlertConfigChanged()
        {
            _alertContext.UtcOffsetMs = _cfg.Alerts.UtcOffsetMinutes * 60000L;
        }

        /// <summary>
        /// The plan a new vehicle's forecaster must hold before <see cref="TryReplaceVehicle"/>: the plan in force, or null
        /// when there is none. A plan being prepared comes into force first.
        /// </summary>
        public RoutePlan PlanForNewVehicle()
        {
            FinishPlan();
            return _trip.PlanSet ? _plan : null;
        }

        /// <summary>
        /// New vehicle parameters in the field: <paramref name="forecaster"/> already holds <paramref name="planTaken"/>
        /// (<see cref="PlanForNewVehicle"/>; the caller prepares it, a slice per loop pass for a long route). Refused, nothing
        /// changed, when that is no longer the plan in force. Then the forecaster and the pack parameters are swapped
        /// (heating stops and re-plans).
        /// </summary>
        public bool TryReplaceVehicle(IRangeForecaster forecaster, RoutePlan planTaken, PackThermalParams thermal, out string error)
        {
            error = null;
            if (forecaster == null)
            {
                error = "forecaster is null";
                return false;
            }

            if (_pending != null || planTaken != (_trip.PlanSet ? _plan : null))
            {
                error = "the plan in force changed while the new vehicle prepared it";
                return false;
            }

            _forecaster = forecaster;
            _cfg.Thermal = thermal;
            _planner.SetThermal(_clock.UtcMilliseconds, thermal);
            SetHeater(false);
            _vehicleChanges++;
            return true;
        }
    }
}
