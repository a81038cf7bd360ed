#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Agents
{
    /// <summary>The agent's advice as data: what the device shows and the simulated driver follows.</summary>
    [TestClass]
    public class DriverAdviceTests
    {
        private static AgentRig Driving()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(40f, 10f, -8f, 120f);
            rig.SetPlan();
            return rig;
        }

        [TestMethod]
        public void Advice_should_carry_speed_cap_charge_stop_and_a_lower_setpoint_while_a_range_alert_is_up()
        {
            AgentRig rig = Driving();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = 6f; // below the 15 % reserve: RG-ARRIVE-LOW
            f.AdviceMaxSpeedKmh = 91f;
            f.AdviceChargerIndex = 1;
            f.AdviceChargeMinutes = 25f;
            f.AdviceChargeToSocPercent = 80f;
            f.AdviceSetpointGainKm = 3f;
            rig.Step(1);

            DriverAdvice a = rig.Agent.Advice;
            Assert.AreEqual(91f, a.MaxSpeedKmh);
            Assert.AreEqual(1, a.ChargerIndex, "the plan's charger index");
            Assert.AreEqual(25f, a.ChargeMinutes);
            Assert.AreEqual(80f, a.ChargeToSocPercent);
            Assert.AreEqual(19f, a.CabinSetpointC, "2 °C below the plan's 21 °C");
            Assert.IsTrue(a.Any);
        }

        [TestMethod]
        public void Advice_should_not_lower_the_setpoint_without_a_range_alert_nor_quote_a_speed_when_none_is_needed()
        {
            AgentRig rig = Driving();
            ForecastResult f = rig.Forecaster.Next; // arrives with 45 %: no alert
            f.AdviceSetpointGainKm = 5f;
            f.AdviceMaxSpeedKmh = 0f; // no limit needed
            rig.Step(1);
            Assert.IsTrue(float.IsNaN(rig.Agent.Advice.CabinSetpointC), "no range alert, no setpoint advice");
            Assert.IsTrue(float.IsNaN(rig.Agent.Advice.MaxSpeedKmh));
            Assert.AreEqual(-1, rig.Agent.Advice.ChargerIndex);

            f.AdviceMaxSpeedKmh = -1f; // no speed suffices: the charge advice speaks instead
            rig.Step(1);
            Assert.IsTrue(float.IsNaN(rig.Agent.Advice.MaxSpeedKmh));
            Assert.IsFalse(rig.Agent.Advice.Any);
        }

        [TestMethod]
        public void Advice_should_not_name_a_charge_stop_of_zero_minutes()
        {
            AgentRig rig = Driving();
            ForecastResult f = rig.Forecaster.Next;
            f.AdviceChargerIndex = 1;
            f.AdviceChargeToSocPercent = 15f;
            f.AdviceChargeMinutes = 0f; // the car gets there with the 15 % the rest needs: no stop
            rig.Step(1);
            Assert.AreEqual(-1, rig.Agent.Advice.ChargerIndex, "a 0 min stop is no stop");
            Assert.IsTrue(float.IsNaN(rig.Agent.Advice.ChargeMinutes));

            f.AdviceChargeMinutes = 1f;
            rig.Step(1);
            Assert.AreEqual(1, rig.Agent.Advice.ChargerIndex, "a minute's charge is a stop");
        }

        [TestMethod]
        public void Advice_should_say_plug_in_while_the_cold_soak_warning_is_up_and_nothing_else_without_a_valid_forecast()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(60f, 5f, 2f, 0f);
            rig.SetPlan();
            rig.Forecaster.Next.Valid = false;
            rig.Forecaster.Next.AdviceMaxSpeedKmh = 91f;
            rig.Agent.SetDeparture(AgentRig.StartMs + 36000000, -12f); // pack -6.9 °C by then
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Advice.PlugInWhenParked);
            Assert.IsTrue(float.IsNaN(rig.Agent.Advice.MaxSpeedKmh), "no valid forecast, no speed advice");
        }
    }
}
