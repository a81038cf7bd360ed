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

        /// <summary>
        /// City blocks at 1 Hz: each blockM driven at speedKmh then a stop from stopsS (in turn), on a plan whose mean speed
        /// (stops included, as a plan's is) is planKmh. Returns what a per-tick learner counting every stop makes of it: plan
        /// and actual time (each stop added on the tick that ends it) weighted e^(−distance / τ), blended and bounded.
        /// </summary>
        private static double City(SpeedFactorLearner l, float speedKmh, float planKmh, float blockM, float[] stopsS, int blocks)
        {
            float step = speedKmh / 3.6f;
            float planPerM = 3.6f / planKmh;
            double plan = 0, actual = 0, seen = 0, stop = 0;
            for (int b = 0; b < blocks; b++)
            {
                for (float d = 0f; d < blockM; d += step)
                {
                    l.Add(1f, step, step * planPerM);
                    double a = step / SpeedFactorLearner.TauM;
                    plan = plan * (1 - a) + step * planPerM;
                    actual = actual * (1 - a) + 1 + stop;
                    stop = 0;
                    seen += step;
                }

                stop = stopsS[b % stopsS.Length];
                for (int i = 0; i < stop; i++)
                {
                    l.Add(1f, 0f, 0f);
                }
            }

            double w = seen / SpeedFactorLearner.TauM;
            double f = 1 + (plan / actual - 1) * (w > 1 ? 1 : w);
            return f < SpeedFactorLearner.MinFactor ? SpeedFactorLearner.MinFactor : (f > SpeedFactorLearner.MaxFactor ? SpeedFactorLearner.MaxFactor : f);
        }

        [TestMethod]
        public void Factor_should_stay_within_bounds()
        {
            // Stop-and-go far slower than the plan: 500 m at 50 km/h (36 s) + 100 s red = 136 s where the plan says 60 s.
            var l = new SpeedFactorLearner();
            City(l, 50f, 30f, 500f, new float[] { 100f }, 40);
            Check.Near(SpeedFactorLearner.MinFactor, l.Factor, 1e-6, "lower bound");
            l.Add(float.NaN, 10f, 1f);
            l.Add(1f, -5f, 1f);
            Check.Near(SpeedFactorLearner.MinFactor, l.Factor, 1e-6, "garbage ignored");

            var fast = new SpeedFactorLearner();
            Cruise(fast, 150f, 100f, 30f);
            Check.Near(SpeedFactorLearner.MaxFactor, fast.Factor, 1e-6, "upper bound");
        }

        [TestMethod]
        public void Factor_should_keep_the_drivers_pace_through_a_jam()
        {
            // 130 on a 120 plan, then 3 km of jam at 35 km/h (309 s where the plan says 90 s: 219 s lost, more than any
            // traffic stop), then 1 km at 130 again: the jam is not how this driver goes on, the factor stays 130 / 120.
            var l = new SpeedFactorLearner();
            Cruise(l, 130f, 120f, 30f);
            float before = l.Factor;
            Check.Near(130.0 / 120.0, before, 2e-3, "steady");
            Cruise(l, 35f, 120f, 3f);
            Check.Near(before, l.Factor, 1e-6, "during the jam");
            Cruise(l, 130f, 120f, 1f);
            Check.Near(before, l.Factor, 2e-3, "after the jam");
        }

        [TestMethod]
        public void Factor_should_count_a_slow_down_no_longer_than_a_traffic_stop()
        {
            // 1 km at 35 on a 120 plan loses 73 s (103 s for 30 s): a queue the plan's mean speeds carry, counted as
            // driving. Expected: the plan and actual time of the last τ (exponential by distance), slow-down included.
            var l = new SpeedFactorLearner();
            Cruise(l, 130f, 120f, 30f);
            float before = l.Factor;
            Cruise(l, 35f, 120f, 1f);
            Cruise(l, 130f, 120f, 0.5f);
            // The slow kilometre weighs ~e^(-0.05) ≈ 0.95, the older history decays over 1.5 km: e^(-0.15) ≈ 0.86.
            double plan = 0.86 * 10000 / (120 / 3.6) + 0.95 * 30 + 15;
            double actual = 0.86 * 10000 / (130 / 3.6) + 0.95 * 103 + 500 / (130 / 3.6);
            Check.Near(plan / actual, l.Factor, 0.01, "slow-down counted");
            Assert.IsTrue(l.Factor < before - 0.05f, "it lowers the factor: " + l.Factor.ToString("F3"));
        }

        [TestMethod]
        public void Factor_should_learn_stop_and_go_city_driving_as_the_plans_mean_speeds_do()
        {
            // 500 m blocks at 50 km/h (36 s) with red lights of up to 110 s; the plan's mean 30 km/h (60 s a block) carries
            // the stops. Stops averaging 24 s: on plan (f = 1); averaging 48 s: 60 / 84 = 0.714 a block.
            var onPlan = new SpeedFactorLearner();
            double expected = City(onPlan, 50f, 30f, 500f, new float[] { 110f, 0f, 10f, 0f, 0f }, 60);
            Check.Near(expected, onPlan.Factor, 2e-3, "on plan: every stop counted");
            Check.Near(1.0, onPlan.Factor, 0.06, "on plan, ± where the last stops fall in the exponential window");
            var slow = new SpeedFactorLearner();
            expected = City(slow, 50f, 30f, 500f, new float[] { 110f, 40f, 60f, 30f, 0f }, 60);
            Check.Near(expected, slow.Factor, 2e-3, "slower than plan: every stop counted");
            Check.Near(60.0 / 84.0, slow.Factor, 0.04, "slower than plan");
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
