#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;

namespace RangeGuard.Tests.Common
{
    /// <summary>TextNumber's parsers: the same value on the device and the host, no runtime parser involved.</summary>
    [TestClass]
    public class TextNumberParseTests
    {
        [TestMethod]
        public void TryParseDouble_should_round_short_decimals_correctly()
        {
            AssertParses(0.1, "0.1");
            AssertParses(-2.5, "-2.5");
            AssertParses(1234.5678, "+1234.5678");
            AssertParses(1e-5, "1e-5");
            AssertParses(12.5, "125E-1");
            AssertParses(0.3, ".3");
            AssertParses(9007199254740993.0, "9007199254740993");   // 2^53 + 1: ties to even, 2^53
            AssertParses(123456789012345.0, "123456789012345");
            AssertParses(-0.0, "-0");
        }

        [TestMethod]
        public void TryParseDouble_should_reach_the_ends_of_the_double_range()
        {
            AssertNear(1.7976931348623157e308, "1.7976931348623157e308", 2);
            AssertNear(2.2250738585072014e-308, "2.2250738585072014e-308", 2);
            AssertNear(4.9406564584124654e-324, "4.9406564584124654e-324", 1);
            AssertNear(3.4028234663852886e38, "3.4028234663852886e38", 2);
            AssertNear(1.1754943508222875e-38, "1.1754943508222875e-38", 2);
            AssertNear(0.12345678901234568, "0.123456789012345678901234567890", 1);   // digits past the 19th ignored
            AssertNear(1.2345678901234568e29, "123456789012345678901234567890", 1);
            AssertParses(0.0, "1e-400");
        }

        [TestMethod]
        public void TryParseDouble_should_reject_what_is_not_a_plain_decimal()
        {
            double v;
            string[] bad = { "", "-", ".", "1.2.3", "1e", "1e+", "0x1A", "1,5", "NaN", "Infinity", " 1", "1 ", "1e401", "e5" };
            for (int i = 0; i < bad.Length; i++)
            {
                Assert.IsFalse(TextNumber.TryParseDouble(bad[i], out v), "'" + bad[i] + "'");
            }

            Assert.IsFalse(TextNumber.TryParseDouble(null, out v), "null");
        }

        [TestMethod]
        public void TryParseLong_should_give_signed_values_and_reject_overflow()
        {
            long v;
            Assert.IsTrue(TextNumber.TryParseLong("-10", out v) && v == -10L);
            Assert.AreEqual(-10f, (float)v, "converts as a signed value (not 1.8e19 on the interpreter)");
            Assert.IsTrue(TextNumber.TryParseLong("9223372036854775807", out v) && v == long.MaxValue);
            Assert.IsTrue(TextNumber.TryParseLong("0x7FF", out v) && v == 2047L);
            Assert.IsFalse(TextNumber.TryParseLong("9223372036854775808", out v), "beyond long");
            Assert.IsFalse(TextNumber.TryParseLong("-0x10", out v), "negative hex");
            ulong u;
            Assert.IsTrue(TextNumber.TryParseULong("0xFFFFFFFFFFFFFFFF", out u) && u == ulong.MaxValue);
            Assert.IsFalse(TextNumber.TryParseULong("18446744073709551616", out u), "beyond ulong");
        }

        private static void AssertParses(double expected, string text)
        {
            double v;
            Assert.IsTrue(TextNumber.TryParseDouble(text, out v), text);
            Assert.IsTrue(System.BitConverter.DoubleToInt64Bits(expected) == System.BitConverter.DoubleToInt64Bits(v),
                text + ": got " + TextNumber.General(v));
        }

        private static void AssertNear(double expected, string text, long ulps)
        {
            double v;
            Assert.IsTrue(TextNumber.TryParseDouble(text, out v), text);
            DMathTests.AssertUlps(expected, v, ulps, text);
        }
    }
}
