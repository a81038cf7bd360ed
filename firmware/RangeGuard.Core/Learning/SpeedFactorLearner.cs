namespace RangeGuard.Learning
{
    /// <summary>
    /// How fast this driver goes relative to the plan's expected speeds: f = (plan time) / (time actually taken) for the
    /// same distance, exponentially weighted over the last <see cref="TauM"/> of distance, blended from 1 as evidence
    /// accumulates and bounded to [<see cref="MinFactor"/>, <see cref="MaxFactor"/>]. Stops up to
    /// <see cref="MaxTrafficStopS"/> count as driving (lights, queues, as the plan's mean speeds do); longer ones
    /// (parking, a break) are dropped. Lives across re-plans of one trip; <see cref="Reset"/> for a fresh start.
    /// </summary>
    public sealed class SpeedFactorLearner
    {
        public const float TauM = 10000f;
        public const float MinFactor = 0.7f, MaxFactor = 1.3f;
        public const float MaxTrafficStopS = 120f;

        private float _planS, _actualS, _seenM, _stopS;

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
            _planS = _actualS = _seenM = _stopS = 0f;
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

            if (distanceM < 0.5f)
            {
                // Standing: keep the stop aside until we know whether it was traffic or a break.
                _stopS += dtS;
                return;
            }

            float a = distanceM / TauM;
            a = a > 1f ? 1f : a;
            float stop = _stopS <= MaxTrafficStopS ? _stopS : 0f;
            _stopS = 0f;
            _planS = _planS * (1f - a) + planTimeS;
            _actualS = _actualS * (1f - a) + dtS + stop;
            _seenM += distanceM;
            if (_seenM > 4f * TauM)
            {
                _seenM = 4f * TauM;
            }
        }
    }
}
