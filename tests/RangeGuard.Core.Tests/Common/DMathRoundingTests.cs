#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;

namespace RangeGuard.Tests.Common
{
    /// <summary>
    /// Golden values, not comparisons with System.Math: on the ESP32 Math.Round/Floor(double) run in float,
    /// and these cases are the ones where that gives a different answer.
    /// </summary>
    [TestClass]
    public class DMathRoundingTests
    {
        [TestMethod]
        public void Round_should_tie_to_even_like_dotnet()
        {
            Assert.AreEqual(2.0, DMath.Round(2.5));
            Assert.AreEqual(4.0, DMath.Round(3.5));
            Assert.AreEqual(-2.0, DMath.Round(-2.5));
            Assert.AreEqual(-3.0, DMath.Round(-2.6));
            Assert.AreEqual(1.0, DMath.Round(0.5000001));
            Assert.AreEqual(0.0, DMath.Round(0.4999999));
        }

        [TestMethod]
        public void Round_should_keep_digits_that_float_would_lose()
        {
            // 45.35f * 10 = 453.49998474121094: float rounds it to 453.5, then to 454.
            Assert.AreEqual(453.0, DMath.Round(45.35f * 10.0));
            // 10485765 is odd and above 2^23: float's +0.5 ties up to 10485766.
            Assert.AreEqual(10485765.0, DMath.Round(10485765.0));
            Assert.AreEqual(123456789013.0, DMath.Round(123456789012.6));
            Assert.AreEqual(123456789012.0, DMath.Round(123456789012.5));
            Assert.AreEqual(9007199254740993.0, DMath.Round(9007199254740993.0));
        }

        [TestMethod]
        public void Floor_should_round_down_exactly_and_pass_non_finite_through()
        {
            Assert.AreEqual(-1.0, DMath.Floor(-0.5));
            Assert.AreEqual(16777217.0, DMath.Floor(16777217.7));
            Assert.AreEqual(-16777218.0, DMath.Floor(-16777217.7));
            Assert.AreEqual(3.0, DMath.Floor(3.0));
            Assert.IsTrue(double.IsNaN(DMath.Floor(double.NaN)));
            Assert.IsTrue(double.IsNaN(DMath.Round(double.NaN)));
            Assert.IsTrue(double.IsPositiveInfinity(DMath.Round(double.PositiveInfinity)));
        }

        [TestMethod]
        public void Pow10_should_be_exact_up_to_1e22()
        {
            Assert.AreEqual(1.0, DMath.Pow10(0));
            Assert.AreEqual(1e11, DMath.Pow10(11));
            Assert.AreEqual(1e22, DMath.Pow10(22));
            Assert.AreEqual(0.001, 1.0 / DMath.Pow10(3));
            Assert.IsTrue(DMath.Pow10(40) > 0.99999999e40 && DMath.Pow10(40) < 1.00000001e40, "1e40 is beyond float");
            Assert.IsTrue(DMath.Pow10(-40) > 0.99999999e-40 && DMath.Pow10(-40) < 1.00000001e-40, "1e-40 is below float");
        }
    }
}
