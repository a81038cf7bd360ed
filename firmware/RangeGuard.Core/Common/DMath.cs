namespace RangeGuard.Common
{
    /// <summary>
    /// Double-precision math in plain double arithmetic, so the host and the ESP32 compute the same bits.
    /// nanoFramework's System.Math evaluates its double functions in float unless the firmware is built with
    /// NF_ENABLE_DOUBLE_PRECISION_FP (no stock target is): Math.Exp/Round/Floor(double) first cast to float
    /// (nf-interpreter src/CLR/System.Math/nf_native_system_math_System_Math.cpp), and on .NET they call the C runtime.
    /// Here every step is an IEEE double +, -, *, / (correctly rounded on both: SSE2 on the host, soft-float on the
    /// ESP32), a double-to-long cast or an IEEE bit access, so results are identical everywhere and within about
    /// 1 ulp of the exact value (tests/RangeGuard.Core.Tests/Common/DMathTests.cs). Nothing allocates.
    /// NaN is tested with double.IsNaN before any ordered comparison: the interpreter orders NaN above everything
    /// (hardware-docs/portable-code.md).
    /// </summary>
    public static partial class DMath
    {
        public const double PI = 3.141592653589793;
        public const double E = 2.718281828459045;

        // Every double at or above 2^52 in magnitude is already an integer.
        private const double IntegralLimit = 4503599627370496.0;

        // Veltkamp's splitter 2^27 + 1: a * Splitter splits a 53-bit mantissa into two 26-bit halves.
        private const double Splitter = 134217729.0;

        // 10^0..10^22 are exactly representable in double.
        private static readonly double[] s_pow10 =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>|x|; -0 gives +0 and NaN stays NaN, as System.Math.Abs.</summary>
        public static double Abs(double x)
        {
            // 0 - x, not -x: turns -0 into +0. NaN fails "<=" on .NET and on the interpreter alike.
            return x <= 0.0 ? 0.0 - x : x;
        }

        /// <summary>|x| for float.</summary>
        public static float Abs(float x)
        {
            return x <= 0f ? 0f - x : x;
        }

        /// <summary>Largest integer not above x, as System.Math.Floor(double) on .NET. NaN and infinities pass through.</summary>
        public static double Floor(double x)
        {
            if (double.IsNaN(x) || x == 0 || x <= -IntegralLimit || x >= IntegralLimit)
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

        /// <summary>Smallest integer not below x, as System.Math.Ceiling(double).</summary>
        public static double Ceiling(double x)
        {
            return -Floor(-x);
        }

        /// <summary>Nearest integer, ties to even, as System.Math.Round(double) on .NET.</summary>
        public static double Round(double x)
        {
            if (double.IsNaN(x) || x <= -IntegralLimit || x >= IntegralLimit)
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

        /// <summary>10^n by table and multiplication (exact for |n| &lt;= 22; n &lt; 0 gives 1 / 10^-n).</summary>
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

        /// <summary>2^n, exact, for n in -1074..1023; 0 below, +infinity above.</summary>
        public static double Pow2(int n)
        {
            if (n > 1023)
            {
                return double.PositiveInfinity;
            }

            if (n >= -1022)
            {
                return System.BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
            }

            if (n >= -1074)
            {
                return System.BitConverter.Int64BitsToDouble(1L << (n + 1074));   // subnormal
            }

            return 0.0;
        }

        /// <summary>x * 2^n with one rounding (only when the result is subnormal), as C's ldexp.</summary>
        public static double ScaleB(double x, int n)
        {
            if (double.IsNaN(x) || double.IsInfinity(x) || x == 0 || n == 0)
            {
                return x;
            }

            n = n > 2200 ? 2200 : (n < -2200 ? -2200 : n);   // beyond this the result is 0 or infinite anyway
            long bits = System.BitConverter.DoubleToInt64Bits(x);
            int biased = (int)((bits >> 52) & 0x7FF);
            if (biased == 0)
            {
                // Subnormal x: normalise first (exact).
                x *= 18014398509481984.0;   // 2^54
                n -= 54;
                bits = System.BitConverter.DoubleToInt64Bits(x);
                biased = (int)((bits >> 52) & 0x7FF);
            }

            int target = biased - 1023 + n;   // unbiased exponent of the result
            if (target > 1023)
            {
                return x < 0 ? double.NegativeInfinity : double.PositiveInfinity;
            }

            const long ExponentMask = 0x7FF0000000000000L;
            if (target >= -1022)
            {
                return System.BitConverter.Int64BitsToDouble((bits & ~ExponentMask) | ((long)(target + 1023) << 52));
            }

            // Subnormal or zero result: the mantissa m in [1, 2) times a power of two rounds once.
            double m = System.BitConverter.Int64BitsToDouble((bits & ~ExponentMask) | (1023L << 52));
            if (target < -1075)
            {
                return x < 0 ? -0.0 : 0.0;
            }

            return (0.5 * m) * Pow2(target + 1);
        }

        /// <summary>Square root, correctly rounded, as System.Math.Sqrt.</summary>
        public static double Sqrt(double x)
        {
            if (double.IsNaN(x) || x < 0)
            {
                return double.NaN;
            }

            if (x == 0 || double.IsPositiveInfinity(x))
            {
                return x;   // keeps -0 as -0, like IEEE sqrt
            }

            // Work in [2^-500, 2^500] (scaling by an even power of two is exact) so the exact residuals below cannot
            // under- or overflow.
            int scale = 0;
            if (x < 3.054936363499605e-151)
            {
                x *= Pow2(600);
                scale = -300;
            }
            else if (x > 3.273390607896142e150)
            {
                x *= Pow2(-600);
                scale = 300;
            }

            // First guess from the bits (halved exponent, ~4 % off), then Newton: 4 steps give full precision.
            long bits = System.BitConverter.DoubleToInt64Bits(x);
            double y = System.BitConverter.Int64BitsToDouble((bits >> 1) + 0x1FF8000000000000L);
            y = 0.5 * (y + x / y);
            y = 0.5 * (y + x / y);
            y = 0.5 * (y + x / y);
            y = 0.5 * (y + x / y);

            // y is within about one ulp. One correction from the exact residual x - y² = a - b (Dekker's product; x - p
            // is exact as p is close to x): y + (a - b) / 2y is correctly rounded unless the exact root lies within a
            // hair of a midpoint between two doubles, which the rounding error `rest` of that step shows.
            double p, b;
            TwoProd(y, y, out p, out b);
            double a = x - p;
            double delta = (a - b) / (2.0 * y);
            double y1 = y + delta;
            double rest = delta - (y1 - y);
            double ulp = (y1 + y1 * 1.6653345369377348e-16) - y1;   // y1 + 0.75·2^-52·y1 rounds to the next double up
            if (Abs(rest) > 0.4999 * ulp || ulp == y1 * 2.220446049250313e-16)
            {
                y = NearestRoot(x, y1);   // near a midpoint, or at a power of two (spacing halves below): decide exactly
            }
            else
            {
                y = y1;
            }

            return scale == 0 ? y : y * Pow2(scale);
        }

        /// <summary>
        /// (float)Sqrt(x) for a float x, without Sqrt's final correction. Four Newton steps leave the double within about
        /// one ulp (2^-52 relative) of √x, while √x of a 24-bit x is at least 2^-51 (relative) from every midpoint between
        /// two floats (x − m² is a non-zero multiple of the 50-bit m²'s last place), so both round to the same float;
        /// checked for every float in [1, 4), which covers every case (scaling by 4 changes nothing). The forecaster takes
        /// one per charger ahead per tick.
        /// </summary>
        public static float SqrtOfFloat(float x)
        {
            if (float.IsNaN(x) || x <= 0f || float.IsPositiveInfinity(x))
            {
                return (float)Sqrt(x);
            }

            double d = x;   // [1.4e-45, 3.4e38]: no scaling needed
            double y = System.BitConverter.Int64BitsToDouble((System.BitConverter.DoubleToInt64Bits(d) >> 1) + 0x1FF8000000000000L);
            y = 0.5 * (y + d / y);
            y = 0.5 * (y + d / y);
            y = 0.5 * (y + d / y);
            y = 0.5 * (y + d / y);
            return (float)y;
        }

        /// <summary>
        /// The correctly rounded root given a candidate y within one ulp: the sign of x - m² at the midpoints m either side
        /// of y, computed exactly (m = y ± d/2 with d the gap to the neighbour, so m² = y² ± y d + d²/4).
        /// </summary>
        private static double NearestRoot(double x, double y)
        {
            double p, b;
            TwoProd(y, y, out p, out b);
            double a = x - p;
            long yBits = System.BitConverter.DoubleToInt64Bits(y);
            double up = System.BitConverter.Int64BitsToDouble(yBits + 1);
            double dUp = up - y;
            if (SignOfSum(a, -b, -y * dUp, -0.25 * dUp * dUp) > 0)
            {
                return up;
            }

            double down = System.BitConverter.Int64BitsToDouble(yBits - 1);
            double dDown = y - down;
            return SignOfSum(a, -b, y * dDown, -0.25 * dDown * dDown) < 0 ? down : y;
        }

        /// <summary>
        /// Exact sign of a1 + a2 + a3 + a4 (each an exact double): Shewchuk's expansion growth keeps every rounding
        /// error as a component; the most significant non-zero component has the sum's sign.
        /// </summary>
        private static int SignOfSum(double a1, double a2, double a3, double a4)
        {
            double q, h0;
            TwoSum(a2, a1, out q, out h0);
            double q1, g0, q2, g1;
            TwoSum(a3, h0, out q1, out g0);
            TwoSum(q1, q, out q2, out g1);
            double r1, k0, r2, k1, r3, k2;
            TwoSum(a4, g0, out r1, out k0);
            TwoSum(r1, g1, out r2, out k1);
            TwoSum(r2, q2, out r3, out k2);
            double top = r3 != 0 ? r3 : (k2 != 0 ? k2 : (k1 != 0 ? k1 : k0));
            return top > 0 ? 1 : (top < 0 ? -1 : 0);
        }

        /// <summary>a * b = p + e exactly (Dekker/Veltkamp; needs |a|, |b| below ~2^995).</summary>
        internal static void TwoProd(double a, double b, out double p, out double e)
        {
            p = a * b;
            double t = Splitter * a;
            double ah = t - (t - a);
            double al = a - ah;
            t = Splitter * b;
            double bh = t - (t - b);
            double bl = b - bh;
            e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
        }

        /// <summary>a + b = s + e exactly (Knuth's two-sum, any order of magnitude).</summary>
        internal static void TwoSum(double a, double b, out double s, out double e)
        {
            s = a + b;
            double bb = s - a;
            e = (a - (s - bb)) + (b - bb);
        }
    }
}
