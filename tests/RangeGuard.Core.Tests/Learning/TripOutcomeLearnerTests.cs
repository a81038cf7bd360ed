#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Learning;

namespace RangeGuard.Tests.Learning
{
    [TestClass]
    public class TripOutcomeLearnerTests
    {
        [TestMethod]
        public void Factor_should_be_1_before_any_trip_and_at_a_temperature_never_driven()
        {
            var l = new TripOutcomeLearner();
            Check.Near(1.0, l.Factor(20f), 1e-9, "fresh");
            for (int i = 0; i < 10; i++)
            {
                l.AddTrip(25f, 2.0f, 2.4f);
            }

            Check.Near(1.0, l.Factor(-10f), 1e-6, "winter after summer trips only: the physics forecast");
        }

        [TestMethod]
        public void Factor_should_approach_the_measured_ratio_after_many_consistent_trips_and_move_little_after_one()
        {
            var l = new TripOutcomeLearner();
            l.AddTrip(20f, 2.0f, 2.4f);
            // ln 1.2 = 0.182 shrunk by 1 / (1 + 4): a fifth of the error after one trip.
            Check.Near(RangeGuard.Common.DMath.Exp(0.1823 / 5), l.Factor(20f), 0.002, "one trip");
            for (int i = 0; i < 40; i++)
            {
                l.AddTrip(20f, 2.0f, 2.4f);
            }

            // Forgetting 0.95: the effective count saturates at 20 trips, so the shrinkage leaves 20/24 of ln 1.2.
            Check.Near(RangeGuard.Common.DMath.Exp(0.1823 * 20 / 24), l.Factor(20f), 0.01, "many trips");
        }

        [TestMethod]
        public void One_outlier_trip_should_be_clipped()
        {
            var l = new TripOutcomeLearner();
            l.AddTrip(20f, 1.0f, 3.0f);
            Check.Near(RangeGuard.Common.DMath.Exp(TripOutcomeLearner.MaxLogRatio / 5), l.Factor(20f), 0.002, "ln 3 clipped to 0.25");
            Assert.IsFalse(l.AddTrip(20f, 0f, 3.0f), "no forecast: nothing learned");
            Assert.IsFalse(l.AddTrip(float.NaN, 2f, 3.0f), "no ambient: nothing learned");
            Assert.AreEqual(1, l.TripCount, "trips");
        }

        [TestMethod]
        public void State_should_survive_save_and_load_and_refuse_garbage()
        {
            var l = new TripOutcomeLearner();
            l.AddTrip(5f, 3f, 2.7f);
            l.AddTrip(15f, 3f, 3.3f);
            var copy = new TripOutcomeLearner();
            Assert.IsTrue(copy.TryLoadState(l.SaveState()), "round trip");
            Check.Near(l.Factor(8f), copy.Factor(8f), 1e-6, "same factor");
            Assert.AreEqual(l.SaveState(), copy.SaveState(), "bit for bit");
            Assert.IsFalse(copy.TryLoadState("rgo2;2;x"), "short");
            Assert.IsFalse(copy.TryLoadState("rgl2;1;1;1;1;1;1;1;1;1;1;1"), "wrong tag");
            Assert.IsFalse(copy.TryLoadState(State(1, 5.0, 1.0)), "mean beyond the clip");
            Assert.IsTrue(copy.TryLoadState(State(1, 0.1, 1.0)), "the same layout within the clip loads");
            Assert.IsTrue(copy.TryLoadState(l.SaveState()));
            Check.Near(l.Factor(8f), copy.Factor(8f), 1e-6, "unchanged after a refused state");
        }

        /// <summary>A saved state with the first bin's sum and count set, every other bin empty.</summary>
        private static string State(int trips, double sum0, double n0)
        {
            RangeGuard.Common.TextBuffer b = new RangeGuard.Common.TextBuffer(256);
            b.Append("rgo2;");
            b.Append(trips);
            for (int i = 0; i < TripOutcomeLearner.Bins; i++)
            {
                b.Append(';');
                RangeGuard.Common.TextNumber.AppendBits(b, i == 0 ? sum0 : 0.0);
                b.Append(';');
                RangeGuard.Common.TextNumber.AppendBits(b, i == 0 ? n0 : 0.0);
            }

            return b.ToString();
        }
    }
}
