namespace RangeGuard.Trip
{
    /// <summary>
    /// Decides when a trip along the plan is complete, so that the forecaster learns from it exactly once. The rule:
    /// <list type="bullet">
    /// <item>a trip begins when a plan is accepted, and after a completed trip at the first tick moving (fresh speed of
    /// 1 km/h or more: the forecaster takes the same tick as its departure);</item>
    /// <item>it is complete when the car, having driven at least 1 km since the trip began, has been parked (last known
    /// speed under 1 km/h, the bus awake or asleep) for 1 minute within max(300 m, 2 % of the plan) of the plan's
    /// destination, or for 30 minutes anywhere (a charging stop, a long break, the night: long enough for the cabin and
    /// the drivetrain to cool, so the next departure starts cold again);</item>
    /// <item>or when a new plan arrives while the car, having driven at least 1 km, is within that distance of the
    /// destination, parked or rolling in (a navigation system re-plans on arrival, e.g. at a charger, before a minute has
    /// passed).</item>
    /// </list>
    /// A new plan at any other moment drops the unfinished trip (its departure forecast was for the old plan).
    /// The trip's battery energy is integrated here from the power the agent gives the forecaster (discharge minus
    /// regeneration, the agent's own battery heater excluded), never while plugged in (charging is not the trip's energy),
    /// up to the moment the car parked: the parked time is not part of the trip, as it is not part of the forecast.
    /// One instance, fixed state, no allocation.
    /// </summary>
    public sealed class TripEndDetector
    {
        public const float MinTripM = 1000f;
        public const float MovingKmh = 1f;
        public const long DestinationParkedMs = 60000L;
        public const long ParkedEndMs = 30L * 60000L;
        public const float DestinationToleranceM = 300f, DestinationToleranceRel = 0.02f;

        private bool _open, _parked;
        private long _parkedSinceMs;
        private double _energyWh, _energyAtParkWh;
        private float _startM, _atParkM;
        private float _measuredKwh;
        private bool _reachedDestination;
        private int _completed;

        /// <summary>A trip has begun and not yet completed.</summary>
        public bool Open { get { return _open; } }

        /// <summary>Battery energy of the open trip so far, Wh.</summary>
        public double EnergyWh { get { return _energyWh; } }

        /// <summary>Distance of the open trip so far, m.</summary>
        public float DrivenM(float positionM)
        {
            return _open ? positionM - _startM : 0f;
        }

        /// <summary>The latest completed trip: its battery energy, kWh, and whether it ended at the plan's destination.</summary>
        public float MeasuredKwh { get { return _measuredKwh; } }

        public bool ReachedDestination { get { return _reachedDestination; } }

        /// <summary>Trips completed since start-up.</summary>
        public int Completed { get { return _completed; } }

        /// <summary>A plan was accepted: a trip begins now at this position (an unfinished one is dropped, not learned).</summary>
        public void Begin(float positionM)
        {
            _open = true;
            _parked = false;
            _energyWh = 0;
            _startM = positionM;
        }

        /// <summary>
        /// One agent tick. <paramref name="remainingM"/> is the distance to the plan's destination (negative when unknown);
        /// <paramref name="powerW"/> counts only when <paramref name="powerFresh"/>. True once, on the tick a trip completes.
        /// </summary>
        public bool Update(long nowMs, long dtMs, float positionM, float remainingM, bool speedFresh, float speedKmh,
            bool parked, bool pluggedIn, bool powerFresh, float powerW)
        {
            if (!_open)
            {
                // IsNaN first: ordered comparisons treat NaN differently on the interpreter (portable-code.md).
                if (!speedFresh || float.IsNaN(speedKmh) || speedKmh < MovingKmh)
                {
                    return false;
                }

                Begin(positionM);
            }

            if (powerFresh && !pluggedIn && !float.IsNaN(powerW) && dtMs > 0)
            {
                _energyWh += powerW * (double)dtMs / 3600000.0;
            }

            if (!parked)
            {
                _parked = false;
                return false;
            }

            if (!_parked)
            {
                _parked = true;
                _parkedSinceMs = nowMs;
                _energyAtParkWh = _energyWh;
                _atParkM = positionM;
            }

            if (_atParkM - _startM < MinTripM)
            {
                return false;
            }

            long parkedMs = nowMs - _parkedSinceMs;
            bool atDestination = AtDestination(positionM, remainingM);
            if ((atDestination && parkedMs >= DestinationParkedMs) || parkedMs >= ParkedEndMs)
            {
                Complete(atDestination);
                return true;
            }

            return false;
        }

        /// <summary>
        /// A new plan arrives (call before it replaces the old one): true, once, when the car is at the old plan's
        /// destination after a trip of at least 1 km, which is then complete (MeasuredKwh up to now, or to the moment it
        /// parked).
        /// </summary>
        public bool CompleteOnNewPlan(float positionM, float remainingM)
        {
            if (!_open || !AtDestination(positionM, remainingM) || (_parked ? _atParkM : positionM) - _startM < MinTripM)
            {
                return false;
            }

            if (!_parked)
            {
                _energyAtParkWh = _energyWh;
            }

            Complete(true);
            return true;
        }

        private static bool AtDestination(float positionM, float remainingM)
        {
            float remaining = float.IsNaN(remainingM) ? -1f : remainingM;
            float tolerance = DestinationToleranceRel * (positionM + (remaining > 0f ? remaining : 0f));
            tolerance = tolerance > DestinationToleranceM ? tolerance : DestinationToleranceM;
            return remaining >= 0f && remaining <= tolerance;
        }

        private void Complete(bool atDestination)
        {
            _open = false;
            _parked = false;
            _measuredKwh = (float)(_energyAtParkWh / 1000.0);
            _reachedDestination = atDestination;
            _completed++;
        }
    }
}
