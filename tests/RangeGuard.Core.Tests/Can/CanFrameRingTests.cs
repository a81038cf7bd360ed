#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;

namespace RangeGuard.Tests.Can
{
    [TestClass]
    public class CanFrameRingTests
    {
        [TestMethod]
        public void Ring_should_keep_order_across_wraparound_and_drop_newest_when_full()
        {
            var ring = new CanFrameRing(3);
            CanFrame f;
            for (uint id = 1; id <= 2; id++)
            {
                CanFrame g = SlcanTestSupport.MakeFrame(id, false, false, 0, 0);
                ring.OnCanFrame(ref g);
            }

            Assert.IsTrue(ring.TryTake(out f));
            Assert.AreEqual(1u, f.Id);
            for (uint id = 3; id <= 5; id++)
            {
                CanFrame g = SlcanTestSupport.MakeFrame(id, false, false, 0, 0);
                ring.OnCanFrame(ref g);
            }

            Assert.AreEqual(3, ring.Count);
            Assert.AreEqual(1, ring.Dropped, "frame 5 did not fit");
            uint[] expected = { 2, 3, 4 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.IsTrue(ring.TryTake(out f));
                Assert.AreEqual(expected[i], f.Id);
            }

            Assert.IsFalse(ring.TryTake(out f));
            Assert.AreEqual(0, ring.Count);
        }

        [TestMethod]
        public void Constructor_should_refuse_capacity_0()
        {
            Check.Throws(typeof(System.ArgumentOutOfRangeException), () => new CanFrameRing(0), "capacity 0");
        }
    }
}
