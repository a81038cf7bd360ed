#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;

namespace RangeGuard.Tests.Forecast
{
    [TestClass]
    public class RoutePlanCapacityTests
    {
        [TestMethod]
        public void AddSegment_should_refuse_the_segment_after_capacity_when_the_plan_is_small()
        {
            var plan = new RoutePlan(3);
            var seg = new RouteSegment { LengthM = 100f, ExpectedSpeedKmh = 50f, SpeedLimitKmh = 50f, AmbientTempC = 10f };
            Assert.IsTrue(plan.AddSegment(seg));
            Assert.IsTrue(plan.AddSegment(seg));
            Assert.IsTrue(plan.AddSegment(seg));
            Assert.IsFalse(plan.AddSegment(seg), "fourth segment refused");
            Assert.AreEqual(3, plan.SegmentCount);
            Assert.AreEqual(3, plan.Segments.Length);
        }

        [TestMethod]
        public void CopyFrom_should_throw_and_keep_the_plan_when_the_source_does_not_fit()
        {
            var big = new RoutePlan(10);
            var seg = new RouteSegment { LengthM = 100f, ExpectedSpeedKmh = 50f, SpeedLimitKmh = 50f, AmbientTempC = 10f };
            for (int i = 0; i < 5; i++)
            {
                big.AddSegment(seg);
            }

            var small = new RoutePlan(2);
            small.AddSegment(seg);
            Check.Throws(typeof(System.ArgumentException), () => small.CopyFrom(big), "copy 5 segments into room for 2");
            Assert.AreEqual(1, small.SegmentCount);
            Assert.AreEqual(RoutePlan.MaxSegments, new RoutePlan().Segments.Length);
        }
    }
}
