#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;

namespace RangeGuard.Tests.Common
{
    /// <summary>
    /// DMath against golden values taken from .NET's System.Math (glibc libm underneath, itself within 1 ulp), so the
    /// same checks run on the device, where System.Math is float. Tolerances are in ulps (units in the last place).
    /// Wide random sweeps against System.Math itself are host-only: DMathSweepTests.
    /// </summary>
    [TestClass]
    public class DMathTests
    {
        // (x, System.Math.Exp(x) on .NET 10 / x64).
        private static readonly double[] s_exp =
        {
            0.0, 1.0,
            -0.0, 1.0,
            1.0, 2.718281828459045,
            -1.0, 0.36787944117144233,
            0.5, 1.6487212707001282,
            1e-300, 1.0,
            -1e-10, 0.9999999999,
            0.6931471805599453, 2.0,
            2.302585092994046, 10.000000000000002,
            10.0, 22026.465794806718,
            -10.0, 4.5399929762484854e-05,
            88.7, 3.325986980250579e+38,
            -87.3, 1.2192470959520051e-38,
            300.0, 1.9424263952412558e+130,
            -300.0, 5.148200222412013e-131,
            700.0, 1.0142320547350045e+304,
            709.78, 1.7928227943945155e+308,
            709.79, double.PositiveInfinity,
            -708.4, 2.217119081664265e-308,
            -740.0, 4.2e-322,
            -745.1, 5e-324,
            -746.0, 0.0,
            800.0, double.PositiveInfinity,
            -800.0, 0.0,
            -0.25, 0.7788007830714049,
            -3.1, 0.0450492023935578,
            12.345, 229808.1248612461,
        };

        // (x, System.Math.Log(x) on .NET 10 / x64).
        private static readonly double[] s_log =
        {
            1.0, 0.0,
            2.0, 0.6931471805599453,
            0.5, -0.6931471805599453,
            10.0, 2.302585092994046,
            0.1, -2.3025850929940455,
            1.0000000001, 1.000000082690371e-10,
            0.9999999999, -1.000000082790371e-10,
            1e-300, -690.7755278982137,
            1e+300, 690.7755278982137,
            1.7976931348623157e+308, 709.782712893384,
            5e-324, -744.4400719213812,
            2.2250738585072014e-308, -708.3964185322641,
            123456.789, 11.723646487185881,
            0.7071067811865476, -0.3465735902799726,
            1.4142135623730951, 0.3465735902799727,
            3.0, 1.0986122886681098,
            7.5e-05, -9.498022444427964,
        };

        // (x, System.Math.Sqrt(x) on .NET 10 / x64).
        private static readonly double[] s_sqrt =
        {
            4.0, 2.0,
            2.0, 1.4142135623730951,
            0.5, 0.7071067811865476,
            1e-300, 1e-150,
            1e+300, 1e+150,
            1.7976931348623157e+308, 1.3407807929942596e+154,
            5e-324, 2.2227587494850775e-162,
            2.2250738585072014e-308, 1.4916681462400413e-154,
            10.0, 3.1622776601683795,
            0.01, 0.1,
            123456789.0, 11111.111060555555,
            3.0, 1.7320508075688772,
            1e-10, 1e-05,
        };

        // (x, System.Math.Cos(x) on .NET 10 / x64).
        private static readonly double[] s_cos =
        {
            0.0, 1.0,
            1.0, 0.5403023058681398,
            -1.0, 0.5403023058681398,
            0.5, 0.8775825618903728,
            1e-09, 1.0,
            3.141592653589793, -1.0,
            1.5707963267948966, 6.123233995736766e-17,
            6.283185307179586, 1.0,
            4.71238898038469, -1.8369701987210297e-16,
            100.0, 0.8623188722876839,
            -1000.0, 0.5623790762907029,
            12345.678, 0.7101193587160628,
            1000000.0, 0.9367521275331447,
            10000000.0, -0.9072703861817396,
            1000000000000000.0, -0.5131937377869703,
            1e+22, 0.523214785395139,
            -1e+100, 0.9247242387519338,
            1e+300, -0.5753861119575491,
            1.7976931348623157e+308, -0.9999876894265599,
        };

        // (x, System.Math.Sin(x) on .NET 10 / x64).
        private static readonly double[] s_sin =
        {
            1.0, 0.8414709848078965,
            -1.0, -0.8414709848078965,
            0.5, 0.479425538604203,
            1e-09, 1e-09,
            1e-300, 1e-300,
            3.141592653589793, 1.2246467991473532e-16,
            1.5707963267948966, 1.0,
            6.283185307179586, -2.4492935982947064e-16,
            100.0, -0.5063656411097588,
            -1000.0, -0.8268795405320025,
            12345.678, -0.7040813137533816,
            1000000.0, -0.34999350217129294,
            10000000.0, 0.4205477931907825,
            1000000000000000.0, 0.8582727931702359,
            1e+22, -0.8522008497671888,
            -1e+100, 0.3806377310050287,
            1e+300, -0.8178819121159085,
        };

        // (x, y, System.Math.Pow(x, y) on .NET 10 / x64).
        private static readonly double[] s_pow =
        {
            2.0, 10.0, 1024.0,
            2.0, -1074.0, 5e-324,
            2.0, 1023.0, 8.98846567431158e+307,
            2.0, 1024.0, double.PositiveInfinity,
            10.0, -5.0, 1e-05,
            0.9, 5.25588, 0.5747832722652867,
            0.5, 5.25588, 0.026171129497462836,
            1.0000001, 100000000.0, 22026.454910182532,
            -2.0, 3.0, -8.0,
            -2.0, 4.0, 16.0,
            -2.0, 0.5, double.NaN,
            -8.0, -3.0, -0.001953125,
            1e-300, 2.0, 0.0,
            123.456, 7.89, 31771028258180936.0,
            0.001, -100.0, 9.99999999999998e+299,
            7.0, 0.3333333333333333, 1.912931182772389,
            2.5, -300.5, 2.6243840767986496e-120,
            1.5, 1750.0, 1.4444527745742028e+308,
            0.75, -2500.0, double.PositiveInfinity,
            3.0, 0.5, 1.7320508075688772,
        };

        [TestMethod]
        public void Exp_should_match_dotnet_within_1_ulp_from_underflow_to_overflow()
        {
            CheckTable(s_exp, 0, 1, "Exp");
        }

        [TestMethod]
        public void Log_should_match_dotnet_within_1_ulp_including_subnormals()
        {
            CheckTable(s_log, 1, 1, "Log");
        }

        [TestMethod]
        public void Sqrt_should_match_dotnet_exactly()
        {
            CheckTable(s_sqrt, 2, 0, "Sqrt");
        }

        [TestMethod]
        public void Cos_and_Sin_should_match_dotnet_within_2_ulp_up_to_the_largest_double()
        {
            CheckTable(s_cos, 3, 2, "Cos");
            CheckTable(s_sin, 4, 2, "Sin");
        }

        [TestMethod]
        public void Pow_should_match_dotnet_within_1_ulp_over_the_exponent_range()
        {
            for (int i = 0; i < s_pow.Length; i += 3)
            {
                double x = s_pow[i], y = s_pow[i + 1];
                AssertUlps(s_pow[i + 2], DMath.Pow(x, y), 1, "Pow(" + x.ToString() + ", " + y.ToString() + ")");
            }
        }

        [TestMethod]
        public void Special_values_should_follow_dotnet()
        {
            double nan = double.NaN, inf = double.PositiveInfinity;
            Assert.IsTrue(double.IsNaN(DMath.Exp(nan)) && double.IsNaN(DMath.Log(nan)) && double.IsNaN(DMath.Sqrt(nan)));
            Assert.IsTrue(double.IsNaN(DMath.Cos(nan)) && double.IsNaN(DMath.Sin(nan)) && double.IsNaN(DMath.Pow(nan, 2.0)));
            AssertBits(0.0, DMath.Exp(-inf), "Exp(-inf)");
            AssertBits(inf, DMath.Exp(inf), "Exp(inf)");
            Assert.IsTrue(double.IsNaN(DMath.Log(-1.0)), "Log(-1)");
            Assert.IsTrue(double.IsNaN(DMath.Log(-inf)), "Log(-inf)");
            AssertBits(double.NegativeInfinity, DMath.Log(0.0), "Log(0)");
            AssertBits(double.NegativeInfinity, DMath.Log(-0.0), "Log(-0)");
            AssertBits(inf, DMath.Log(inf), "Log(inf)");
            Assert.IsTrue(double.IsNaN(DMath.Sqrt(-1e-300)), "Sqrt(negative)");
            AssertBits(-0.0, DMath.Sqrt(-0.0), "Sqrt(-0)");
            AssertBits(inf, DMath.Sqrt(inf), "Sqrt(inf)");
            Assert.IsTrue(double.IsNaN(DMath.Cos(inf)) && double.IsNaN(DMath.Sin(double.NegativeInfinity)), "trig of infinity");
            AssertBits(-0.0, DMath.Sin(-0.0), "Sin(-0)");
            AssertBits(0.0, DMath.Abs(-0.0), "Abs(-0)");
            AssertBits(2.5, DMath.Abs(-2.5), "Abs(-2.5)");
            Assert.IsTrue(double.IsNaN(DMath.Abs(nan)), "Abs(NaN)");
        }

        [TestMethod]
        public void Pow_special_cases_should_follow_ieee_754_like_dotnet()
        {
            double nan = double.NaN, inf = double.PositiveInfinity;
            AssertBits(1.0, DMath.Pow(nan, 0.0), "NaN^0");
            AssertBits(1.0, DMath.Pow(1.0, nan), "1^NaN");
            AssertBits(1.0, DMath.Pow(-1.0, inf), "(-1)^inf");
            AssertBits(1.0, DMath.Pow(-1.0, 1e308), "(-1)^even huge");
            Assert.IsTrue(double.IsNaN(DMath.Pow(-2.0, 0.5)), "negative^fraction");
            AssertBits(0.0, DMath.Pow(0.5, inf), "0.5^inf");
            AssertBits(inf, DMath.Pow(0.5, -inf), "0.5^-inf");
            AssertBits(inf, DMath.Pow(2.0, inf), "2^inf");
            AssertBits(-0.0, DMath.Pow(-0.0, 3.0), "(-0)^3");
            AssertBits(0.0, DMath.Pow(-0.0, 2.0), "(-0)^2");
            AssertBits(double.NegativeInfinity, DMath.Pow(-0.0, -1.0), "(-0)^-1");
            AssertBits(inf, DMath.Pow(0.0, -0.5), "0^-0.5");
            AssertBits(double.NegativeInfinity, DMath.Pow(double.NegativeInfinity, 3.0), "(-inf)^3");
            AssertBits(inf, DMath.Pow(double.NegativeInfinity, 0.5), "(-inf)^0.5");
            AssertBits(-0.0, DMath.Pow(double.NegativeInfinity, -3.0), "(-inf)^-3");
            AssertBits(0.0, DMath.Pow(inf, -2.0), "inf^-2");
            AssertBits(inf, DMath.Pow(1.0000001, 1e20), "overflow for |y| >= 2^64");
            AssertBits(-1.0, DMath.Pow(-1.0, 3.0), "(-1)^3");
        }

        [TestMethod]
        public void Pow2_and_ScaleB_should_be_exact_down_to_subnormals()
        {
            AssertBits(1024.0, DMath.Pow2(10), "2^10");
            AssertBits(4.9406564584124654e-324, DMath.Pow2(-1074), "2^-1074");
            AssertBits(0.0, DMath.Pow2(-1075), "2^-1075");
            AssertBits(double.PositiveInfinity, DMath.Pow2(1024), "2^1024");
            AssertBits(3.0 * 1024.0, DMath.ScaleB(3.0, 10), "3 * 2^10");
            AssertBits(1e-323, DMath.ScaleB(1.5, -1074), "1.5 * 2^-1074 rounds to even");
            AssertBits(-4.9406564584124654e-324, DMath.ScaleB(-3.0, -1076), "-3 * 2^-1076");
            AssertBits(1.0, DMath.ScaleB(4.9406564584124654e-324, 1074), "subnormal back to 1");
            AssertBits(double.PositiveInfinity, DMath.ScaleB(1.0, 5000), "overflow");
        }

        private static void CheckTable(double[] table, int function, long ulps, string name)
        {
            for (int i = 0; i < table.Length; i += 2)
            {
                double x = table[i];
                double got = function == 0 ? DMath.Exp(x) : function == 1 ? DMath.Log(x) : function == 2 ? DMath.Sqrt(x)
                    : function == 3 ? DMath.Cos(x) : DMath.Sin(x);
                AssertUlps(table[i + 1], got, ulps, name + "(" + x.ToString() + ")");
            }
        }

        /// <summary>Distance in representable doubles (0 = same bits; NaN only matches NaN).</summary>
        internal static long UlpDistance(double a, double b)
        {
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
            }

            long d = Ordered(a) - Ordered(b);
            return d < 0 ? -d : d;
        }

        internal static void AssertUlps(double expected, double actual, long ulps, string what)
        {
            long d = UlpDistance(expected, actual);
            Assert.IsTrue(d <= ulps, what + ": expected " + expected.ToString() + ", got " + actual.ToString() + " (" + d.ToString() + " ulp)");
        }

        private static void AssertBits(double expected, double actual, string what)
        {
            Assert.IsTrue(System.BitConverter.DoubleToInt64Bits(expected) == System.BitConverter.DoubleToInt64Bits(actual),
                what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }

        // Maps doubles onto integers in numeric order (-0 and +0 both to 0), so the distance counts the doubles between.
        private static long Ordered(double x)
        {
            long bits = System.BitConverter.DoubleToInt64Bits(x);
            return bits < 0 ? long.MinValue - bits : bits;
        }
    }
}
