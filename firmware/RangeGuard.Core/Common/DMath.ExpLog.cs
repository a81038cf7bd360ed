namespace RangeGuard.Common
{
    /// <summary>Exp, Log and Pow (see DMath.cs for why the core has its own).</summary>
    public static partial class DMath
    {
        // Constants below were computed to 60 digits (Python decimal) and rounded once to the nearest double.
        // ln 2 split so that k * Ln2Hi is exact for |k| < 2^21: Ln2Hi has 32 significant bits.
        private const double Ln2Hi = 0.6931471806019545;
        private const double Ln2Lo = -4.2009150726810846e-11;

        // ln 2 / 32, split the same way, and its inverse.
        private const double Ln2By32Hi = 0.021660849393811077;
        private const double Ln2By32Lo = -1.312785960212839e-12;
        private const double InvLn2By32 = 46.16624130844683;

        private const double TwoThirdsHi = 0.6666666666666666;
        private const double TwoThirdsLo = 3.700743415417188e-17;
        private const double Sqrt2 = 1.4142135623730951;

        // 2^(j/32), j = 0..31, as head (nearest double) + tail (the nearest double to the rest).
        private static readonly double[] s_exp2Hi =
        {
            1.0, 1.0218971486541166, 1.0442737824274138, 1.0671404006768237,
            1.0905077326652577, 1.1143867425958924, 1.1387886347566916, 1.1637248587775775,
            1.189207115002721, 1.215247359980469, 1.241857812073484, 1.2690509571917332,
            1.2968395546510096, 1.3252366431597413, 1.3542555469368927, 1.383909881963832,
            1.4142135623730951, 1.4451808069770467, 1.4768261459394993, 1.5091644275934228,
            1.5422108254079407, 1.5759808451078865, 1.6104903319492543, 1.645755478153965,
            1.681792830507429, 1.718619298122478, 1.7562521603732995, 1.7947090750031072,
            1.8340080864093424, 1.8741676341103, 1.9152065613971474, 1.9571441241754002,
        };

        private static readonly double[] s_exp2Lo =
        {
            0.0, 5.109225028973444e-17, 8.551889705537965e-17, -7.899853966841582e-17,
            -3.046782079812471e-17, 1.0410278456845571e-16, 8.912812676025408e-17, 3.8292048369240935e-17,
            3.982015231465646e-17, -7.712630692681488e-17, 4.658027591836937e-17, 2.667932131342186e-18,
            2.5382502794888315e-17, -2.8587312100388614e-17, 7.70094837980299e-17, -6.770511658794786e-17,
            -9.667293313452913e-17, -3.0237581349939873e-17, -3.483994556892796e-17, -1.016455327754295e-16,
            7.949834809697621e-17, -1.0136916471278304e-17, 2.4707192569797888e-17, -1.0125679913674773e-16,
            8.199010020581497e-17, -1.851380418263111e-17, 2.960140695448873e-17, 1.8227458427912087e-17,
            3.283107224245627e-17, -6.122763413004143e-17, -1.0619946056195963e-16, 8.960767791036668e-17,
        };

        // 2^k for k = -31..31: scaling by a table entry is cheaper on the interpreter than building 2^k from bits.
        private static readonly double[] s_pow2Near =
        {
            4.656612873077393e-10, 9.313225746154785e-10, 1.862645149230957e-09, 3.725290298461914e-09, 7.450580596923828e-09, 1.4901161193847656e-08, 2.9802322387695312e-08,
            5.960464477539063e-08, 1.1920928955078125e-07, 2.384185791015625e-07, 4.76837158203125e-07, 9.5367431640625e-07, 1.9073486328125e-06, 3.814697265625e-06,
            7.62939453125e-06, 1.52587890625e-05, 3.0517578125e-05, 6.103515625e-05, 0.0001220703125, 0.000244140625, 0.00048828125,
            0.0009765625, 0.001953125, 0.00390625, 0.0078125, 0.015625, 0.03125, 0.0625,
            0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0,
            16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0,
            2048.0, 4096.0, 8192.0, 16384.0, 32768.0, 65536.0, 131072.0,
            262144.0, 524288.0, 1048576.0, 2097152.0, 4194304.0, 8388608.0, 16777216.0,
            33554432.0, 67108864.0, 134217728.0, 268435456.0, 536870912.0, 1073741824.0, 2147483648.0,
        };

        /// <summary>e^x, as System.Math.Exp (within about 0.5 ulp).</summary>
        public static double Exp(double x)
        {
            if (double.IsNaN(x))
            {
                return x;
            }

            return ExpCore(x, 0.0);
        }

        /// <summary>Natural logarithm, as System.Math.Log: NaN below 0, -infinity at 0.</summary>
        public static double Log(double x)
        {
            if (double.IsNaN(x) || x < 0)
            {
                return double.NaN;
            }

            if (x == 0)
            {
                return double.NegativeInfinity;
            }

            if (double.IsPositiveInfinity(x))
            {
                return x;
            }

            int k;
            double f = ReduceForLog(x, out k);

            // log(1+f) = 2 atanh(s), s = f/(2+f): f - (f²/2 - s(f²/2 + R)) with R the series' tail (fdlibm's form).
            double s = f / (2.0 + f);
            double z = s * s;
            double r = z * (0.6666666666666666 + z * (0.4 + z * (0.2857142857142857 + z * (0.2222222222222222
                + z * (0.18181818181818182 + z * (0.15384615384615385 + z * (0.13333333333333333
                + z * (0.11764705882352941 + z * (0.10526315789473684 + z * 0.09523809523809523)))))))));
            double hfsq = 0.5 * f * f;
            return k * Ln2Hi - ((hfsq - (s * (hfsq + r) + k * Ln2Lo)) - f);
        }

        /// <summary>x^y, as System.Math.Pow (IEEE 754 special cases; within about 1 ulp otherwise).</summary>
        public static double Pow(double x, double y)
        {
            if (y == 0 || x == 1.0)
            {
                return 1.0;
            }

            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return double.NaN;
            }

            double ax = Abs(x);
            if (double.IsInfinity(y))
            {
                if (ax == 1.0)
                {
                    return 1.0;
                }

                return (ax < 1.0) == (y < 0) ? double.PositiveInfinity : 0.0;
            }

            // Integer y decides the sign for negative x; non-integer y with negative x has no real result.
            bool yInteger = Floor(y) == y;
            bool yOdd = yInteger && Abs(y) < IntegralLimit * 2.0 && Floor(y * 0.5) * 2.0 != y;
            bool xNegative = System.BitConverter.DoubleToInt64Bits(x) < 0;   // true for -0 too
            bool negate = xNegative && yOdd;
            if (x < 0 && !yInteger && !double.IsInfinity(x))
            {
                return double.NaN;
            }

            if (ax == 0 || double.IsInfinity(ax))
            {
                // 0^y and inf^y: 0 or infinity, with x's sign when y is an odd integer.
                bool big = (ax == 0) == (y < 0);
                double r = big ? double.PositiveInfinity : 0.0;
                return negate ? -r : r;
            }

            if (ax == 1.0)
            {
                return negate ? -1.0 : 1.0;   // x = -1, integer y
            }

            // |y| >= 2^64 and |x| != 1: |y log x| > 2^11, so the result overflows or underflows.
            if (Abs(y) >= 18446744073709551616.0)
            {
                double r = (ax > 1.0) == (y > 0) ? double.PositiveInfinity : 0.0;
                return negate ? -r : r;
            }

            // y log|x| in double-double (about 70 bits), then e^(hi + lo): an error in the logarithm is
            // multiplied by |y log x| (up to ~745), so plain double log would cost up to ~700 ulp.
            double lh, ll;
            LogDoubleDouble(ax, out lh, out ll);
            double ph, pl;
            TwoProd(y, lh, out ph, out pl);
            pl += y * ll;
            double result = ExpCore(ph, pl);
            return negate ? -result : result;
        }

        /// <summary>e^(hi + lo), lo a small correction to hi.</summary>
        private static double ExpCore(double hi, double lo)
        {
            if (hi > 710.0)
            {
                return double.PositiveInfinity;
            }

            if (hi < -746.0)
            {
                return 0.0;
            }

            // hi + lo = (32k + j) ln2/32 + r, |r| <= ln2/64; e^x = 2^k * 2^(j/32) * e^r.
            double t = hi * InvLn2By32;
            int n = (int)(t < 0 ? t - 0.5 : t + 0.5);
            double r = (hi - n * Ln2By32Hi) - n * Ln2By32Lo + lo;
            int j = n & 31;
            int k = (n - j) >> 5;

            // e^r - 1 by Taylor to r^7 (|r| <= 0.0109: the next term is below 2^-58).
            double p = r + r * r * (0.5 + r * (0.16666666666666666 + r * (0.041666666666666664
                + r * (0.008333333333333333 + r * (0.001388888888888889 + r * 0.0001984126984126984)))));
            double th = s_exp2Hi[j];
            double m = th + (th * p + s_exp2Lo[j]);
            if (k >= -31 && k <= 31)
            {
                return m * s_pow2Near[k + 31];
            }

            if (k >= -1022 && k <= 1023)
            {
                return m * Pow2(k);
            }

            return ScaleB(m, k);
        }

        /// <summary>x = 2^k (1 + f), 1 + f in [sqrt(1/2), sqrt(2)); f is exact. x finite and positive.</summary>
        private static double ReduceForLog(double x, out int k)
        {
            long bits = System.BitConverter.DoubleToInt64Bits(x);
            int biased = (int)((bits >> 52) & 0x7FF);
            k = 0;
            if (biased == 0)
            {
                x *= 18014398509481984.0;   // 2^54: subnormal to normal, exactly
                k = -54;
                bits = System.BitConverter.DoubleToInt64Bits(x);
                biased = (int)((bits >> 52) & 0x7FF);
            }

            k += biased - 1023;
            double m = System.BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | (1023L << 52));   // [1, 2)
            if (m > Sqrt2)
            {
                m *= 0.5;
                k++;
            }

            return m - 1.0;   // exact (Sterbenz)
        }

        /// <summary>ln x as hi + lo to about 2^-70 relative (for Pow). x finite and positive.</summary>
        private static void LogDoubleDouble(double x, out double hi, out double lo)
        {
            int k;
            double f = ReduceForLog(x, out k);

            // s = f / (2 + f) as sh + sl: 2 + f exactly as dh + dl, then one correction from the exact residual.
            double dh = 2.0 + f;
            double dl = f - (dh - 2.0);
            double sh = f / dh;
            double q, qe;
            TwoProd(sh, dh, out q, out qe);
            double sl = (((f - q) - qe) - sh * dl) / dh;

            // ln(1+f) = 2s + (2/3)s^3 + s^5 R(s^2): 2s exactly, (2/3)s^3 in double-double, the rest (< 2^-12 of it) in double.
            double z = sh * sh;
            double rest = sh * z * z * (0.4 + z * (0.2857142857142857 + z * (0.2222222222222222 + z * (0.18181818181818182
                + z * (0.15384615384615385 + z * (0.13333333333333333 + z * (0.11764705882352941 + z * (0.10526315789473684
                + z * (0.09523809523809523 + z * (0.08695652173913043 + z * 0.08))))))))));
            double s2h, s2l, s3h, s3l;
            TwoProd(sh, sh, out s2h, out s2l);
            TwoProd(s2h, sh, out s3h, out s3l);
            s3l += s2l * sh + 3.0 * s2h * sl;
            double ch, cl;
            TwoProd(s3h, TwoThirdsHi, out ch, out cl);
            cl += s3h * TwoThirdsLo + s3l * TwoThirdsHi;

            double ah, al;
            TwoSum(2.0 * sh, ch, out ah, out al);
            al += 2.0 * sl + cl + rest;

            // + k ln 2 (k * Ln2Hi is exact).
            double bh, bl;
            TwoSum(k * Ln2Hi, ah, out bh, out bl);
            bl += al + k * Ln2Lo;
            hi = bh + bl;
            lo = bl - (hi - bh);
        }
    }
}
