namespace RangeGuard.Forecast
{
    /// <summary>Standard normal helpers for the forecast band.</summary>
    public static class Normal
    {
        /// <summary>z of the 90th percentile: P10..P90 = median ∓ 1.2816 σ.</summary>
        public const float Z90 = 1.2815516f;

        /// <summary>Φ(x), Abramowitz &amp; Stegun 26.2.17 (|error| &lt; 7.5e-8).</summary>
        public static float Cdf(float x)
        {
            // Far tails, the same float as the formula below gives, without it (an arrival well above or below its reserve
            // is the usual case): from -15 on the tail is below 1e-49 and rounds to 0; from 6 on it is below 1e-9 and 1 − tail
            // rounds to 1. NaN goes on to the formula (on the interpreter NaN compares above everything).
            if (x <= -15f)
            {
                return 0f;
            }

            if (x >= 6f && !float.IsNaN(x))
            {
                return 1f;
            }

            double ax = x < 0 ? -x : x;
            double t = 1.0 / (1.0 + 0.2316419 * ax);
            double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
            double tail = 0.3989422804014327 * RangeGuard.Common.DMath.Exp(-0.5 * ax * ax) * poly;
            return (float)(x < 0 ? tail : 1.0 - tail);
        }
    }
}
