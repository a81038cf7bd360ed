#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;

namespace RangeGuard.Tests.Forecast
{
    [TestClass]
    public class PlanValidationTests
    {
        private static EnergyForecaster WithGoodPlan(int capacity)
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar(), capacity);
            string error;
            Assert.IsTrue(f.TrySetPlan(TestRoutes.Flat(5, 1000f, 90f, 20f), out error), error);
            return f;
        }

        private static void Rejects(RoutePlan plan, string expectedText, int capacity)
        {
            EnergyForecaster f = WithGoodPlan(capacity);
            string error;
            Assert.IsFalse(f.TrySetPlan(plan, out error), "should reject: " + expectedText);
            Assert.IsTrue(error != null && error.IndexOf(expectedText) >= 0, error);
            Check.Near(5000.0, f.PlanLengthM, 1e-3, "previous plan kept");
        }

        [TestMethod]
        public void TrySetPlan_should_reject_and_keep_previous_when_length_negative()
        {
            RoutePlan plan = TestRoutes.Flat(3, 1000f, 90f, 20f);
            plan.Segments.LengthM[1] = -5f;
            Rejects(plan, "segment 1: length", 2000);
        }

        [TestMethod]
        public void TrySetPlan_should_reject_when_grade_above_30_percent()
        {
            RoutePlan plan = TestRoutes.Flat(3, 100f, 90f, 20f);
            plan.Segments.ElevationChangeM[2] = 45f;
            Rejects(plan, "grade 45.0 %", 2000);
        }

        [TestMethod]
        public void TrySetPlan_should_reject_when_more_segments_than_fit()
        {
            Rejects(TestRoutes.Flat(11, 100f, 90f, 20f), "too many segments", 10);
        }

        [TestMethod]
        public void TrySetPlan_should_reject_when_charger_beyond_route_end()
        {
            RoutePlan plan = TestRoutes.Flat(3, 1000f, 90f, 20f);
            plan.AddCharger(ForecasterTests.MakeCharger(3500f, 50f));
            Rejects(plan, "not on the route", 2000);
        }

        [TestMethod]
        public void TrySetPlan_should_reject_when_charger_power_missing_or_order_wrong()
        {
            RoutePlan plan = TestRoutes.Flat(3, 1000f, 90f, 20f);
            plan.AddCharger(ForecasterTests.MakeCharger(500f, 0f));
            Rejects(plan, "power", 2000);
            RoutePlan unordered = TestRoutes.Flat(3, 1000f, 90f, 20f);
            unordered.AddCharger(ForecasterTests.MakeCharger(2000f, 50f));
            unordered.AddCharger(ForecasterTests.MakeCharger(1000f, 50f));
            Rejects(unordered, "route order", 2000);
        }

        [TestMethod]
        public void TrySetPlan_should_reject_when_value_is_nan()
        {
            RoutePlan plan = TestRoutes.Flat(3, 1000f, 90f, 20f);
            plan.Segments.AmbientTempC[0] = float.NaN;
            Rejects(plan, "segment 0: ambient", 2000);
            RoutePlan speed = TestRoutes.Flat(3, 1000f, 90f, 20f);
            speed.Segments.ExpectedSpeedKmh[2] = float.NaN;
            Rejects(speed, "segment 2: expected speed", 2000);
        }

        [TestMethod]
        public void TrySetPlan_should_reject_when_empty_or_null()
        {
            Rejects(new RoutePlan(), "no segments", 2000);
            EnergyForecaster f = WithGoodPlan(2000);
            string error;
            Assert.IsFalse(f.TrySetPlan(null, out error));
            Check.Near(5000.0, f.PlanLengthM, 1e-3, "kept");
        }
    }
}
