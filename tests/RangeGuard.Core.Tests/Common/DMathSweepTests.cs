#if !NANOFRAMEWORK_1_0
// System.Math is the reference here, on the host only: the portable guard's ban does not apply to this comparison.
#pragma warning disable RS0030
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Common;

namespace RangeGuard.Tests.Common
{
    /// <summary>
    /// Host only (the device's System.Math is float): DMath against .NET's System.Math at 20,000 deterministic random
    /// points per range, from subnormals to the largest doubles. Worst cases measured when written: 1 ulp everywhere
    /// except Cos/Sin between 10 and 1.6e6 (2 ulp); Sqrt 0 ulp.
    /// </summary>
    [TestClass]
    public class DMathSweepTests
    {
        private const int Points = 20000;

        private delegate double Unary(double x);

        [TestMethod]
        public void Exp_should_stay_within_1_ulp_of_dotnet()
        {
            Sweep(DMath.Exp, System.Math.Exp, -745.1, 709.78, false, 1, "Exp");
            Sweep(DMath.Exp, System.Math.Exp, -1e-3, 1e-3, false, 1, "Exp near 0");
        }

        [TestMethod]
        public void Log_should_stay_within_1_ulp_of_dotnet()
        {
            Sweep(DMath.Log, System.Math.Log, 4.9e-324, 1.7e308, true, 1, "Log");
            Sweep(DMath.Log, System.Math.Log, 0.5, 2.0, false, 1, "Log near 1");
        }

        [TestMethod]
        public void Sqrt_should_match_dotnet_exactly()
        {
            Sweep(DMath.Sqrt, System.Math.Sqrt, 4.9e-324, 1.7e308, true, 0, "Sqrt");
            Sweep(DMath.Sqrt, System.Math.Sqrt, 1.0, 4.0, false, 0, "Sqrt 1..4");
        }

        [TestMethod]
        public void Cos_and_Sin_should_stay_within_2_ulp_of_dotnet()
        {
            Sweep(DMath.Cos, System.Math.Cos, -10.0, 10.0, false, 1, "Cos");
            Sweep(DMath.Sin, System.Math.Sin, -10.0, 10.0, false, 1, "Sin");
            Sweep(DMath.Cos, System.Math.Cos, 10.0, 1.6e6, true, 2, "Cos mid");
            Sweep(DMath.Sin, System.Math.Sin, 10.0, 1.6e6, true, 2, "Sin mid");
            Sweep(DMath.Cos, System.Math.Cos, 1.7e6, 1.7e308, true, 1, "Cos huge");
            Sweep(DMath.Sin, System.Math.Sin, 1e-300, 1e-3, true, 1, "Sin tiny");
        }

        [TestMethod]
        public void Pow_should_stay_within_1_ulp_of_dotnet()
        {
            var prng = new Prng(11);
            long worst = 0;
            string where = "";
            for (int i = 0; i < Points; i++)
            {
                double x = System.Math.Exp((prng.NextDouble() - 0.5) * 200.0);
                double y = (prng.NextDouble() - 0.5) * 300.0;
                if (i % 4 == 0)
                {
                    x = 1.0 + (prng.NextDouble() - 0.5) * 1e-6;   // near 1 with huge y: stresses the extra-precise log
                    y = (prng.NextDouble() - 0.5) * 1e9;
                }
                else if (i % 4 == 1)
                {
                    y = (double)prng.Next(-60, 60);   // integer y, negative x allowed
                    x = (prng.NextDouble() - 0.5) * 20.0;
                }

                long d = DMathTests.UlpDistance(System.Math.Pow(x, y), DMath.Pow(x, y));
                if (d > worst)
                {
                    worst = d;
                    where = x.ToString("G17") + " ^ " + y.ToString("G17");
                }
            }

            Assert.IsTrue(worst <= 1, "Pow: worst " + worst.ToString() + " ulp at " + where);
        }

        [TestMethod]
        public void SqrtOfFloat_should_equal_Sqrt_rounded_to_float_for_every_float_in_1_to_4()
        {
            // Every mantissa at both exponent parities: scaling by 4 scales both computations exactly, so this covers all floats.
            int bad = 0;
            float first = 0f;
            int end = System.BitConverter.SingleToInt32Bits(4f);
            for (int bits = System.BitConverter.SingleToInt32Bits(1f); bits < end; bits++)
            {
                float x = System.BitConverter.Int32BitsToSingle(bits);
                if (System.BitConverter.SingleToInt32Bits(DMath.SqrtOfFloat(x)) != System.BitConverter.SingleToInt32Bits((float)DMath.Sqrt(x)))
                {
                    first = bad++ == 0 ? x : first;
                }
            }

            Assert.AreEqual(0, bad, "first at x = " + first.ToString("G9"));
        }

        [TestMethod]
        public void Normal_Cdf_tails_should_equal_the_formula_for_every_float_around_the_cut_offs()
        {
            int bad = 0;
            float first = 0f;
            float[] ranges = { -16f, -14f, 5f, 7f };
            for (int r = 0; r < ranges.Length; r += 2)
            {
                for (float x = ranges[r]; x <= ranges[r + 1]; x = System.MathF.BitIncrement(x))
                {
                    if (System.BitConverter.SingleToInt32Bits(RangeGuard.Forecast.Normal.Cdf(x)) != System.BitConverter.SingleToInt32Bits(CdfFormula(x)))
                    {
                        first = bad++ == 0 ? x : first;
                    }
                }
            }

            Assert.AreEqual(0, bad, "first at x = " + first.ToString("G9"));
            Assert.AreEqual(0f, RangeGuard.Forecast.Normal.Cdf(-1e30f));
            Assert.AreEqual(1f, RangeGuard.Forecast.Normal.Cdf(float.PositiveInfinity));
        }

        /// <summary>Normal.Cdf's A&amp;S 26.2.17 without its cut-offs.</summary>
        private static float CdfFormula(float x)
        {
            double ax = x < 0 ? -x : x;
            double t = 1.0 / (1.0 + 0.2316419 * ax);
            double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
            double tail = 0.3989422804014327 * DMath.Exp(-0.5 * ax * ax) * poly;
            return (float)(x < 0 ? tail : 1.0 - tail);
        }

        private static void Sweep(Unary mine, Unary dotnet, double lo, double hi, bool logScale, long ulps, string name)
        {
            var prng = new Prng(7);
            long worst = 0;
            double worstX = 0;
            double llo = logScale ? System.Math.Log(lo) : lo, lhi = logScale ? System.Math.Log(hi) : hi;
            for (int i = 0; i < Points; i++)
            {
                double u = llo + (lhi - llo) * prng.NextDouble();
                double x = logScale ? System.Math.Exp(u) : u;
                long d = DMathTests.UlpDistance(dotnet(x), mine(x));
                if (d > worst)
                {
                    worst = d;
                    worstX = x;
                }
            }

            Assert.IsTrue(worst <= ulps, name + ": worst " + worst.ToString() + " ulp at x = " + worstX.ToString("G17"));
        }
    }
}
#endif
