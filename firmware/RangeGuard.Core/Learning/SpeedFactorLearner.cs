namespace RangeGuard.Learning
{
    /// <summary>
    /// How fast this driver goes relative to the plan's expected speeds: f = (plan time) / (time actually taken) for the
    /// same distance, exponentially weighted over the last <see cref="TauM"/> of distance, blended from 1 as evidence
    /// accumulates and bounded to [<see cref="MinFactor"/>, <see cref="MaxFactor"/>].
    /// <para>
    /// Slow spells: a run of ticks below <see cref="MinFactor"/> × the plan's speed (standing included) is no driver's
    /// pace (the floor says so); it is held aside until it ends and then judged whole by the time it lost against the plan.
    /// Up to <see cref="MaxTrafficStopS"/> lost it counts as driving (a red light, a queue: the plan's mean speeds carry
    /// those); more is a break (parked) or a jam, which is not recurrent and says nothing about how this driver will go on
    /// the rest of the route, so it is dropped. Judged per spell, not per tick, so stop-and-go city driving learns as the
    /// plan's mean speeds expect. Lives across re-plans of one trip; <see cref="Reset"/> for a fresh start.
    /// </para>
    /// </summary>
    public sealed class SpeedFactorLearner
    {
        public const float TauM = 10000f;
        public const float MinFactor = 0.7f, MaxFactor = 1.3f;
        public const float MaxTrafficStopS = 120f;

        private float _planS, _actualS, _seenM;

        // The slow spell under way: plan time, time taken (stops included), distance.
        private float _slowPlanS, _slowS, _slowM;

        public SpeedFactorLearner()
        {
            Reset();
        }

        /// <summary>Distance learned from so far, m (saturates at a few τ).</summary>
        public float SeenDistanceM { get { return _seenM; } }

        /// <summary>Driven speed / plan speed (1 = as planned).</summary>
        public float Factor
        {
            get
            {
                if (_actualS <= 0f || _planS <= 0f)
                {
                    return 1f;
                }

                float raw = _planS / _actualS;
                float w = _seenM / TauM;
                w = w > 1f ? 1f : w;
                float f = 1f + (raw - 1f) * w;
                return f < MinFactor ? MinFactor : (f > MaxFactor ? MaxFactor : f);
            }
        }

        public void Reset()
        {
            _planS = _actualS = _seenM = 0f;
            _slowPlanS = _slowS = _slowM = 0f;
        }

        /// <summary>NaN or infinite (float.IsFinite is not in nanoFramework's mscorlib).</summary>
        internal static bool NotFinite(float x)
        {
            return float.IsNaN(x) || float.IsInfinity(x);
        }

        /// <summary>
        /// One tick: <paramref name="dtS"/> elapsed, <paramref name="distanceM"/> driven, which the plan expected to take
        /// <paramref name="planTimeS"/>. Garbage (negative, NaN, infinite) is ignored.
        /// </summary>
        public void Add(float dtS, float distanceM, float planTimeS)
        {
            // IsNaN first: the interpreter orders NaN above everything, so "!(x >= 0f)" lets NaN through there.
            if (NotFinite(dtS) || NotFinite(distanceM) || NotFinite(planTimeS) || dtS <= 0f || distanceM < 0f || planTimeS < 0f)
            {
                return;
            }

            if (distanceM < 0.5f || planTimeS < MinFactor * dtS)
            {
                // Standing, or slower than any driver's pace: part of a slow spell, judged when it ends.
                _slowPlanS += planTimeS;
                _slowS += dtS;
                _slowM += distanceM;
                return;
            }

            if (_slowS > 0f)
            {
                if (_slowS - _slowPlanS <= MaxTrafficStopS)
                {
                    Learn(_slowS, _slowM, _slowPlanS);
                }

                _slowPlanS = _slowS = _slowM = 0f;
            }

            Learn(dtS, distanceM, planTimeS);
        }

        private void Learn(float dtS, float distanceM, float planTimeS)
        {
            float a = distanceM / TauM;
            a = a > 1f ? 1f : a;
            _planS = _planS * (1f - a) + planTimeS;
            _actualS = _actualS * (1f - a) + dtS;
            _seenM += distanceM;
            if (_seenM > 4f * TauM)
            {
                _seenM = 4f * TauM;
            }
        }
    }
}
