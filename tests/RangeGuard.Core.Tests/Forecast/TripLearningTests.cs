#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;

namespace RangeGuard.Tests.Forecast
{
    /// <summary>The forecaster learns the car's constants from whole trips (EndTrip) and applies them to the next departure.</summary>
    [TestClass]
    public class TripLearningTests
    {
        private static EnergyForecaster Planned()
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            Plan(f);
            return f;
        }

        private static void Plan(EnergyForecaster f)
        {
            string error;
            Assert.IsTrue(f.TrySetPlan(TestRoutes.Flat(10, 1000f, 90f, 10f), out error), error);
        }

        /// <summary>One tick at a position and speed; returns the energy to the destination, kWh.</summary>
        private static float Tick(EnergyForecaster f, float posM, float speedKmh, long timeMs)
        {
            var inputs = TestRoutes.At(posM, 80f, 25f, 10f);
            inputs.SpeedKmh = speedKmh;
            inputs.BatteryPowerW = 15000f;
            inputs.TimeMs = timeMs;
            var r = new ForecastResult();
            f.Tick(inputs, r);
            Assert.IsTrue(r.Valid, r.Reason);
            return r.Destination.EnergyNeededKwh;
        }

        [TestMethod]
        public void A_new_car_should_forecast_as_the_preset_whether_its_constants_are_applied_or_not()
        {
            float on = Tick(Planned(), 0f, 0f, 0);
            var off = new EnergyForecaster(TestRoutes.SimpleCar()) { CalibrationEnabled = false };
            Plan(off);
            Assert.IsTrue(on == Tick(off, 0f, 0f, 0), "bit for bit");
        }

        [TestMethod]
        public void A_trip_should_be_learned_once_and_the_next_departure_should_use_it()
        {
            EnergyForecaster f = Planned();
            float before = Tick(f, 0f, 0f, 0);
            Assert.IsTrue(f.TripOpen, "the first tick of a plan is its departure");
            Assert.IsTrue(f.EndTrip(before * 1.25f, true), "learned");
            Assert.IsFalse(f.EndTrip(before * 1.25f, true), "once: no trip is open");
            Assert.AreEqual(1, f.TripsLearned, "trips learned");
            Assert.AreEqual(1, f.Calibration.TripCount, "the car's constants learned it");
            Assert.AreEqual(1, f.OutcomeLearner.TripCount, "the trip-outcome correction learned it too");

            Plan(f);
            float after = Tick(f, 0f, 0f, 1000);
            Assert.IsTrue(after > before * 1.05f && after < before * 1.25f, "part of the way to what it took: " + before.ToString() + " -> " + after.ToString());
            f.CalibrationEnabled = false;
            Plan(f);
            Assert.IsTrue(before == Tick(f, 0f, 0f, 2000), "switched off: the preset's forecast again");
        }

        [TestMethod]
        public void A_trip_ended_short_of_the_destination_should_be_compared_with_the_forecast_for_the_distance_driven()
        {
            // Both trips take 40 % of the whole route's forecast: right for 4 of its 10 km, far too little for all 10.
            EnergyForecaster part = Planned(), whole = Planned();
            float route = Tick(part, 0f, 0f, 0);
            Tick(whole, 0f, 0f, 0);
            Tick(part, 4000f, 0f, 200000);
            Tick(whole, 4000f, 0f, 200000);
            Assert.IsTrue(part.EndTrip(0.4f * route, false), "learned the 4 km");
            Assert.IsTrue(whole.EndTrip(0.4f * route, true), "learned as if the destination was reached");
            Check.Near(1.0, part.Calibration.DriveScale, 0.02, "4 km as forecast: the constants barely move");
            Assert.IsTrue(whole.Calibration.DriveScale < 0.95f, "10 km at 40 %: they move " + whole.Calibration.DriveScale.ToString());
        }

        [TestMethod]
        public void After_a_trip_the_next_departure_should_be_the_first_tick_moving_and_trip_local_learners_start_afresh()
        {
            EnergyForecaster f = Planned();
            f.LearnHoldOffS = 0f;
            long t = 0;
            float pos = 0f;
            for (int i = 0; i < 200; i++)
            {
                Tick(f, pos, 90f, t);
                pos += 25f;
                t += 1000;
            }

            Assert.IsTrue(f.Learner.WindowCount > 5, "windows learned on the way: " + f.Learner.WindowCount.ToString());
            Assert.IsTrue(f.EndTrip(2.0f, false), "learned");
            Assert.AreEqual(0, f.Learner.WindowCount, "the per-window learner starts afresh");
            Check.Near(1.0, f.SpeedLearner.Factor, 1e-6, "so does the speed factor");
            Tick(f, pos, 0f, t + 1000000);
            Assert.IsFalse(f.TripOpen, "parked: no departure yet");
            Assert.IsFalse(f.EndTrip(1.0f, false), "nothing to end");
            Tick(f, pos, 30f, t + 2000000);
            Assert.IsTrue(f.TripOpen, "moving: departed");
        }

        [TestMethod]
        public void Device_state_should_carry_the_car_constants_and_the_trips_window_learner_all_or_nothing()
        {
            EnergyForecaster f = Planned();
            float physics = Tick(f, 0f, 0f, 0);
            for (int i = 0; i < 3; i++)
            {
                Assert.IsTrue(f.EndTrip(physics * 1.15f, true), "trip " + i.ToString());
                Plan(f);
                Tick(f, 0f, 0f, 1000 * (i + 1));
            }

            string saved = RangeGuard.Runtime.LearnedState.Save(f);
            EnergyForecaster copy = Planned();
            Assert.IsTrue(RangeGuard.Runtime.LearnedState.TryLoad(copy, saved), saved);
            Assert.AreEqual(saved, RangeGuard.Runtime.LearnedState.Save(copy), "bit for bit, both parts");
            Assert.AreEqual(f.SaveLearnedState(), copy.SaveLearnedState(), "the car's constants came across");

            EnergyForecaster fresh = Planned();
            string empty = RangeGuard.Runtime.LearnedState.Save(fresh);
            string car = saved.Substring(0, saved.IndexOf('#'));
            Assert.IsFalse(RangeGuard.Runtime.LearnedState.TryLoad(fresh, car + "#rgl2;garbage"), "a broken window part");
            Assert.IsFalse(RangeGuard.Runtime.LearnedState.TryLoad(fresh, car), "no window part");
            Assert.AreEqual(empty, RangeGuard.Runtime.LearnedState.Save(fresh), "nothing changed, the good car part included");
        }

        [TestMethod]
        public void Learned_state_should_restore_bit_for_bit_and_refuse_a_broken_part()
        {
            EnergyForecaster f = Planned();
            float physics = Tick(f, 0f, 0f, 0);
            for (int i = 0; i < 5; i++)
            {
                Assert.IsTrue(f.EndTrip(physics * (1.1f + 0.02f * i), true), "trip " + i.ToString());
                Plan(f);
                Tick(f, 0f, 0f, 1000 * (i + 1));
            }

            string state = f.SaveLearnedState();
            EnergyForecaster copy = Planned();
            Assert.IsTrue(copy.TryLoadLearnedState(state), state);
            Assert.AreEqual(state, copy.SaveLearnedState(), "bit for bit");
            Plan(f);
            Plan(copy);
            Assert.IsTrue(Tick(f, 0f, 0f, 9000) == Tick(copy, 0f, 0f, 9000), "the same departure forecast");

            EnergyForecaster fresh = Planned();
            string empty = fresh.SaveLearnedState();
            string[] parts = state.Split('|');
            Assert.IsFalse(fresh.TryLoadLearnedState(parts[0] + "|rgo2;garbage"), "a broken outcome part");
            Assert.IsFalse(fresh.TryLoadLearnedState(parts[0]), "one part only");
            Assert.IsFalse(fresh.TryLoadLearnedState(null), "null");
            Assert.AreEqual(empty, fresh.SaveLearnedState(), "nothing changed, the good part included");
        }
    }
}
