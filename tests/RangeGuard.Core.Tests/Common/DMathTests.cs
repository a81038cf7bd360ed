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
        [TestMethod]
        public void Exp_should_match_dotnet_within_1_ulp_from_underflow_to_overflow()
        {
            CheckTable(DMathGolden.Exp, 0, 1, "Exp");
        }

        [TestMethod]
        public void Log_should_match_dotnet_within_1_ulp_including_subnormals()
        {
            CheckTable(DMathGolden.Log, 1, 1, "Log");
        }

        [TestMethod]
        public void Sqrt_should_match_dotnet_exactly()
        {
            CheckTable(DMathGolden.Sqrt, 2, 0, "Sqrt");
        }

        [TestMethod]
        public void Cos_and_Sin_should_match_dotnet_within_2_ulp_up_to_the_largest_double()
        {
            CheckTable(DMathGolden.Cos, 3, 2, "Cos");
            CheckTable(DMathGolden.Sin, 4, 2, "Sin");
        }

        [TestMethod]
        public void Pow_should_match_dotnet_within_1_ulp_over_the_exponent_range()
        {
            for (int i = 0; i < DMathGolden.Pow.Length; i += 3)
            {
                double x = DMathGolden.Pow[i], y = DMathGolden.Pow[i + 1];
                AssertUlps(DMathGolden.Pow[i + 2], DMath.Pow(x, y), 1, "Pow(" + x.ToString() + ", " + y.ToString() + ")");
            }
        }

        [TestMethod]
        public void SqrtOfFloat_should_equal_Sqrt_rounded_to_float()
        {
            float[] xs = { 1f, 2f, 3f, 0.1f, 1e-45f, 1.17549435e-38f, 3.40282347e38f, 12345.678f, 2.00000024f, 3.99999976f, 1.5e7f };
            for (int i = 0; i < xs.Length; i++)
            {
                Assert.AreEqual((float)DMath.Sqrt(xs[i]), DMath.SqrtOfFloat(xs[i]), "SqrtOfFloat(" + xs[i].ToString() + ")");
            }

            Assert.IsTrue(float.IsNaN(DMath.SqrtOfFloat(float.NaN)) && float.IsNaN(DMath.SqrtOfFloat(-1f)), "NaN and negative give NaN");
            Assert.AreEqual(0f, DMath.SqrtOfFloat(0f));
            Assert.IsTrue(float.IsPositiveInfinity(DMath.SqrtOfFloat(float.PositiveInfinity)), "Sqrt(inf)");
        }

        [TestMethod]
        public void Normal_Cdf_should_give_0_and_1_in_the_far_tails_and_the_formula_between()
        {
            Assert.AreEqual(0f, RangeGuard.Forecast.Normal.Cdf(-15f));
            Assert.AreEqual(0f, RangeGuard.Forecast.Normal.Cdf(-400f));
            Assert.IsTrue(RangeGuard.Forecast.Normal.Cdf(-8f) > 0f && RangeGuard.Forecast.Normal.Cdf(-8f) < 1e-14f, "Φ(-8) ≈ 6.2e-16");
            Assert.AreEqual(1f, RangeGuard.Forecast.Normal.Cdf(6f));
            Assert.AreEqual(1f, RangeGuard.Forecast.Normal.Cdf(400f));
            Assert.IsTrue(DMath.Abs(RangeGuard.Forecast.Normal.Cdf(0f) - 0.5f) < 1e-6f, "Φ(0)");
            Assert.IsTrue(DMath.Abs(RangeGuard.Forecast.Normal.Cdf(RangeGuard.Forecast.Normal.Z90) - 0.9f) < 1e-6f, "Φ(z90)");
            Assert.IsTrue(float.IsNaN(RangeGuard.Forecast.Normal.Cdf(float.NaN)), "NaN stays NaN");
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

        [TestMethod]
        public void Results_should_be_bit_identical_to_the_hosts()
        {
            // A hash of the exact bits of 600 results, recorded on the host (.NET 10, x64). The device must give the
            // same bits, not just close ones: that is what DMath is for.
            var prng = new Prng(2024);
            ulong hash = 14695981039346656037UL;
            for (int i = 0; i < 100; i++)
            {
                double u = prng.NextDouble();
                double x = (u - 0.5) * 1400.0;
                hash = Mix(hash, DMath.Exp(x));
                hash = Mix(hash, DMath.Log(u * 1e300 + 1e-300));
                hash = Mix(hash, DMath.Sqrt(u * 1e10));
                hash = Mix(hash, DMath.Cos(x * 1000.0));
                hash = Mix(hash, DMath.Sin(x));
                hash = Mix(hash, DMath.Pow(u * 3.0, x / 7.0));
            }

            Assert.IsTrue(hash == HostHash, "bits differ from the host's: hash 0x" + Hex(hash));
        }

        private const ulong HostHash = 0xDA694EF1D87FDF4DUL;

        private static ulong Mix(ulong hash, double v)
        {
            ulong bits = (ulong)System.BitConverter.DoubleToInt64Bits(v);
            for (int i = 0; i < 8; i++)
            {
                hash = (hash ^ (bits & 0xFF)) * 1099511628211UL;   // FNV-1a over the 8 bytes
                bits >>= 8;
            }

            return hash;
        }

        private static string Hex(ulong v)
        {
            var b = new TextBuffer(16);
            TextNumber.AppendHex(b, v, 16);
            return b.ToString();
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
