#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts.Rules;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Agents
{
    [TestClass]
    public class AgentLoopTests
    {
        [TestMethod]
        public void Position_should_integrate_speed_over_tick_time()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(60f, 20f, 10f, 72f);
            rig.SetPlan();
            rig.Step(101); // the first tick starts the clock; 100 s at 20 m/s
            Check.Near(2000.0, rig.Agent.PositionM, 0.5, "position, m");
            Check.Near(2000.0, rig.Forecaster.LastInputs.PositionM, 0.5, "position fed to the forecast, m");
        }

        [TestMethod]
        public void Tick_should_advance_the_vehicle_state_integrals_and_stale_counters_when_nothing_else_updates_them()
        {
            // On the device nothing but the agent's tick calls VehicleState.Update.
            AgentRig rig = new AgentRig();
            rig.Drive(60f, 20f, 10f, 72f);
            rig.Feed(InputId.PackVoltageV, 400f);
            rig.Feed(InputId.PackCurrentA, 50f);
            rig.SetPlan();
            rig.Step(101); // 100 s at 72 km/h and 20 kW
            Check.Near(2.0, rig.State.SpeedDistanceKm, 0.001, "distance integrated in the state, km");
            Check.Near(555.56, rig.State.EnergyOutWh, 0.1, "20 kW for 100 s, Wh");

            rig.Silence(InputId.SpeedKmh);
            rig.Step(10);
            Assert.AreEqual(1L, rig.State.GetStaleEvents(InputId.SpeedKmh));
        }

        [TestMethod]
        public void Position_should_use_odometer_delta_when_speed_is_stale()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(60f, 20f, 10f, 0f);
            rig.Feed(InputId.OdometerKm, 1000f);
            rig.SetPlan();
            rig.Step(1);
            rig.Silence(InputId.SpeedKmh);
            rig.Step(6);
            rig.Feed(InputId.OdometerKm, 1000.5f);
            rig.Step(1);
            Check.Near(500.0, rig.Agent.PositionM, 1.0, "position from odometer, m");
        }

        [TestMethod]
        public void Stale_inputs_should_reach_the_forecaster_as_last_values_flagged_invalid()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, -3.5f, 90f);
            rig.SetPlan();
            rig.Step(1);
            Assert.IsTrue(rig.Forecaster.LastInputs.InputsValid);
            rig.Silence(InputId.AmbientTempC);
            rig.Step(6);
            Assert.IsFalse(rig.Forecaster.LastInputs.InputsValid);
            Assert.AreEqual(-3.5f, rig.Forecaster.LastInputs.AmbientTempC, "last known value, not NaN");
        }

        [TestMethod]
        public void Battery_temperature_should_come_from_min_max_when_car_has_no_average()
        {
            AgentRig rig = new AgentRig();
            rig.Feed(InputId.SocPercent, 55f);
            rig.Feed(InputId.AmbientTempC, 0f);
            rig.Feed(InputId.SpeedKmh, 50f);
            rig.Feed(InputId.BatteryTempMinC, 8f);
            rig.Feed(InputId.BatteryTempMaxC, 12f);
            rig.SetPlan();
            rig.Step(3);
            Assert.IsTrue(rig.Forecaster.LastInputs.InputsValid);
            Assert.AreEqual(10f, rig.Forecaster.LastInputs.BatteryTempC);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(DegradedRule.AlertCode));
        }

        [TestMethod]
        public void Telemetry_should_follow_the_driving_cadence_with_documented_fields()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, -3.5f, 90f);
            rig.SetPlan();
            rig.Step(30);
            // The first tick, then every 5 s while driving: ticks 1, 6, 11, 16, 21, 26 of 30.
            Assert.AreEqual(6, rig.Outbox.Count(rig.TelemetryTopic, null, null), rig.Outbox.Dump(rig.TelemetryTopic));
            string p = rig.Outbox.Last(rig.TelemetryTopic, null);
            Assert.IsTrue(p.StartsWith("{\"v\":1,\"t\":1767988826000,\"seq\":6,\"pos_m\":625,\"soc_pct\":55.0,\"batt_c\":20.0,\"amb_c\":-3.5,\"spd_kmh\":90.0,"), p);
            Assert.IsTrue(p.IndexOf("\"dest_p50\":45.0") >= 0, p);
            Assert.IsTrue(p.IndexOf("\"heater\":false,\"precond\":\"off\"") >= 0, p);
            Assert.IsTrue(p.EndsWith("\"alert\":null,\"sev\":0,\"alerts\":0,\"exc\":0,\"stale\":0,\"dropped\":0,\"can_frames\":-1,\"slcan_errors\":-1,\"unknown_ids\":-1,\"decode_errors\":-1}"), p);
            Assert.AreEqual(0, rig.Publisher.Refused);
        }

        [TestMethod]
        public void A_disconnected_broker_should_leave_messages_queued_and_never_throw()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, -3.5f, 90f);
            rig.SetPlan();
            rig.Outbox.IsConnected = false;
            rig.Step(600);
            Assert.AreEqual(0, rig.Agent.Counters.Exceptions);
            Assert.AreEqual(0, rig.Outbox.Topics.Count, "nothing reached the broker");
            Assert.IsTrue(rig.Queue.Count > 0 && rig.Queue.Count <= rig.Queue.Capacity, rig.Queue.Count.ToString());
            Assert.IsTrue(rig.Queue.Thinned > 0, "telemetry thinned while the queue filled");

            rig.Outbox.Reconnect();
            rig.Step(3);
            Assert.IsTrue(rig.Outbox.Count(rig.TelemetryTopic, "\"seq\":1,", null) == 1, "queued telemetry flushed after the reconnect");
            Assert.AreEqual(rig.Topics.Status, (string)rig.Outbox.Topics[0], "the status goes first");
        }

        [TestMethod]
        public void TrySetPlan_should_forward_error_and_keep_position_when_forecaster_rejects()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, 10f, 36f);
            rig.SetPlan();
            rig.Step(11);
            rig.Forecaster.RejectWith = "segment 3: negative length";
            string error;
            Assert.IsFalse(rig.Agent.TrySetPlan(rig.Plan, out error));
            Assert.AreEqual("segment 3: negative length", error);
            Check.Near(100.0, rig.Agent.PositionM, 0.5, "position kept, m");
            Assert.AreEqual(1, rig.Agent.Counters.PlansRejected);
        }

        [TestMethod]
        public void Ticks_should_be_deterministic_given_inputs_and_clock()
        {
            AgentRig a = new AgentRig();
            AgentRig b = new AgentRig();
            a.Drive(50f, 5f, -8f, 120f);
            b.Drive(50f, 5f, -8f, 120f);
            a.SetPlan();
            b.SetPlan();
            a.Forecaster.Next.Destination.SocP50 = 9f;
            b.Forecaster.Next.Destination.SocP50 = 9f;
            a.Step(120);
            b.Step(120);
            Assert.AreEqual(a.Outbox.Dump(a.TelemetryTopic) + a.Outbox.Dump(a.AlertTopic), b.Outbox.Dump(b.TelemetryTopic) + b.Outbox.Dump(b.AlertTopic));
        }
    }
}
