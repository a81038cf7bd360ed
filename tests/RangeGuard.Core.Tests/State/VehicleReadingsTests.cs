#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.State;

namespace RangeGuard.Tests.State
{
    [TestClass]
    public class VehicleReadingsTests
    {
        private const long T0 = 1000000;

        [TestMethod]
        public void Read_should_take_battery_temperature_from_min_max_and_keep_last_values_flagged_stale()
        {
            VehicleState s = new VehicleState();
            s.Set(InputId.BatteryTempMinC, 8f, T0);
            s.Set(InputId.BatteryTempMaxC, 12f, T0);
            s.Set(InputId.SpeedKmh, 90f, T0);
            VehicleReadings r = new VehicleReadings();
            r.Read(s, T0 + 1000, T0, 10000);
            Assert.IsTrue(r.BatteryTempFresh);
            Check.Near(10.0, r.BatteryTempC, 1e-6, "midpoint of min/max, °C");
            Check.Near(8.0, r.BatteryTempLastC, 1e-6, "the cold end for a cold soak, °C");

            r.Read(s, T0 + 60000, T0, 10000);
            Assert.IsFalse(r.SpeedFresh);
            Check.Near(90.0, r.SpeedKmh, 1e-6, "last known value, never NaN");
            Assert.IsTrue(float.IsNaN(r.FreshSpeedKmh), "a stale value is never quoted");
            Assert.IsTrue(r.CanSilent, "nothing for 59 s");
        }

        [TestMethod]
        public void Read_should_count_a_stale_edge_once_and_name_the_first_stale_required_input()
        {
            VehicleState s = new VehicleState();
            VehicleReadings r = new VehicleReadings();
            s.Set(InputId.SocPercent, 50f, T0);
            s.Set(InputId.BatteryTempAvgC, 20f, T0);
            s.Set(InputId.AmbientTempC, 5f, T0);
            s.Set(InputId.SpeedKmh, 50f, T0);
            r.Read(s, T0, T0, 10000);
            Assert.AreEqual(-1, r.FirstStale);
            Assert.IsTrue(r.AllRequiredFresh);

            s.Set(InputId.SocPercent, 50f, T0 + 9000);
            s.Set(InputId.BatteryTempAvgC, 20f, T0 + 9000);
            s.Set(InputId.SpeedKmh, 50f, T0 + 9000);
            r.Read(s, T0 + 9000, T0, 10000); // ambient 9 s old: stale after the default 5 s
            Assert.AreEqual(InputId.AmbientTempC, r.FirstStale);
            Assert.AreEqual(1, r.StaleEvents);
            r.Read(s, T0 + 9500, T0, 10000);
            Assert.AreEqual(1, r.StaleEvents, "staying stale is not a new event");
            Assert.IsFalse(r.AllRequiredFresh);
        }

        [TestMethod]
        public void Read_should_say_plugged_in_only_while_fresh_and_parked_from_the_last_values_of_a_sleeping_bus()
        {
            VehicleState s = new VehicleState();
            s.Set(InputId.ChargingState, 2f, T0);
            s.Set(InputId.SpeedKmh, 0f, T0);
            VehicleReadings r = new VehicleReadings();
            r.Read(s, T0 + 100, T0, 10000);
            Assert.IsTrue(r.PluggedIn);
            Assert.IsTrue(r.Parked);
            Assert.IsFalse(r.Unplugged);

            s.Set(InputId.ChargingState, 0f, T0 + 200);
            r.Read(s, T0 + 3600000, T0, 10000); // an hour later, the bus asleep
            Assert.IsFalse(r.PluggedIn, "stale: not known to be plugged in");
            Assert.IsTrue(r.Parked, "last speed 0");
            Assert.IsTrue(r.Unplugged, "last charging state 0");
        }

        [TestMethod]
        public void An_input_never_received_should_be_NaN_not_zero_and_named_as_not_received()
        {
            VehicleState s = new VehicleState();
            s.Set(InputId.SocPercent, 50f, T0);
            s.Set(InputId.BatteryTempAvgC, 20f, T0);
            s.Set(InputId.SpeedKmh, 0f, T0);
            VehicleReadings r = new VehicleReadings();
            r.Read(s, T0, T0, 10000);
            Assert.IsTrue(float.IsNaN(r.AmbientC), "no air temperature received: not 0 °C");
            Assert.IsTrue(float.IsNaN(r.FreshAmbientC));
            Assert.AreEqual(InputId.AmbientTempC, r.FirstStale);
            Assert.IsTrue(r.FirstStaleNeverReceived);

            s.Set(InputId.AmbientTempC, -10f, T0 + 1000);
            r.Read(s, T0 + 60000, T0, 100000);
            Check.Near(-10.0, r.AmbientC, 1e-6, "received once, then stale: the last value");
            Assert.IsFalse(r.FirstStaleNeverReceived, "stale, not missing");

            VehicleReadings empty = new VehicleReadings();
            empty.Read(new VehicleState(), T0, T0, 10000);
            Assert.IsTrue(float.IsNaN(empty.SocPercent) && float.IsNaN(empty.BatteryTempC) && float.IsNaN(empty.SpeedKmh));
            Assert.IsTrue(float.IsNaN(empty.BatteryTempLastC));
            Assert.IsFalse(empty.BatteryTempKnown || empty.SocKnown);
        }
    }
}
