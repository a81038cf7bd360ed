// Agent: accepting a route plan (at once, or a slice per loop pass) and the planned departure.
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        /// <summary>Route segments the forecaster prepares per <see cref="ContinuePlan"/> (the slowest slice about 0.19 ms on nanoCLR here, testing-on-device.md).</summary>
        public const int PlanSliceSegments = 32;

        /// <summary><see cref="ContinuePlan"/>: nothing pending, still building, the plan just came into force, the plan was refused.</summary>
        public const int PlanIdle = 0;
        public const int PlanBuilding = 1;
        public const int PlanInForce = 2;
        public const int PlanRefused = 3;

        private RoutePlan _plan;
        private RoutePlan _pending;
        private RoutePlan _spare;

        /// <summary>The plan in force (the agent's own: handed over or copied, never changed while in force), or null.</summary>
        public RoutePlan Plan
        {
            get { return _plan; }
        }

        /// <summary>A plan is being prepared (<see cref="TryBeginPlan"/>); until it is ready the ticks use the plan in force.</summary>
        public bool PlanPending
        {
            get { return _pending != null; }
        }

        /// <summary>Why the latest plan was refused (null when the latest was accepted).</summary>
        public string LastPlanError { get; private set; }

        /// <summary>
        /// Takes a copy of <paramref name="plan"/> (the caller may reuse its own) and puts it in force at once. On failure
        /// the previous plan stays in force and <paramref name="error"/> says why.
        /// </summary>
        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            if (plan == null)
            {
                return Refuse("plan is null", out error);
            }

            RoutePlan own = _spare != null && _spare.SegmentCapacity >= plan.SegmentCount && _spare.ChargerCapacity >= plan.ChargerCount
                ? _spare : new RoutePlan(plan.SegmentCapacity, plan.ChargerCapacity);
            _spare = null;
            own.CopyFrom(plan);
            RoutePlan previous = _plan;
            if (!TryAdoptPlan(own, out error))
            {
                _spare = own;
                return false;
            }

            _spare = previous; // the next copy goes there (no allocation per re-plan)
            return true;
        }

        /// <summary>
        /// Puts <paramref name="plan"/> itself in force at once (no copy: the caller hands it over and never changes it
        /// again; the previous plan is let go). On failure nothing changes and the caller keeps its plan.
        /// </summary>
        public bool TryAdoptPlan(RoutePlan plan, out string error)
        {
            if (plan == null)
            {
                return Refuse("plan is null", out error);
            }

            CancelPendingPlan();
            LearnBeforeNewPlan();
            if (!_forecaster.TrySetPlan(plan, out error))
            {
                return Refuse(error, out error);
            }

            InForce(plan);
            return true;
        }

        /// <summary>
        /// Hands <paramref name="plan"/> over (no copy) to be prepared a slice at a time by <see cref="ContinuePlan"/>, which
        /// the loop calls every pass: a long route never stalls the loop, and the ticks meanwhile use the plan in force. A
        /// plan of at most <see cref="PlanSliceSegments"/> segments is in force when this returns. False: refused at once
        /// (nothing changes); a later refusal shows in <see cref="ContinuePlan"/>. A build under way is abandoned.
        /// </summary>
        public bool TryBeginPlan(RoutePlan plan, out string error)
        {
            IIncrementalPlanner builder = _forecaster as IIncrementalPlanner;
            if (plan == null || builder == null)
            {
                return TryAdoptPlan(plan, out error);
            }

            CancelPendingPlan();
            LearnBeforeNewPlan();
            if (!builder.TryBeginPlan(plan, out error))
            {
                return Refuse(error, out error);
            }

            _pending = plan;
            ContinuePlan();
            return true;
        }

        /// <summary>Prepares the next slice of the pending plan; puts it in force when complete. Returns a Plan* state.</summary>
        public int ContinuePlan()
        {
            if (_pending == null)
            {
                return PlanIdle;
            }

            string error;
            int step = ((IIncrementalPlanner)_forecaster).ContinuePlan(PlanSliceSegments, out error);
            if (step == IncrementalPlan.Building)
            {
                return PlanBuilding;
            }

            RoutePlan plan = _pending;
            _pending = null;
            if (step == IncrementalPlan.Failed)
            {
                Refuse(error, out error);
                return PlanRefused;
            }

            InForce(plan);
            return PlanInForce;
        }

        /// <summary>Prepares the pending plan to the end now (at start-up, before the loop runs). Returns a Plan* state.</summary>
        public int FinishPlan()
        {
            int step = ContinuePlan();
            while (step == PlanBuilding)
            {
                step = ContinuePlan();
            }

            return step;
        }

        /// <summary>
        /// Departure time (ms since epoch) and the forecast minimum ambient until then (from the route command or the
        /// navigation system); a negative time clears both. The cold-soak outlook and departure preconditioning use them.
        /// </summary>
        public void SetDeparture(long departureUtcMs, float forecastMinAmbientC)
        {
            _trip.SetDeparture(departureUtcMs, forecastMinAmbientC);
        }

        /// <summary>The forecaster has taken the plan: the trip restarts at its origin and preconditioning re-plans.</summary>
        private void InForce(RoutePlan plan)
        {
            _counters.PlansAccepted++;
            LastPlanError = null;
            _plan = plan;
            _trip.Accept(plan);
            _tripEnd.Begin(_trip.PositionM);
            _planner.Reset(_clock.UtcMilliseconds, PreconditioningPlanner.ReasonPlanChanged);
            SetHeater(false);
            _policy.RebasePositions();
        }

        private void CancelPendingPlan()
        {
            if (_pending != null)
            {
                ((IIncrementalPlanner)_forecaster).CancelPlan();
                _pending = null;
            }
        }

        private bool Refuse(string reason, out string error)
        {
            error = reason;
            LastPlanError = reason;
            _counters.PlansRejected++;
            return false;
        }
    }
}
