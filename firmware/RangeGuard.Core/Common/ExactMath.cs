namespace RangeGuard.Common
{
    /// <summary>
    /// Integer-valued double operations that give the same bits on the host and the ESP32.
    /// nanoFramework's System.Math evaluates its double functions in float unless the firmware is built with
    /// NF_ENABLE_DOUBLE_PRECISION_FP (no stock target is): Math.Round/Floor(double) first cast to float, so values
    /// above 2^23 lose their low digits and x.49999 can round like x.5
    /// (nf-interpreter src/CLR/System.Math/nf_native_system_math_System_Math.cpp). Plain double arithmetic and
    /// double-to-long casts are full precision there, so these helpers use only those.
    /// </summary>
    public static class ExactMath
    {
        // Every double at or above 2^52 in magnitude is already an integer.
        private const double IntegralLimit = 4503599627370496.0;

        // 10^0..10^22 are exactly representable in double.
        private static readonly double[] s_pow10 =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>Largest integer not above x, as System.Math.Floor(double) on .NET. NaN and infinities pass through.</summary>
        public static double Floor(double x)
        {
            if (x == 0 || !(x > -IntegralLimit && x < IntegralLimit))
            {
                return x;
            }

            long t = (long)x;   // truncates toward zero
            if (t > x)
            {
                t--;
            }

            return t == 0 && x < 0 ? -0.0 : t;
        }

        /// <summary>Nearest integer, ties to even, as System.Math.Round(double) on .NET.</summary>
        public static double Round(double x)
        {
            if (!(x > -IntegralLimit && x < IntegralLimit))
            {
                return x;
            }

            double f = Floor(x);
            double diff = x - f;   // exact: x and f are within 1 of each other and below 2^52
            double r;
            if (diff > 0.5)
            {
                r = f + 1.0;
            }
            else if (diff < 0.5)
            {
                r = f;
            }
            else
            {
                r = (long)f % 2 == 0 ? f : f + 1.0;
            }

            return r == 0 && x < 0 ? -0.0 : r;
        }

        /// <summary>10^n by table and multiplication (exact for |n| &lt;= 22; n &lt; 0 gives 1 / 10^-n), unlike Math.Pow, which is float on the device.</summary>
        public static double Pow10(int n)
        {
            bool inverse = n < 0;
            int k = inverse ? -n : n;
            double p = 1.0;
            while (k > 22)
            {
                p *= 1e22;
                k -= 22;
            }

            p *= s_pow10[k];
            return inverse ? 1.0 / p : p;
        }
    }
}
