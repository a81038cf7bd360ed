namespace RangeGuard.Common
{
    /// <summary>Sin and Cos (see DMath.cs for why the core has its own).</summary>
    public static partial class DMath
    {
        // π/2 in three pieces (33 + 33 + 53 bits): n * piece is exact for |n| < 2^20 (Cody-Waite reduction).
        private const double PiBy2A = 1.5707963267341256;
        private const double PiBy2B = 6.077100506303966e-11;
        private const double PiBy2C = 2.0222662487959506e-21;
        private const double PiBy2Hi = 1.5707963267948966;
        private const double PiBy2Lo = 6.123233995736766e-17;
        private const double TwoByPi = 0.6366197723675814;
        private const double CodyWaiteLimit = 1647099.0;   // ~2^20 * π/2

        // 2/π in 24-bit chunks (1344 bits), for reducing huge arguments (Payne-Hanek).
        private static readonly int[] s_twoByPi24 =
        {
            0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041,
            0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C,
            0xFE1DEB, 0x1CB129, 0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41,
            0x3991D6, 0x398353, 0x39F49C, 0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F,
            0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF, 0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D,
            0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB, 0x5FB11F, 0x8D5D08,
            0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3, 0x91615E, 0xE61B08,
        };

        /// <summary>cos x, as System.Math.Cos (within about 1 ulp for any finite x).</summary>
        public static double Cos(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                return double.NaN;
            }

            double r;
            int q = ReduceByPiOver2(Abs(x), out r);
            switch (q)
            {
                case 0: return CosKernel(r);
                case 1: return -SinKernel(r);
                case 2: return -CosKernel(r);
                default: return SinKernel(r);
            }
        }

        /// <summary>sin x, as System.Math.Sin (within about 1 ulp for any finite x).</summary>
        public static double Sin(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                return double.NaN;
            }

            if (x == 0)
            {
                return x;   // keeps -0
            }

            double r;
            int q = ReduceByPiOver2(Abs(x), out r);
            double s;
            switch (q)
            {
                case 0: s = SinKernel(r); break;
                case 1: s = CosKernel(r); break;
                case 2: s = -SinKernel(r); break;
                default: s = -CosKernel(r); break;
            }

            return x < 0 ? -s : s;
        }

        /// <summary>sin r for |r| &lt;= π/4: Taylor to r^17 (next term below 2^-60 of the result).</summary>
        private static double SinKernel(double r)
        {
            double z = r * r;
            return r + r * z * (-0.16666666666666666 + z * (0.008333333333333333 + z * (-0.0001984126984126984
                + z * (2.7557319223985893e-06 + z * (-2.505210838544172e-08 + z * (1.6059043836821613e-10
                + z * (-7.647163731819816e-13 + z * 2.8114572543455206e-15)))))));
        }

        /// <summary>cos r for |r| &lt;= π/4: Taylor to r^18.</summary>
        private static double CosKernel(double r)
        {
            double z = r * r;
            double tail = z * z * (0.041666666666666664 + z * (-0.001388888888888889 + z * (2.48015873015873e-05
                + z * (-2.755731922398589e-07 + z * (2.08767569878681e-09 + z * (-1.1470745597729725e-11
                + z * (4.779477332387385e-14 + z * -1.5619206968586225e-16)))))));
            double hz = 0.5 * z;
            double w = 1.0 - hz;
            return w + (((1.0 - w) - hz) + tail);   // 1 - z/2 keeps the bits 1 - w loses
        }

        /// <summary>x = n π/2 + r, |r| &lt;= ~π/4, x finite and >= 0; returns n mod 4.</summary>
        private static int ReduceByPiOver2(double x, out double r)
        {
            if (x <= 0.7853981633974483)
            {
                r = x;
                return 0;
            }

            if (x < CodyWaiteLimit)
            {
                int n = (int)(x * TwoByPi + 0.5);
                r = ((x - n * PiBy2A) - n * PiBy2B) - n * PiBy2C;
                return n & 3;
            }

            return ReduceHuge(x, out r);
        }

        /// <summary>
        /// Payne-Hanek for x >= ~1.6e6: x * 2/π mod 4 from only the bits of 2/π that matter at x's exponent.
        /// x = M * 2^e with M a 53-bit integer in three 24-bit pieces; each piece times a 24-bit chunk of 2/π is
        /// exact in double; terms worth a multiple of 4 are dropped; the fraction is summed in double-double.
        /// </summary>
        private static int ReduceHuge(double x, out double r)
        {
            long bits = System.BitConverter.DoubleToInt64Bits(x);
            int e = (int)((bits >> 52) & 0x7FF) - 1075;
            long mant = (bits & 0x000FFFFFFFFFFFFFL) | 0x0010000000000000L;
            double a0 = (double)(mant >> 48);
            double a1 = (double)((mant >> 24) & 0xFFFFFF);
            double a2 = (double)(mant & 0xFFFFFF);

            // Group g = k + i of piece k and chunk i weighs 2^(e + 24 (1 - g)); below g0 it is a multiple of 4.
            int g0 = e + 22 >= 0 ? (e + 22) / 24 + 1 : 0;

            int quadrant = 0;
            double fh = 0.0, fl = 0.0;
            for (int g = g0; g < g0 + 9; g++)
            {
                double sum = Chunk(g) * a0 + Chunk(g - 1) * a1 + Chunk(g - 2) * a2;   // < 2^50: exact
                double v = ScaleB(sum, e + 24 * (1 - g));
                double whole = Floor(v);
                quadrant = (quadrant + (int)(whole - 4.0 * Floor(whole * 0.25))) & 3;
                double frac = v - whole;   // exact
                double s, err;
                TwoSum(fh, frac, out s, out err);
                fl += err;
                fh = s;
                if (fh >= 1.0)
                {
                    fh -= 1.0;
                    quadrant = (quadrant + 1) & 3;
                }
            }

            TwoSum(fh, fl, out fh, out fl);
            if (fh >= 0.5)
            {
                fh -= 1.0;   // exact; the nearest multiple of π/2 is the next one
                quadrant = (quadrant + 1) & 3;
            }

            // r = (fh + fl) π/2.
            double ph, pl;
            TwoProd(fh, PiBy2Hi, out ph, out pl);
            r = ph + (pl + fh * PiBy2Lo + fl * PiBy2Hi);
            return quadrant;
        }

        private static double Chunk(int i)
        {
            return i >= 0 && i < s_twoByPi24.Length ? s_twoByPi24[i] : 0.0;
        }
    }
}
