#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.State;

namespace RangeGuard.Tests.State
{
    [TestClass]
    public class VehicleStateTests
    {
        [TestMethod]
        public void Restamp_should_make_received_inputs_fresh_again_with_their_values_and_leave_missing_ones_missing()
        {
            VehicleState s = new VehicleState();
            s.Set(InputId.SocPercent, 61.5f, 1000);
            Assert.IsTrue(s.IsStale(InputId.SocPercent, 1000 + VehicleState.DefaultMaxAgeMs + 1));
            s.Restamp(20000);
            float v;
            Assert.IsTrue(s.TryGet(InputId.SocPercent, 20000 + VehicleState.DefaultMaxAgeMs, out v), "fresh for a max age from the new stamp");
            Assert.AreEqual(61.5f, v);
            Assert.IsFalse(s.HasValue(InputId.SpeedKmh), "an input never received stays never received");
            Assert.AreEqual(-1L, s.GetTime(InputId.SpeedKmh));
        }

        [TestMethod]
        public void IsPlausible_should_follow_default_limits_when_not_configured()
        {
            VehicleState s = new VehicleState();
            Assert.IsTrue(s.IsPlausible(InputId.SocPercent, 0f));
            Assert.IsTrue(s.IsPlausible(InputId.SocPercent, 100f));
            Assert.IsFalse(s.IsPlausible(InputId.SocPercent, 100.5f));
            Assert.IsFalse(s.IsPlausible(InputId.SocPercent, -0.1f));
            Assert.IsTrue(s.IsPlausible(InputId.BatteryTempMaxC, -40f));
            Assert.IsFalse(s.IsPlausible(InputId.BatteryTempMaxC, 85.5f));
            Assert.IsFalse(s.IsPlausible(InputId.AmbientTempC, float.NaN));
            Assert.IsTrue(s.IsPlausible(InputId.PackCurrentA, -200f), "charging current is negative");
        }

        [TestMethod]
        public void SetChecked_should_keep_previous_value_when_implausible()
        {
            VehicleState s = new VehicleState();
            Assert.IsTrue(s.SetChecked(InputId.SocPercent, 60f, 1000));
            Assert.IsFalse(s.SetChecked(InputId.SocPercent, 127f, 2000));
            Assert.AreEqual(60f, s.GetLast(InputId.SocPercent));
            Assert.AreEqual(1000L, s.GetTime(InputId.SocPercent));
        }

        [TestMethod]
        public void Update_should_count_each_fresh_to_stale_transition_once()
        {
            VehicleState s = new VehicleState();
            s.SetMaxAge(InputId.SpeedKmh, 1000);
            s.Update(0);
            Assert.AreEqual(0L, s.StaleEvents, "never received is stale but no transition");
            s.Set(InputId.SpeedKmh, 50f, 100);
            s.Update(500);
            s.Update(1100);
            Assert.AreEqual(0L, s.StaleEvents, "age 1000 ms is still fresh");
            s.Update(1101);
            Assert.AreEqual(1L, s.StaleEvents);
            s.Update(5000);
            Assert.AreEqual(1L, s.StaleEvents, "staying stale is not a new event");
            float v;
            Assert.IsFalse(s.TryGet(InputId.SpeedKmh, 5000, out v), "stale is never silently reused");
            s.Set(InputId.SpeedKmh, 40f, 6000);
            s.Update(6000);
            s.Update(7001);
            Assert.AreEqual(2L, s.StaleEvents);
            Assert.AreEqual(2L, s.GetStaleEvents(InputId.SpeedKmh));
            Assert.AreEqual(0L, s.GetStaleEvents(InputId.SocPercent));
        }

        [TestMethod]
        public void Update_should_integrate_energy_out_and_in_when_power_is_fresh()
        {
            VehicleState s = new VehicleState();
            s.Set(InputId.PackVoltageV, 400f, 0);
            s.Set(InputId.PackCurrentA, 50f, 0);
            float p;
            Assert.IsTrue(s.TryGetBatteryPowerW(0, out p));
            Assert.AreEqual(20000f, p);
            s.Update(0); // baseline
            s.Update(1000);
            // 400 V * 50 A = 20 kW for 1 s = 20000 J = 20000 / 3600 Wh = 5.5556 Wh.
            Check.Near(5.5556, s.EnergyOutWh, 1e-4, "out");
            s.Set(InputId.PackVoltageV, 400f, 1500);
            s.Set(InputId.PackCurrentA, -25f, 1500);
            s.Update(2500);
            // Latest values held over the step: 400 V * -25 A = -10 kW for 1.5 s = 15000 J = 4.1667 Wh in.
            Check.Near(4.1667, s.EnergyInWh, 1e-4, "in");
            Check.Near(5.5556, s.EnergyOutWh, 1e-4, "out unchanged");
            s.Update(9000);
            Check.Near(4.1667, s.EnergyInWh, 1e-4, "nothing integrated from stale V/I (max age 5 s)");
        }

        [TestMethod]
        public void Update_should_integrate_distance_and_skip_gaps()
        {
            VehicleState s = new VehicleState();
            s.Update(0);
            for (int t = 1; t <= 10; t++)
            {
                s.Set(InputId.SpeedKmh, 72f, t * 1000);
                s.Update(t * 1000);
            }

            // 72 km/h = 20 m/s for 10 s = 200 m.
            Check.Near(0.2, s.SpeedDistanceKm, 1e-9, "speed integral");
            Check.Near(0.2, s.DistanceKm, 1e-9, "no odometer: speed integral");
            Check.Near(-1, s.OdometerDistanceKm, 0, "no odometer");
            s.Set(InputId.SpeedKmh, 72f, 40000);
            s.Update(40000);
            Check.Near(0.2, s.SpeedDistanceKm, 1e-9, "30 s gap is not integrated");
        }

        [TestMethod]
        public void DistanceKm_should_use_odometer_when_present()
        {
            VehicleState s = new VehicleState();
            s.Set(InputId.OdometerKm, 26716.5f, 0);
            s.Update(0);
            s.Set(InputId.OdometerKm, 26719.0f, 3000);
            s.Set(InputId.SpeedKmh, 100f, 3000);
            s.Update(3000);
            Check.Near(2.5, s.OdometerDistanceKm, 1e-3, "odometer advance");
            Check.Near(2.5, s.DistanceKm, 1e-3, "odometer preferred");
            s.ResetTrip();
            Assert.AreEqual(0.0, s.EnergyOutWh);
            Check.Near(-1, s.OdometerDistanceKm, 0, "reset");
        }
    }
}
