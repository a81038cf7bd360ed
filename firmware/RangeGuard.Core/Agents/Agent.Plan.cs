// Agent: accepting a route plan and the planned departure.
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        private RoutePlan _plan;

        /// <summary>Forwards to the forecaster; on success the trip restarts at the plan's origin and preconditioning re-plans.</summary>
        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            if (plan == null)
            {
                error = "plan is null";
                _counters.PlansRejected++;
                return false;
            }

            LearnBeforeNewPlan();
            if (!_forecaster.TrySetPlan(plan, out error))
            {
                _counters.PlansRejected++;
                return false;
            }

            _counters.PlansAccepted++;
            KeepPlan(plan);
            _trip.Accept(plan);
            _tripEnd.Begin(_trip.PositionM);
            _planner.Reset(_clock.UtcMilliseconds, PreconditioningPlanner.ReasonPlanChanged);
            SetHeater(false);
            _policy.RebasePositions();
            return true;
        }

        /// <summary>The plan in force (a copy the agent owns), or null before the first one.</summary>
        public RoutePlan Plan
        {
            get { return _plan; }
        }

        /// <summary>
        /// A copy of the accepted plan: the caller may reuse its own (a command's staging copy), and a forecaster replaced
        /// in the field (<see cref="TryReplaceVehicle"/>) must be given the plan in force. Allocated once per capacity.
        /// </summary>
        private void KeepPlan(RoutePlan plan)
        {
            if (_plan == null || _plan.Segments.Length < plan.SegmentCount)
            {
                _plan = new RoutePlan(plan.Segments.Length);
            }

            _plan.CopyFrom(plan);
        }

        /// <summary>
        /// Departure time (ms since epoch) and the forecast minimum ambient until then (from the route command or the
        /// navigation system); a negative time clears both. The cold-soak outlook and departure preconditioning use them.
        /// </summary>
        public void SetDeparture(long departureUtcMs, float forecastMinAmbientC)
        {
            _trip.SetDeparture(departureUtcMs, forecastMinAmbientC);
        }
    }
}
