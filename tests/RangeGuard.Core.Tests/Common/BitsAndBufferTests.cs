#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;

namespace RangeGuard.Tests.Common
{
    [TestClass]
    public class BitsAndBufferTests
    {
        [TestMethod]
        public void ToInt64_should_give_signed_values_that_convert_to_float_as_signed()
        {
            // On the interpreter (long)0xFFFFFFFFFFFFFFF6UL stays tagged unsigned and converts to 1.8e19, not -10.
            Assert.AreEqual(-10L, Bits.ToInt64(0xFFFFFFFFFFFFFFF6UL));
            Assert.AreEqual(-10f, (float)Bits.ToInt64(0xFFFFFFFFFFFFFFF6UL));
            Assert.AreEqual(-10.0, (double)Bits.ToInt64(0xFFFFFFFFFFFFFFF6UL));
            Assert.AreEqual(long.MinValue, Bits.ToInt64(0x8000000000000000UL));
            Assert.AreEqual(long.MaxValue, Bits.ToInt64(0x7FFFFFFFFFFFFFFFUL));
            Assert.AreEqual(-1L, Bits.ToInt64(ulong.MaxValue));
            Assert.AreEqual(-5L >> 1, Bits.ToInt64(0xFFFFFFFFFFFFFFFBUL) >> 1, "arithmetic shift keeps the sign");
            Assert.AreEqual(-3, Bits.ToInt32(0xFFFFFFFDu));
            Assert.AreEqual(-3f, (float)Bits.ToInt32(0xFFFFFFFDu));
            Assert.AreEqual(int.MinValue, Bits.ToInt32(0x80000000u));
            Assert.AreEqual(7, Bits.ToInt32(7u));
        }

        [TestMethod]
        public void SignExtend_should_read_the_top_bit_of_the_field_as_the_sign()
        {
            Assert.AreEqual(-10L, Bits.SignExtend(0xF6UL, 8));
            Assert.AreEqual(-10f, (float)Bits.SignExtend(0xF6UL, 8));
            Assert.AreEqual(118L, Bits.SignExtend(0x76UL, 8));
            Assert.AreEqual(-1L, Bits.SignExtend(1UL, 1));
            Assert.AreEqual(-2048L, Bits.SignExtend(0x800UL, 12));
            Assert.AreEqual(-10L, Bits.SignExtend(0xFFFFFFFFFFFFFFF6UL, 64));
            Assert.AreEqual(-10L, Bits.SignExtend(0xABCDEF6UL, 8), "bits above the field are ignored");
        }

        [TestMethod]
        public void TextBuffer_should_hold_up_to_its_capacity_and_flag_the_rest()
        {
            var b = new TextBuffer(5);
            b.Append("abc");
            b.Append((string)null);
            b.Append('d');
            Assert.IsFalse(b.Overflowed);
            b.Append("ef");
            Assert.IsTrue(b.Overflowed);
            Assert.AreEqual("abcde", b.ToString());
            b.Truncate(2);
            Assert.AreEqual("ab", b.ToString());
            b.Clear();
            Assert.IsFalse(b.Overflowed);
            b.Append(-42L);
            Assert.AreEqual("-42", b.ToString());
            Assert.AreEqual(5, b.Capacity);
        }

        [TestMethod]
        public void AppendQuoted_should_write_a_member_name_and_truncate_like_single_appends_when_full()
        {
            var b = new TextBuffer(16);
            b.AppendQuoted('\0', "a", ':');
            b.AppendQuoted(',', "bc", ':');
            Assert.AreEqual("\"a\":,\"bc\":", b.ToString());
            Assert.IsFalse(b.Overflowed);
            b.AppendQuoted(',', "def", ':');   // 7 chars, 6 free
            Assert.IsTrue(b.Overflowed);
            Assert.AreEqual("\"a\":,\"bc\":,\"def\"", b.ToString());
        }
    }
}
