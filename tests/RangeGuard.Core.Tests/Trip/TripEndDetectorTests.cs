#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Trip;

namespace RangeGuard.Tests.Trip
{
    [TestClass]
    public class TripEndDetectorTests
    {
        /// <summary>Drives seconds at a speed (m/s) and power, 1 Hz; returns true if a trip completed on the way.</summary>
        private static bool Run(TripEndDetector d, ref long t, ref float pos, int seconds, float mps, float powerW, float planM, bool plugged)
        {
            bool done = false;
            for (int i = 0; i < seconds; i++)
            {
                t += 1000;
                pos += mps;
                float remaining = planM - pos > 0f ? planM - pos : 0f;
                done |= d.Update(t, 1000, pos, remaining, true, mps * 3.6f, mps * 3.6f < 1f, plugged, true, powerW);
            }

            return done;
        }

        [TestMethod]
        public void A_trip_should_complete_once_a_minute_after_parking_at_the_destination_with_the_energy_up_to_the_park()
        {
            var d = new TripEndDetector();
            long t = 0;
            float pos = 0f;
            d.Begin(0f);
            Assert.IsFalse(Run(d, ref t, ref pos, 500, 20f, 18000f, 10000f, false), "10 km at 18 kW");
            // Parked time counts from the first tick seen parked.
            Assert.IsFalse(Run(d, ref t, ref pos, 60, 0f, 3000f, 10000f, false), "parked 59 s");
            Assert.IsTrue(Run(d, ref t, ref pos, 1, 0f, 3000f, 10000f, false), "parked 60 s at the destination");
            // The drive's energy and the second in which the car stopped, not the parked minute's.
            Check.Near((18000.0 * 500 + 3000.0) / 3.6e6, d.MeasuredKwh, 1e-6, "kWh");
            Assert.IsTrue(d.ReachedDestination, "at the destination");
            Assert.IsFalse(Run(d, ref t, ref pos, 7200, 0f, 3000f, 10000f, false), "learned once: parked on, nothing more");
            Assert.AreEqual(1, d.Completed, "completed");
            Assert.IsFalse(d.Open, "closed until the car moves");
            Run(d, ref t, ref pos, 1, 5f, 5000f, 10000f, false);
            Assert.IsTrue(d.Open, "the next trip begins at the first tick moving");
        }

        [TestMethod]
        public void A_stop_on_the_way_should_end_the_trip_after_30_minutes_and_charging_should_not_count()
        {
            var d = new TripEndDetector();
            long t = 0;
            float pos = 0f;
            d.Begin(0f);
            Run(d, ref t, ref pos, 250, 20f, 18000f, 100000f, false);
            Assert.IsFalse(Run(d, ref t, ref pos, 30 * 60, 0f, -50000f, 100000f, true), "just under 30 min at a charger: still the same trip");
            Assert.IsTrue(Run(d, ref t, ref pos, 1, 0f, -50000f, 100000f, true), "30 min: a stop long enough to start cold again");
            Assert.IsFalse(d.ReachedDestination, "95 km short of the destination");
            Check.Near(18000.0 * 250 / 3.6e6, d.MeasuredKwh, 1e-6, "kWh: the 50 kW of charging is not the trip's");
        }

        [TestMethod]
        public void A_short_hop_or_a_short_stop_should_not_end_a_trip()
        {
            var d = new TripEndDetector();
            long t = 0;
            float pos = 0f;
            d.Begin(0f);
            Run(d, ref t, ref pos, 40, 20f, 18000f, 100000f, false);
            Assert.IsFalse(Run(d, ref t, ref pos, 3 * 3600, 0f, 500f, 100000f, false), "800 m then parked for hours: too short to learn from");
            Run(d, ref t, ref pos, 100, 20f, 18000f, 100000f, false);
            Assert.IsFalse(Run(d, ref t, ref pos, 20 * 60, 0f, 500f, 100000f, false), "a 20 min stop after 2.8 km");
            Assert.IsTrue(d.Open, "still one trip");
            Assert.AreEqual(0, d.Completed, "none completed");
        }

        [TestMethod]
        public void A_new_plan_on_arrival_should_complete_the_trip_at_once_and_elsewhere_should_not()
        {
            var d = new TripEndDetector();
            long t = 0;
            float pos = 0f;
            d.Begin(0f);
            Run(d, ref t, ref pos, 250, 20f, 18000f, 10000f, false);
            Assert.IsFalse(d.CompleteOnNewPlan(pos, 5000f), "5 km short: a re-route, not an arrival");
            Run(d, ref t, ref pos, 240, 20f, 18000f, 10000f, false);
            Run(d, ref t, ref pos, 5, 0f, 3000f, 10000f, false);
            Assert.IsTrue(d.CompleteOnNewPlan(pos, 200f), "parked 200 m from the destination: arrived");
            Check.Near((18000.0 * 490 + 3000.0) / 3.6e6, d.MeasuredKwh, 1e-6, "kWh up to the park");
            Assert.IsTrue(d.ReachedDestination, "reached");
            Assert.IsFalse(d.CompleteOnNewPlan(pos, 200f), "once");

            // Rolling into the destination when the plan changes counts too (energy up to now).
            d.Begin(0f);
            pos = 0f;
            Run(d, ref t, ref pos, 60, 20f, 9000f, 1300f, false);
            Assert.IsTrue(d.CompleteOnNewPlan(pos, 100f), "rolling in, 100 m short");
            Check.Near(9000.0 * 60 / 3.6e6, d.MeasuredKwh, 1e-6, "kWh up to now");
        }

        [TestMethod]
        public void A_new_plan_should_drop_the_unfinished_trip_and_begin_another()
        {
            var d = new TripEndDetector();
            long t = 0;
            float pos = 0f;
            d.Begin(0f);
            Run(d, ref t, ref pos, 100, 20f, 18000f, 100000f, false);
            d.Begin(0f);
            pos = 0f;
            Check.Near(0.0, d.EnergyWh, 0.0, "energy restarts");
            Run(d, ref t, ref pos, 100, 20f, 9000f, 100000f, false);
            Assert.IsTrue(Run(d, ref t, ref pos, 1801, 0f, 0f, 100000f, false), "completed");
            Check.Near(9000.0 * 100 / 3.6e6, d.MeasuredKwh, 1e-6, "the new plan's trip only");
        }
    }
}
