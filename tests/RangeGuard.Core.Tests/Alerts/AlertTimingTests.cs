#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts.Rules;
using RangeGuard.Alerts;
using RangeGuard.Agents;
using RangeGuard.Ports;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Alerts
{
    [TestClass]
    public class AlertTimingTests
    {
        private static AgentRig NewRig(AgentConfig cfg)
        {
            AgentRig rig = new AgentRig(cfg, false);
            rig.Drive(40f, 10f, 5f, 100f);
            rig.SetPlan();
            rig.Forecaster.Next.Destination.SocP50 = 30f;
            rig.Forecaster.Next.Destination.SocP10 = 25f;
            rig.Step(1);
            return rig;
        }

        private static void SetArrival(AgentRig rig, float p50)
        {
            rig.Forecaster.Next.Destination.SocP50 = p50;
            rig.Forecaster.Next.Destination.SocP10 = p50 - 5f;
        }

        [TestMethod]
        public void Alert_should_raise_on_first_tick_and_clear_only_after_clear_hold_when_condition_ends()
        {
            AgentRig rig = NewRig(new AgentConfig());
            AlertSlot s = rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode);
            SetArrival(rig, 12f);
            rig.Step(1);
            Assert.IsTrue(s.Active, "escalation is immediate");

            rig.Step(100);
            SetArrival(rig, 16f); // above the enter level 15 but below the exit level 17: still raised
            rig.Step(300);
            Assert.IsTrue(s.Active, "hysteresis");

            SetArrival(rig, 18f);
            rig.Step(30);
            SetArrival(rig, 16.5f); // a blip back inside restarts the clear hold
            rig.Step(1);
            SetArrival(rig, 18f);
            rig.Step(60);
            Assert.IsTrue(s.Active, "clear for 59 s after the blip");
            rig.Step(1);
            Assert.IsFalse(s.Active);
            Assert.AreEqual(2, rig.Agent.Alerts.Transitions, "raise + clear, nothing else");
            Assert.AreEqual(1, rig.Outbox.Count(rig.AlertTopic, "RG-ARRIVE-LOW", "\"event\":\"clear\""));
        }

        [TestMethod]
        public void Alert_should_stay_for_minimum_dwell_when_condition_is_brief()
        {
            AgentConfig cfg = new AgentConfig();
            cfg.Alerts.ClearHoldMs = 0;
            AgentRig rig = NewRig(cfg);
            AlertSlot s = rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode);
            SetArrival(rig, 12f);
            rig.Step(1);
            SetArrival(rig, 30f);
            rig.Step(29);
            Assert.IsTrue(s.Active, "29 s after the raise");
            rig.Step(1);
            Assert.IsFalse(s.Active, "30 s dwell over");
        }

        [TestMethod]
        public void Alert_should_realert_when_worse_by_a_step_and_rearm_the_buzzer()
        {
            AgentRig rig = NewRig(new AgentConfig());
            AlertSlot s = rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode);
            SetArrival(rig, 12f);
            rig.Step(1);
            Assert.AreEqual("Arrive 12 %", s.Text);
            Press(rig);
            Assert.IsTrue(s.Acknowledged);

            SetArrival(rig, 8f); // 4 % worse: less than a step
            rig.Step(100);
            Assert.AreEqual("Arrive 12 %", s.Text);
            Assert.IsTrue(s.Acknowledged);

            // 6 % worse than announced: re-alerts once the moving average (7 after 100 ticks at 8 %) reaches 3 + 5:
            // 9 - 2·0.9^n >= 8 from n = 7.
            SetArrival(rig, 6f);
            rig.Step(6);
            Assert.AreEqual("Arrive 12 %", s.Text);
            rig.Step(1);
            Assert.AreEqual("Arrive 6 %", s.Text);
            Assert.IsFalse(s.Acknowledged, "a worse alert re-arms the buzzer");
            Assert.AreEqual(BuzzerPattern.Chirp, rig.Dash.Buzzer);
            Assert.AreEqual(1, rig.Outbox.Count(rig.AlertTopic, "RG-ARRIVE-LOW", "\"event\":\"worse\""));
        }

        [TestMethod]
        public void Realert_should_wait_for_the_rate_limit_when_worsening_fast()
        {
            AgentRig rig = NewRig(new AgentConfig());
            AlertSlot s = rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode);
            SetArrival(rig, 12f);
            rig.Step(1);
            long raised = s.ChangedMs;
            SetArrival(rig, 2f);
            rig.Step(59);
            Assert.AreEqual("Arrive 12 %", s.Text, "no re-alert within 60 s");
            rig.Step(1);
            Assert.AreEqual("Arrive 2 %", s.Text);
            Assert.AreEqual(60000L, s.ChangedMs - raised);
        }

        [TestMethod]
        public void Reraise_should_be_held_off_after_clear_for_non_critical_alerts()
        {
            AgentRig rig = NewRig(new AgentConfig());
            AlertSlot s = rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode);
            SetArrival(rig, 12f);
            rig.Step(1);
            SetArrival(rig, 30f);
            rig.Step(61);
            Assert.IsFalse(s.Active);
            SetArrival(rig, 12f);
            rig.Step(119);
            Assert.IsFalse(s.Active, "held off for 120 s after clearing");
            rig.Step(1);
            Assert.IsTrue(s.Active);
            Assert.AreEqual(2, s.RaiseCount);
        }

        [TestMethod]
        public void Critical_should_raise_again_immediately_after_clear()
        {
            AgentRig rig = NewRig(new AgentConfig());
            AlertSlot s = rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode);
            Strand(rig, true);
            rig.Step(1);
            Assert.IsTrue(s.Active);
            Strand(rig, false);
            rig.Step(61);
            Assert.IsFalse(s.Active);
            Strand(rig, true);
            rig.Step(1);
            Assert.IsTrue(s.Active, "critical alerts are never rate limited");
        }

        [TestMethod]
        public void Acknowledge_should_silence_buzzer_but_keep_alert_and_leds_until_a_worse_alert()
        {
            AgentRig rig = NewRig(new AgentConfig());
            rig.Forecaster.Next.Destination.SocP50 = 4f;
            rig.Forecaster.Next.Destination.SocP10 = -2f;
            rig.Forecaster.Next.AdviceChargerIndex = 1;
            rig.Forecaster.Next.NextChargerIndex = 1;
            rig.Forecaster.Next.NextCharger.Exists = true;
            rig.Forecaster.Next.LastReachableChargerIndex = 1;
            rig.Forecaster.Next.PointOfNoReturnM = 40000f;
            rig.Step(1);
            Assert.AreEqual(BuzzerPattern.Beep, rig.Dash.Buzzer);
            Assert.AreEqual(LedPattern.SlowBlink, rig.Dash.Amber);

            Press(rig);
            Assert.AreEqual(BuzzerPattern.Off, rig.Dash.Buzzer);
            Assert.AreEqual(LedPattern.Steady, rig.Dash.Amber, "acknowledged warning: steady, still shown");
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ChargeRequiredRule.AlertCode));
            Assert.AreEqual(ChargeRequiredRule.AlertCode, rig.Agent.Alerts.Slot(rig.Agent.Alerts.TopKind).Code);
            Assert.IsTrue(rig.Outbox.Count(rig.AlertTopic, "RG-CHARGE-REQ", "\"event\":\"ack\"") == 1);

            rig.Step(100);
            Assert.AreEqual(BuzzerPattern.Off, rig.Dash.Buzzer, "stays silent");

            rig.Forecaster.Next.PointOfNoReturnM = 10000f; // a worse (critical) alert
            rig.Step(1);
            Assert.AreEqual(BuzzerPattern.Alarm, rig.Dash.Buzzer);
            Assert.AreEqual(LedPattern.FastBlink, rig.Dash.Red);
            rig.Step(600);
            Assert.AreEqual(BuzzerPattern.Alarm, rig.Dash.Buzzer, "critical sounds until acknowledged");
            Press(rig);
            Assert.AreEqual(BuzzerPattern.Off, rig.Dash.Buzzer);
            Assert.AreEqual(LedPattern.Steady, rig.Dash.Red);
        }

        [TestMethod]
        public void Acknowledge_should_work_when_button_is_sampled_between_ticks()
        {
            AgentRig rig = NewRig(new AgentConfig());
            SetArrival(rig, 12f);
            rig.Step(1);
            Assert.AreEqual(BuzzerPattern.Chirp, rig.Dash.Buzzer);

            // A 50 ms press sampled every 20 ms by the device loop: shorter than a tick, still seen.
            rig.Dash.ButtonDown = true;
            for (int i = 0; i < 3; i++)
            {
                rig.Clock.NowMs += 20;
                rig.Agent.SampleAckButton();
            }

            rig.Dash.ButtonDown = false;
            rig.Clock.NowMs += 20;
            rig.Agent.SampleAckButton();
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).Acknowledged);
            Assert.AreEqual(BuzzerPattern.Off, rig.Dash.Buzzer);
            Assert.AreEqual(1, rig.Agent.Dashboard.Presses);
        }

        [TestMethod]
        public void Leds_should_show_green_steady_when_no_alert()
        {
            AgentRig rig = NewRig(new AgentConfig());
            Assert.AreEqual(LedPattern.Steady, rig.Dash.Green);
            Assert.AreEqual(LedPattern.Off, rig.Dash.Amber);
            Assert.AreEqual(LedPattern.Off, rig.Dash.Red);
            Assert.AreEqual(BuzzerPattern.Off, rig.Dash.Buzzer);
            int writes = rig.Dash.LedWrites;
            rig.Step(50);
            Assert.AreEqual(writes, rig.Dash.LedWrites, "port written only on change");
        }

        /// <summary>Holds the button for two ticks (debounce 30 ms at 1 Hz sampling), then releases it.</summary>
        private static void Press(AgentRig rig)
        {
            rig.Dash.ButtonDown = true;
            rig.Step(2);
            rig.Dash.ButtonDown = false;
            rig.Step(2);
        }

        private static void Strand(AgentRig rig, bool on)
        {
            rig.Forecaster.Next.Destination.SocP50 = on ? -5f : 30f;
            rig.Forecaster.Next.Destination.SocP10 = on ? -10f : 25f;
            rig.Forecaster.Next.Destination.Reachable = !on;
            rig.Forecaster.Next.LastReachableChargerIndex = on ? -1 : 2;
            rig.Forecaster.Next.StrandingDistanceM = on ? 10000f : -1f;
        }
    }
}
