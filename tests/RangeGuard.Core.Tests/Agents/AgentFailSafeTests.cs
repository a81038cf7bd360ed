#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts.Rules;
using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Agents
{
    [TestClass]
    public class AgentFailSafeTests
    {
        private static AgentRig HeatingRig()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(60f, 5f, 5f, 100f);
            rig.SetPlan();
            ForecastResult f = rig.Forecaster.Next;
            f.NextChargerIndex = 1;
            f.NextCharger.Exists = true;
            f.NextCharger.SocP10 = 40f;
            f.NextCharger.EtaSeconds = 600f;
            rig.Step(1);
            Assert.IsTrue(rig.Heater.IsOn, "heating");
            return rig;
        }

        [TestMethod]
        public void Constructor_should_switch_heater_off_when_it_was_left_on()
        {
            AgentRig rig = new AgentRig(new AgentConfig(), true);
            Assert.IsFalse(rig.Heater.IsOn);
        }

        [TestMethod]
        public void Tick_should_switch_heater_off_count_and_report_when_forecaster_throws()
        {
            AgentRig rig = HeatingRig();
            rig.Forecaster.Throw = true;
            rig.Step(1);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(1, rig.Agent.Counters.Exceptions);
            Assert.IsTrue(rig.Log.Contains("scripted forecaster failure"));
            AlertSlot s = rig.Agent.Alerts.Slot(DegradedRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual("Degraded: internal error, heater off", s.Text);
            Assert.AreEqual(1, rig.Outbox.Count(rig.AlertTopic, "RG-DEGRADED", "\"event\":\"raise\""));

            rig.Step(10);
            Assert.AreEqual(11, rig.Agent.Counters.Exceptions);
            Assert.AreEqual(1, rig.Heater.OnCount, "never switched back on while failing");

            // Recovers: the degraded alert clears once the exception hold (60 s) and the clear hold (60 s) have passed.
            rig.Forecaster.Throw = false;
            rig.Step(1);
            Assert.IsTrue(rig.Heater.IsOn, "planner decides again after recovery");
            rig.Step(120);
            Assert.IsFalse(s.Active);
        }

        [TestMethod]
        public void Watchdog_should_expire_when_no_tick_completes_within_timeout()
        {
            AgentRig rig = HeatingRig();
            long now = rig.Clock.NowMs;
            Assert.IsFalse(rig.Agent.WatchdogExpired(now + 5000));
            Assert.IsTrue(rig.Agent.WatchdogExpired(now + 5001));
            rig.Agent.SafeOff();
            Assert.IsFalse(rig.Heater.IsOn);

            rig.Forecaster.Throw = true;
            rig.Step(6);
            Assert.IsTrue(rig.Agent.WatchdogExpired(rig.Clock.NowMs), "failing ticks do not feed the watchdog");
        }

        [TestMethod]
        public void Heater_should_go_off_when_can_bridge_goes_silent()
        {
            AgentRig rig = HeatingRig();
            for (int i = 0; i < RangeGuard.State.InputId.Count; i++)
            {
                rig.Silence(i);
            }

            rig.Step(6);
            Assert.IsFalse(rig.Heater.IsOn, "battery temperature stale after 5 s");
            rig.Step(5);
            Assert.AreEqual("Degraded: soc_pct stale", rig.Agent.Alerts.Slot(DegradedRule.AlertCode).Text, "the first stale required input is named");
            Assert.IsTrue(rig.Agent.Counters.StaleEvents >= 4, "SOC, battery, ambient, speed went stale");
        }
    }
}
