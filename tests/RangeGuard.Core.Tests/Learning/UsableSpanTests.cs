#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Learning;

namespace RangeGuard.Tests.Learning
{
    /// <summary>
    /// The SOC span being driven as a provisional usable-energy span (CarCalibrationLearner.TrackSpan): a new car whose pack
    /// holds less per SOC point than the preset learns it during its first trip, not only at its end.
    /// </summary>
    [TestClass]
    public class UsableSpanTests
    {
        private const float PresetWh = 60000f;

        /// <summary>Drives at 1 Hz with a pack holding <paramref name="ratio"/> × the preset's energy per point, from soc down by drop.</summary>
        private static long Drive(CarCalibrationLearner l, long t, float soc, float drop, float ratio)
        {
            // 30 kW: 30000 / 3600 Wh per tick, which takes that over ratio × 600 Wh per point.
            float perTick = 30000f / 3600f / (ratio * PresetWh / 100f);
            int ticks = (int)(drop / perTick);
            for (int i = 1; i <= ticks; i++)
            {
                l.TrackSpan(t + i * 1000L, soc - i * perTick, 30000f, PresetWh, false);
            }

            return t + ticks * 1000L;
        }

        [TestMethod]
        public void A_pack_smaller_than_the_presets_should_show_in_the_line_once_the_span_is_ten_points_long()
        {
            var l = new CarCalibrationLearner();
            l.TrackSpan(0, 90f, 0f, PresetWh, false);
            long t = Drive(l, 0, 90f, 9.5f, 0.92f);
            Assert.IsFalse(l.HasUsableScale, "under 10 points: nothing in force");
            Assert.IsTrue(l.UsableScaleAt(20f) == 1f, "exactly the preset");

            Drive(l, t, 80.5f, 30f, 0.92f);
            Assert.IsTrue(l.HasUsableScale, "a 39-point span");
            float drop = l.SpanDrop;
            Assert.IsTrue(drop > 38.9f && drop < 39.6f, "drop when last solved " + drop.ToString());
            // The span as one more trip-like span: the line of AddSocSpan with this span alone.
            var trip = new CarCalibrationLearner();
            Assert.IsTrue(trip.AddSocSpan(0.92 * drop / 100.0 * PresetWh, 90.0, 90.0 - drop, PresetWh), "the same span as a trip");
            Check.Near(trip.UsableScaleAt(20f), l.UsableScaleAt(20f), 0.003, "at 20 %: as if the span were a learned trip");
            Assert.IsTrue(l.UsableScaleAt(20f) < 0.93f, "below the preset where running out is decided: " + l.UsableScaleAt(20f).ToString());
            Assert.AreEqual(0, l.SocTripCount, "nothing committed: the span is provisional");
        }

        [TestMethod]
        public void The_span_should_restart_on_a_charge_or_a_gap_and_leave_the_learned_line_alone()
        {
            var l = new CarCalibrationLearner();
            l.TrackSpan(0, 90f, 0f, PresetWh, false);
            long t = Drive(l, 0, 90f, 20f, 0.9f);
            Assert.IsTrue(l.HasUsableScale);

            l.TrackSpan(t + 1000, 70f, -50000f, PresetWh, true);
            Assert.IsFalse(l.HasUsableScale, "plugged in: the span is gone");
            Assert.IsTrue(l.UsableScaleAt(30f) == 1f);

            l.TrackSpan(t + 2000, 70f, 0f, PresetWh, false);
            t = Drive(l, t + 2000, 70f, 15f, 0.9f);
            Assert.IsTrue(l.HasUsableScale, "a new span after the charge");
            l.TrackSpan(t + 60000, 54f, 30000f, PresetWh, false);
            Assert.IsFalse(l.HasUsableScale, "a minute without a tick: energy not measured, the span starts afresh");

            // A learned trip plus a span, then the span dropped: the trips' line exactly.
            var a = new CarCalibrationLearner();
            var b = new CarCalibrationLearner();
            a.AddSocSpan(0.2 * PresetWh * 1.1, 80, 60, PresetWh);
            b.AddSocSpan(0.2 * PresetWh * 1.1, 80, 60, PresetWh);
            a.TrackSpan(0, 60f, 0f, PresetWh, false);
            Drive(a, 0, 60f, 20f, 0.8f);
            Assert.IsTrue(a.UsableScaleAt(30f) < b.UsableScaleAt(30f) - 0.02f, "the span pulls the line down");
            a.RestartSpan(-1, 0f);
            Assert.IsTrue(a.UsableScaleAt(30f) == b.UsableScaleAt(30f), "without the span: the trips' line");
            Assert.AreEqual(b.SaveState(), a.SaveState(), "the span is never saved");
        }
    }
}
