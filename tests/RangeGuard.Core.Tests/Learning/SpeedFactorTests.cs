#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;
using RangeGuard.Learning;
using RangeGuard.Tests.Forecast;

namespace RangeGuard.Tests.Learning
{
    [TestClass]
    public class SpeedFactorTests
    {
        /// <summary>1 Hz ticks at speedKmh on a plan expecting planKmh, for km.</summary>
        private static void Cruise(SpeedFactorLearner l, float speedKmh, float planKmh, float km)
        {
            float step = speedKmh / 3.6f;
            for (float d = 0f; d < km * 1000f; d += step)
            {
                l.Add(1f, step, step / (planKmh / 3.6f));
            }
        }

        [TestMethod]
        public void Factor_should_be_0_9_when_driving_90_on_a_100_plan_for_20_km()
        {
            var l = new SpeedFactorLearner();
            Cruise(l, 90f, 100f, 20f);
            Check.Near(0.9, l.Factor, 1e-4, "90 / 100");
        }

        [TestMethod]
        public void Factor_should_blend_from_1_when_only_half_a_tau_was_seen()
        {
            // 5 km of 10 km τ: 1 + (0.9 − 1)·0.5 = 0.95.
            var l = new SpeedFactorLearner();
            Cruise(l, 90f, 100f, 5f);
            Check.Near(0.95, l.Factor, 0.002, "half evidence");
        }

        [TestMethod]
        public void Factor_should_ignore_a_long_break_and_count_a_traffic_stop()
        {
            var l = new SpeedFactorLearner();
            Cruise(l, 100f, 100f, 20f);
            for (int i = 0; i < 2700; i++)
            {
                l.Add(1f, 0f, 0f); // 45 min parked
            }

            Cruise(l, 100f, 100f, 0.1f);
            Check.Near(1.0, l.Factor, 1e-3, "break dropped");

            for (int i = 0; i < 60; i++)
            {
                l.Add(1f, 0f, 0f); // a red light
            }

            l.Add(1f, 27.78f, 1f);
            // The 60 s stop weighs in: plan time after it is still ~per-metre, actual gained 60 s over ~τ of history.
            Assert.IsTrue(l.Factor < 0.99f, "traffic stop counted: " + l.Factor.ToString("F3"));
        }

        [TestMethod]
        public void Factor_should_stay_within_bounds_when_crawling()
        {
            var l = new SpeedFactorLearner();
            Cruise(l, 20f, 100f, 15f);
            Check.Near(SpeedFactorLearner.MinFactor, l.Factor, 1e-6, "lower bound");
            l.Add(float.NaN, 10f, 1f);
            l.Add(1f, -5f, 1f);
            Check.Near(SpeedFactorLearner.MinFactor, l.Factor, 1e-6, "garbage ignored");
        }

        /// <summary>Drives km at speedKmh (1 Hz) with a flat 40 km plan expecting planKmh; returns the last result.</summary>
        private static ForecastResult Drive(EnergyForecaster f, float speedKmh, float km)
        {
            var r = new ForecastResult();
            float pos = 0f;
            long t = 0;
            while (pos <= km * 1000f)
            {
                ForecastInputs inputs = TestRoutes.At(pos, 80f, 25f, 20f);
                inputs.SpeedKmh = speedKmh;
                inputs.BatteryPowerW = 15000f;
                inputs.TimeMs = t;
                f.Tick(inputs, r);
                pos += speedKmh / 3.6f;
                t += 1000;
            }

            return r;
        }

        [TestMethod]
        public void Forecast_should_equal_a_plan_at_the_driven_speed_when_the_driver_holds_80_on_a_100_plan()
        {
            // 12 km at 80 km/h = 540 s: inside the consumption learner's hold-off, so only the speed factor differs.
            string error;
            var a = new EnergyForecaster(TestRoutes.SimpleCar());
            Assert.IsTrue(a.TrySetPlan(TestRoutes.Flat(40, 1000f, 100f, 20f), out error), error);
            ForecastResult ra = Drive(a, 80f, 12f);
            var b = new EnergyForecaster(TestRoutes.SimpleCar());
            Assert.IsTrue(b.TrySetPlan(TestRoutes.Flat(40, 1000f, 80f, 20f), out error), error);
            ForecastResult rb = Drive(b, 80f, 12f);

            Check.Near(0.8, ra.LearnedSpeedFactor, 1e-3, "f");
            Check.Near(1.0, rb.LearnedSpeedFactor, 1e-3, "f at plan speed");
            Check.Near(rb.Destination.EtaSeconds, ra.Destination.EtaSeconds, 1.0, "ETA at 80");
            Check.Near(rb.Destination.EnergyNeededKwh, ra.Destination.EnergyNeededKwh, 0.005 * rb.Destination.EnergyNeededKwh, "energy: aero ∝ f², aux time ∝ 1/f");
        }

        [TestMethod]
        public void Speed_factor_should_carry_over_a_re_plan()
        {
            string error;
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            Assert.IsTrue(f.TrySetPlan(TestRoutes.Flat(40, 1000f, 100f, 20f), out error), error);
            Drive(f, 80f, 12f);
            Assert.IsTrue(f.TrySetPlan(TestRoutes.Flat(40, 1000f, 100f, 20f), out error), error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 80f, 25f, 20f), r);
            Check.Near(0.8, r.LearnedSpeedFactor, 1e-3, "kept across the re-plan");
        }
    }
}
