// Agent: accepting a route plan, the departure time and the cold-soak estimate.
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        /// <summary>Forwards to the forecaster; on success resets the route position and re-plans preconditioning.</summary>
        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            if (plan == null)
            {
                error = "plan is null";
                _counters.PlansRejected++;
                return false;
            }

            if (!_forecaster.TrySetPlan(plan, out error))
            {
                _counters.PlansRejected++;
                return false;
            }

            _counters.PlansAccepted++;
            int n = plan.ChargerCount < RoutePlan.MaxChargers ? plan.ChargerCount : RoutePlan.MaxChargers;
            System.Array.Copy(plan.Chargers, _chargers, n);
            _chargerCount = n;
            _destinationReservePct = plan.DestinationReservePercent;
            _chargerReservePct = plan.ChargerReservePercent;
            _alertIn.DestinationName = plan.DestinationName;
            _positionM = 0f;
            _lastOdometerKm = -1f;
            _planSet = true;
            long now = _clock.UtcMilliseconds;
            _planner.Reset(now, PreconditioningPlanner.ReasonPlanChanged);
            _heater.SetOn(false);
            _policy.RebasePositions();
            return true;
        }

        /// <summary>Departure time (ms since epoch) and the forecast minimum ambient until then; a negative time clears both.</summary>
        public void SetDeparture(long departureUtcMs, float forecastMinAmbientC)
        {
            _departureUtcMs = departureUtcMs < 0 ? -1 : departureUtcMs;
            _forecastMinAmbientC = forecastMinAmbientC;
            if (_departureUtcMs < 0)
            {
                _coldSoakLossKm = -1f;
            }
        }

        /// <summary>Range lost by parking unplugged until departure, km, from the forecaster's cold-soak estimator (-1 unknown). Quoted by the cold-soak alert.</summary>
        public void SetColdSoakLossKm(float lossKm)
        {
            _coldSoakLossKm = lossKm;
        }
    }
}
