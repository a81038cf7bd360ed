#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Forecast
{
    [TestClass]
    public class ChargeRateTrackerTests
    {
        private const long Minute = 60000;

        /// <summary>Feeds <paramref name="ratio"/> once a second from <paramref name="fromMin"/> to <paramref name="toMin"/> minutes, the pack at 15 °C.</summary>
        private static void Feed(ChargeRateTracker t, float ratio, int fromMin, int toMin)
        {
            for (long ms = fromMin * Minute; ms < toMin * Minute; ms += 1000)
            {
                t.Add(ms, ratio, 15f, 10f);
            }
        }

        /// <summary>Whole degrees below (a CAN signal's resolution), for -100 to 100 °C.</summary>
        private static float Whole(float c)
        {
            return (int)(c + 100f) - 100f;
        }

        /// <summary>
        /// Feeds <paramref name="ratio"/> once a second, the pack rising <paramref name="kPerH"/> from
        /// <paramref name="fromC"/>, read in whole degrees (a CAN signal's resolution), a heater shown above 10 K/h.
        /// </summary>
        private static float FeedRising(ChargeRateTracker t, float ratio, int fromMin, int toMin, float fromC, float kPerH)
        {
            float c = fromC;
            for (long ms = fromMin * Minute; ms < toMin * Minute; ms += 1000)
            {
                c = fromC + kPerH * (ms - fromMin * Minute) / 3600000f;
                t.Add(ms, ratio, Whole(c), 10f);
            }

            return c;
        }

        [TestMethod]
        public void A_heater_burst_should_not_be_taken_for_the_rate_but_a_lasting_drop_should()
        {
            var t = new ChargeRateTracker();
            Feed(t, 0.8f, 0, 90);
            // A 12-minute burst that takes most of the charger (the ratio to 0.25), at any phase of the buckets.
            Feed(t, 0.25f, 90, 102);
            Check.Near(0.8, t.Ratio, 1e-4, "held through the burst");
            Feed(t, 0.8f, 102, 104);
            Check.Near(0.8, t.Ratio, 1e-4, "after the burst");
            Feed(t, 0.8f, 104, 180);
            Feed(t, 0.25f, 180, 192);
            Check.Near(0.8, t.Ratio, 1e-4, "a burst that fills a whole 10-minute bucket is held too");

            // A station that drops to a third and stays there: believed within 30 minutes.
            Feed(t, 0.3f, 192, 222);
            Check.Near(0.3, t.Ratio, 0.01, "a drop of 30 minutes is the rate");
            Assert.IsTrue(t.Holds(222 * Minute - 1000), "charging: it holds");
            Assert.IsFalse(t.Holds(226 * Minute), "no charge measured for 4 minutes: it does not");
        }

        [TestMethod]
        public void A_new_charge_should_start_afresh_and_noise_should_be_smoothed()
        {
            var t = new ChargeRateTracker();
            Feed(t, 1.0f, 0, 30);
            // Unplugged for 10 minutes, then a slower charger: nothing of the first one is held.
            Feed(t, 0.5f, 40, 41);
            Check.Near(0.5, t.Ratio, 0.01, "a new charge");
            // ±20 % noise second by second: the held figure stays within a few percent of the mean, not at the peaks.
            for (long ms = 41 * Minute; ms < 60 * Minute; ms += 1000)
            {
                t.Add(ms, (ms / 1000) % 2 == 0 ? 0.6f : 0.4f, 15f, 10f);
            }

            Assert.IsTrue(t.Ratio < 0.52f, "noise smoothed, not held at its peaks: " + t.Ratio.ToString());
        }

        [TestMethod]
        public void A_heater_the_pack_temperature_shows_should_not_be_taken_for_the_rate()
        {
            // A heater on from the start of the charge (broder-2013 at Norwich: 3.8 of 5.6 kW, the pack rising 30 K/h): what
            // was measured before the rise showed is dropped, and nothing is measured while it lasts.
            var t = new ChargeRateTracker();
            float c = FeedRising(t, 0.33f, 0, 40, -4f, 30f);
            Assert.IsFalse(t.Holds(40 * Minute - 1000), "nothing measured without the heater: the model's rate");
            Assert.IsTrue(t.RiseKPerH(Whole(c)) > 15f, "the rise is seen: " + t.RiseKPerH(Whole(c)).ToString());

            // The heater stops at 16 °C (the pack holds its temperature): the charger's rate is measured once the rise has gone.
            Feed(t, 0.9f, 40, 60);
            Assert.IsTrue(t.Holds(60 * Minute - 1000), "measured after the heater");
            Check.Near(0.9, t.Ratio, 0.01, "the charger's own rate");

            // A burst later in the charge (the pack rising 25 K/h, the ratio down to 0.3) leaves the measured rate as it was,
            // and so does the slow rise of a pack the charge itself warms (5 K/h, below the 10 K/h shown).
            FeedRising(t, 0.3f, 60, 72, 16f, 25f);
            Assert.IsTrue(t.Holds(72 * Minute - 1000), "a measured rate is kept through the burst");
            Check.Near(0.9, t.Ratio, 0.01, "held through a burst the temperature shows");
            var slow = new ChargeRateTracker();
            FeedRising(slow, 0.5f, 0, 60, 10f, 5f);
            Assert.IsTrue(slow.Holds(60 * Minute - 1000), "a charge that warms the pack slowly is measured");
            Check.Near(0.5, slow.Ratio, 0.01, "its rate");
        }

        [TestMethod]
        public void Charge_advice_should_hold_the_rate_through_a_heater_burst_at_the_charger()
        {
            // Standing 10 m before an 11 kW AC charger with 20 % in a 12 °C pack (above the model's own heating threshold), the
            // pack takes 8 kW for an hour, then 2 kW for 10 minutes (the BMS heating the pack from the charger): the minutes
            // advised in the burst are those of the 8 kW charge an hour on, not four times as many.
            EnergyForecaster f = TestRoutes.Planned(TestRoutes.SimpleCar(), TestRoutes.FlatFromAcCharger(11f));
            var r = new ForecastResult();
            ForecastInputs at = TestRoutes.At(0f, 20f, 12f, 0f);
            at.PluggedIn = true;
            at.BatteryPowerW = -8000f;
            for (long ms = 0; ms <= 60 * Minute; ms += 1000)
            {
                at.TimeMs = ms;
                f.Tick(at, r);
            }

            float steady = r.AdviceChargeMinutes;
            Assert.IsTrue(steady > 60f, "a long charge: " + steady.ToString());
            at.BatteryPowerW = -2000f;
            for (long ms = 60 * Minute + 1000; ms <= 70 * Minute; ms += 1000)
            {
                at.TimeMs = ms;
                f.Tick(at, r);
            }

            Check.Near(steady, r.AdviceChargeMinutes, 0.01 * steady, "the burst is not the rate");
        }
    }
}
