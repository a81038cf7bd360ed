namespace RangeGuard.Learning
{
    /// <summary>
    /// How much speed-change (kinetic) energy this driver really puts in, relative to the plan's positive kinetic energy
    /// per metre (PKE, m/s²): g = Σ max(0, Δ(v²/2)) / Σ PKE_plan·distance, exponentially weighted over the last
    /// <see cref="TauM"/> of distance, blended from 1 as evidence accumulates, bounded to [<see cref="MinFactor"/>,
    /// <see cref="MaxFactor"/>]. The consumption learner cannot correct this: it fits the measured power against the
    /// physics at the measured speed and acceleration, while the forecast adds the kinetic energy the plan assumes
    /// (e.g. HWFET-like 0.07 m/s² on a highway that a cruise-control driver covers almost without speed changes).
    /// Lives across re-plans of one trip; <see cref="Reset"/> for a fresh start.
    /// </summary>
    public sealed class KineticFactorLearner
    {
        public const float TauM = 10000f;
        public const float MinFactor = 0.25f, MaxFactor = 2f;

        private float _observed, _planned, _seenM;

        public KineticFactorLearner()
        {
            Reset();
        }

        /// <summary>Observed / planned kinetic energy (1 = as planned).</summary>
        public float Factor
        {
            get
            {
                if (_planned <= 0f)
                {
                    return 1f;
                }

                float raw = _observed / _planned;
                float w = _seenM / TauM;
                w = w > 1f ? 1f : w;
                float g = 1f + (raw - 1f) * w;
                return g < MinFactor ? MinFactor : (g > MaxFactor ? MaxFactor : g);
            }
        }

        public void Reset()
        {
            _observed = _planned = _seenM = 0f;
        }

        /// <summary>
        /// One tick: speed from <paramref name="prevSpeedMps"/> to <paramref name="speedMps"/> over <paramref name="distanceM"/>
        /// on a stretch planned at <paramref name="planPkeMps2"/>. Garbage (negative, NaN, infinite) is ignored.
        /// </summary>
        public void Add(float prevSpeedMps, float speedMps, float distanceM, float planPkeMps2)
        {
            // IsNaN first: the interpreter orders NaN above everything, so "!(x >= 0f)" lets NaN through there.
            if (SpeedFactorLearner.NotFinite(distanceM) || SpeedFactorLearner.NotFinite(planPkeMps2)
                || SpeedFactorLearner.NotFinite(prevSpeedMps) || SpeedFactorLearner.NotFinite(speedMps)
                || distanceM <= 0f || planPkeMps2 < 0f || prevSpeedMps < 0f || speedMps < 0f)
            {
                return;
            }

            float a = distanceM / TauM;
            a = a > 1f ? 1f : a;
            float ke = 0.5f * (speedMps * speedMps - prevSpeedMps * prevSpeedMps);
            _observed = _observed * (1f - a) + (ke > 0f ? ke : 0f);
            _planned = _planned * (1f - a) + planPkeMps2 * distanceM;
            _seenM += distanceM;
            if (_seenM > 4f * TauM)
            {
                _seenM = 4f * TauM;
            }
        }
    }
}
