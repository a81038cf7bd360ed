#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;

namespace RangeGuard.Tests.Common
{
    [TestClass]
    public class PrngTests
    {
        [TestMethod]
        public void NextUInt_should_follow_xorshift32_when_seeded_with_1()
        {
            // xorshift32 from seed 1, worked by hand: x ^= x<<13 -> 8193; x ^= x>>17 -> 8193; x ^= x<<5 -> 270369.
            var prng = new Prng(1);
            Assert.AreEqual(270369u, prng.NextUInt());
        }

        [TestMethod]
        public void Next_should_stay_in_range_when_drawn_many_times()
        {
            var prng = new Prng(42);
            for (int i = 0; i < 10000; i++)
            {
                int v = prng.Next(-3, 5);
                Assert.IsTrue(v >= -3 && v < 5, "value " + v.ToString());
            }
        }
    }
}
