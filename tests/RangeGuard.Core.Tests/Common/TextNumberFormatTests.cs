#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;

namespace RangeGuard.Tests.Common
{
    /// <summary>Number text built by integer arithmetic: golden strings, the same on the device and the host.</summary>
    [TestClass]
    public class TextNumberFormatTests
    {
        [TestMethod]
        public void Fixed_should_round_the_scaled_value_half_to_even_and_drop_the_sign_of_zero()
        {
            Assert.AreEqual("12.35", TextNumber.Fixed(12.349f, 2));
            Assert.AreEqual("0.0", TextNumber.Fixed(-0.04, 1));
            Assert.AreEqual("-8", TextNumber.Fixed(-7.5, 0));
            Assert.AreEqual("2", TextNumber.Fixed(2.5, 0));
            Assert.AreEqual("2.5", TextNumber.Fixed(2.45f, 1));   // 2.45f is 2.4500000476837158
            Assert.AreEqual("0.000000001", TextNumber.Fixed(1e-9, 9));
            Assert.AreEqual("-123456789012.000", TextNumber.Fixed(-123456789012.0, 3));
            Assert.AreEqual("NaN", TextNumber.Fixed(double.NaN, 1));
            Assert.AreEqual("-Infinity", TextNumber.Fixed(double.NegativeInfinity, 1));
            Assert.AreEqual("1e+20", TextNumber.Fixed(1e20, 1), "beyond 9e15 units: scientific");
        }

        [TestMethod]
        public void Fixed_should_round_half_to_even_alike_below_and_above_2_to_the_31_scaled_units()
        {
            // Below 2^31 units the integer part and the rounding are worked out in int arithmetic, above through DMath.Round.
            Assert.AreEqual("2147483646", TextNumber.Fixed(2147483646.5, 0));
            Assert.AreEqual("2147483646", TextNumber.Fixed(2147483645.5, 0));
            Assert.AreEqual("2147483648", TextNumber.Fixed(2147483647.5, 0));
            Assert.AreEqual("2147483648", TextNumber.Fixed(2147483648.5, 0));
            Assert.AreEqual("-214748364.6", TextNumber.Fixed(-214748364.625, 1));
            Assert.AreEqual("0.12", TextNumber.Fixed(0.125, 2));
            Assert.AreEqual("0.38", TextNumber.Fixed(0.375, 2));
            Assert.AreEqual("0", TextNumber.Fixed(-0.5, 0));
            Assert.AreEqual("1.000000000", TextNumber.Fixed(0.9999999996, 9));
        }

        [TestMethod]
        public void AppendFixed_should_refuse_what_it_cannot_write_exactly()
        {
            var b = new TextBuffer(32);
            Assert.IsFalse(TextNumber.AppendFixed(b, double.NaN, 1));
            Assert.IsFalse(TextNumber.AppendFixed(b, float.PositiveInfinity, 1));
            Assert.IsFalse(TextNumber.AppendFixed(b, 1e15, 1));
            Assert.AreEqual(0, b.Length, "nothing written");
            Assert.IsTrue(TextNumber.AppendFixed(b, 9e14, 1));
            Assert.AreEqual("900000000000000.0", b.ToString());
        }

        [TestMethod]
        public void General_should_give_six_significant_digits_over_the_whole_range()
        {
            Assert.AreEqual("0", TextNumber.General(0.0));
            Assert.AreEqual("0", TextNumber.General(-0.0));
            Assert.AreEqual("12.5", TextNumber.General(12.5f));
            Assert.AreEqual("0.1", TextNumber.General(0.1f), "float 0.1 widened");
            Assert.AreEqual("-0.001", TextNumber.General(-0.001));
            Assert.AreEqual("123457", TextNumber.General(123456.7));
            Assert.AreEqual("10", TextNumber.General(9.999996));
            Assert.AreEqual("1e+15", TextNumber.General(1e15));
            Assert.AreEqual("3.40282e+38", TextNumber.General(float.MaxValue));
            Assert.AreEqual("1.17549e-38", TextNumber.General(1.17549435e-38f));
            Assert.AreEqual("1.4013e-45", TextNumber.General(float.Epsilon));
            Assert.AreEqual("1.79769e+308", TextNumber.General(double.MaxValue));
            Assert.AreEqual("-2.22507e-308", TextNumber.General(-2.2250738585072014e-308));
            Assert.AreEqual("4.94066e-324", TextNumber.General(double.Epsilon));
            Assert.AreEqual("NaN", TextNumber.General(float.NaN));
            Assert.AreEqual("Infinity", TextNumber.General(double.PositiveInfinity));
        }

        [TestMethod]
        public void AppendLong_should_write_the_full_range()
        {
            var b = new TextBuffer(64);
            TextNumber.AppendLong(b, long.MinValue);
            b.Append(' ');
            TextNumber.AppendLong(b, long.MaxValue);
            b.Append(' ');
            TextNumber.AppendULong(b, ulong.MaxValue);
            b.Append(' ');
            TextNumber.AppendLong(b, 0);
            Assert.AreEqual("-9223372036854775808 9223372036854775807 18446744073709551615 0", b.ToString());
        }

        [TestMethod]
        public void Bits_should_round_trip_every_kind_of_double_exactly()
        {
            double[] values =
            {
                0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
                double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 2.2250738585072009e-308,
                2.2250738585072014e-308, 1e-300, 1e300, 9007199254740993.0,
                float.MaxValue, float.Epsilon, 1.17549435e-38f, -3.4e38f, 1e38f, 1e-38f, 0.1f,
            };
            for (int i = 0; i < values.Length; i++)
            {
                var b = new TextBuffer(16);
                TextNumber.AppendBits(b, values[i]);
                Assert.AreEqual(16, b.Length);
                double back;
                Assert.IsTrue(TextNumber.TryParseBits(b.ToString(), out back), b.ToString());
                Assert.IsTrue(System.BitConverter.DoubleToInt64Bits(values[i]) == System.BitConverter.DoubleToInt64Bits(back),
                    "bits of value " + i.ToString() + " (" + b.ToString() + ")");
                if (i >= 18)
                {
                    Assert.IsTrue((double)(float)back == back, "float value " + i.ToString() + " narrows back exactly");
                }
            }

            var one = new TextBuffer(16);
            TextNumber.AppendBits(one, 1.0);
            Assert.AreEqual("3FF0000000000000", one.ToString());
            var negZero = new TextBuffer(16);
            TextNumber.AppendBits(negZero, -0.0);
            Assert.AreEqual("8000000000000000", negZero.ToString());
        }

        [TestMethod]
        public void Bits_should_round_trip_random_bit_patterns()
        {
            var prng = new Prng(17);
            var b = new TextBuffer(16);
            for (int i = 0; i < 2000; i++)
            {
                ulong bits = ((ulong)prng.NextUInt() << 32) | prng.NextUInt();
                double v = System.BitConverter.Int64BitsToDouble(Bits.ToInt64(bits));
                b.Clear();
                TextNumber.AppendBits(b, v);
                double back;
                Assert.IsTrue(TextNumber.TryParseBits(b.ToString(), out back));
                if (!double.IsNaN(v))
                {
                    Assert.IsTrue(System.BitConverter.DoubleToInt64Bits(v) == System.BitConverter.DoubleToInt64Bits(back), b.ToString());
                }
                else
                {
                    Assert.IsTrue(double.IsNaN(back), b.ToString());
                }
            }
        }

        [TestMethod]
        public void TryParseBits_should_reject_anything_but_16_hex_digits()
        {
            double v;
            Assert.IsFalse(TextNumber.TryParseBits("3FF000000000000", out v), "15 digits");
            Assert.IsFalse(TextNumber.TryParseBits("3FF00000000000000", out v), "17 digits");
            Assert.IsFalse(TextNumber.TryParseBits("3FF000000000000G", out v), "not hex");
            Assert.IsFalse(TextNumber.TryParseBits(null, out v));
            Assert.IsTrue(TextNumber.TryParseBits("3ff0000000000000", out v) && v == 1.0, "lower case");
        }
    }
}
