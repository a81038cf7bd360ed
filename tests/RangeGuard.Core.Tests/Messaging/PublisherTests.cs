#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Runtime;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Messaging
{
    /// <summary>The contract messages as the core loop publishes them (payload fields, cadence, seq, order).</summary>
    [TestClass]
    public class PublisherTests
    {
        [TestMethod]
        public void The_status_should_say_online_with_the_device_facts_first_on_every_connection()
        {
            AgentRig rig = new AgentRig();
            rig.Device.Uptime = 12500;
            rig.Device.Free = 61440;
            rig.Step(1);
            Assert.AreEqual(rig.Topics.Status, (string)rig.Outbox.Topics[0], "ahead of the 3 messages the first tick queued");
            Assert.AreEqual("{\"v\":1,\"state\":\"online\",\"t\":1767988801000,\"fw\":\"0.0.0-test\",\"profile\":\"\",\"up_s\":12,\"free_b\":61440,\"seg_cap\":200,\"queued\":3,\"store_err\":0}",
                (string)rig.Outbox.Payloads[0]);
            Assert.IsTrue((bool)rig.Outbox.Retained[0]);

            rig.Outbox.IsConnected = false;
            rig.Step(3);
            int before = rig.Outbox.Topics.Count;
            rig.Outbox.Reconnect();
            rig.Device.Free = -1;
            rig.Loop.PollMessaging();
            Assert.AreEqual(rig.Topics.Status, (string)rig.Outbox.Topics[before], "after a reconnect too, ahead of what was queued");
            Assert.IsTrue(((string)rig.Outbox.Payloads[before]).IndexOf("\"free_b\":null") > 0);
            Assert.AreEqual("{\"v\":1,\"state\":\"offline\",\"t\":1767988804000,\"reason\":\"shutdown\"}", rig.Publisher.OfflineStatus(rig.Clock.NowMs));
        }

        [TestMethod]
        public void Alerts_should_carry_a_seq_that_grows_by_one_and_the_active_set_should_follow_each_transition()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, -3.5f, 90f);
            rig.SetPlan();
            rig.Step(2);
            rig.Forecaster.Next.Destination.SocP50 = 9f; // arrive-low raises
            rig.Step(40);
            rig.Forecaster.Next.Destination.SocP50 = 45f; // clears after the hold
            rig.Step(80);
            string all = rig.Outbox.Dump(rig.AlertTopic);
            Assert.AreEqual(2, rig.Outbox.Count(rig.AlertTopic, null, null), all);
            Assert.IsTrue(rig.Outbox.Count(rig.AlertTopic, "{\"v\":1,\"seq\":1,", "\"event\":\"raise\"") == 1, all);
            Assert.IsTrue(rig.Outbox.Count(rig.AlertTopic, "{\"v\":1,\"seq\":2,", "\"event\":\"clear\"") == 1, all);
            string active = rig.Outbox.Last(rig.Topics.AlertsActive, null);
            Assert.IsTrue(active.EndsWith("\"seq\":2,\"active\":[]}"), active);
            Assert.IsTrue(rig.Outbox.Count(rig.Topics.AlertsActive, "\"seq\":1,\"active\":[{\"code\":\"RG-ARRIVE-LOW\"", null) == 1, rig.Outbox.Dump(rig.Topics.AlertsActive));
        }

        [TestMethod]
        public void The_alert_seq_should_continue_after_a_restart_from_the_store()
        {
            MemoryFileStore files = new MemoryFileStore();
            for (int boot = 0; boot < 2; boot++)
            {
                FakeClock clock = new FakeClock(AgentRig.StartMs + boot * 3600000L);
                VehicleState state = new VehicleState();
                Agent agent = new Agent(new AgentConfig(), clock, state, new FakeRangeForecaster(), new FakeDashboard(), new FakeHeaterRelay(false), new FakeLogSink());
                MessageOutbox outbox = new MessageOutbox(48, 24576, new AlertStore(files), clock);
                MqttTopics topics = new MqttTopics(MqttTopics.DefaultPrefix, "rg-store");
                outbox.AlertTopic = topics.Alerts;
                outbox.Open();
                RecordingMqttLink broker = new RecordingMqttLink();
                AgentLoop loop = new AgentLoop(null, null, agent, new AgentMessaging(topics, outbox, broker, new FakeDeviceInfo(), 200), clock, 1000);
                for (int i = 0; i < 75; i++) // no inputs: RG-DEGRADED raises, then re-alerts when the CAN bridge is silent
                {
                    clock.NowMs += 1000;
                    loop.Tick();
                }

                Assert.AreEqual(2, broker.Count(topics.Alerts, null, null), broker.Dump(topics.Alerts));
                Assert.AreEqual(1, broker.Count(topics.Alerts, "\"seq\":" + (2 * boot + 1).ToString() + ",", null), "boot " + boot.ToString());
                Assert.AreEqual(1, broker.Count(topics.Alerts, "\"seq\":" + (2 * boot + 2).ToString() + ",", null), "boot " + boot.ToString());
            }
        }

        [TestMethod]
        public void Telemetry_should_slow_to_the_parked_cadence_and_speed_up_on_a_significant_change()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, -3.5f, 0f); // parked
            rig.SetPlan();
            rig.Step(601);
            Assert.AreEqual(3, rig.Outbox.Count(rig.TelemetryTopic, null, null), "parked: the first (tick 1), then every 300 s (301, 601)");
            rig.Feed(InputId.SocPercent, 56.2f); // +1.2 %: significant
            rig.Step(1);
            Assert.AreEqual(4, rig.Outbox.Count(rig.TelemetryTopic, null, null), "at the next tick after a significant change");
            rig.Feed(InputId.SpeedKmh, 30f); // parked -> driving
            rig.Step(1);
            Assert.AreEqual(5, rig.Outbox.Count(rig.TelemetryTopic, null, null));
            rig.Step(10);
            Assert.AreEqual(7, rig.Outbox.Count(rig.TelemetryTopic, null, null), "driving: every 5 s");
        }

        [TestMethod]
        public void The_forecast_should_list_arrival_at_each_charger_causes_and_advice()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, -3.5f, 90f);
            rig.SetPlan();
            ForecastResult n = rig.Forecaster.Next;
            n.ChargersAhead = 2;
            n.AheadIndex[0] = 1;
            n.AheadIndex[1] = 2;
            n.Ahead[0].Exists = true;
            n.Ahead[0].DistanceM = 42000f;
            n.Ahead[0].EtaSeconds = 1500f;
            n.Ahead[0].SocP10 = 38f;
            n.Ahead[0].SocP50 = 41f;
            n.Ahead[0].SocP90 = 44f;
            n.Ahead[0].ReservePercent = 10f;
            n.Ahead[0].Reachable = true;
            n.Ahead[1] = n.Ahead[0];
            n.TopCauses[0] = LossCause.Speed;
            n.LossKmByCause[LossCause.Speed] = 21.4f;
            n.AdviceMaxSpeedKmh = 105f;
            rig.Step(2);
            string f = rig.Outbox.Last(rig.Topics.Forecast, null);
            Assert.IsNotNull(f, "a forecast goes out once a plan is set");
            Assert.IsTrue(f.StartsWith("{\"v\":1,\"t\":1767988801000,\"plan\":null,\"valid\":true,\"degraded\":false,\"reason\":null,\"pos_m\":0,\"band\":0.100,\"dest\":{\"name\":null,"), f);
            Assert.IsTrue(f.IndexOf("\"chargers\":[{\"i\":1,\"name\":\"Milford CT\",\"dist_m\":42000,\"eta_s\":1500,\"p10\":38.0,\"p50\":41.0,\"p90\":44.0,\"reserve_pct\":10.0,\"p_short\":0.00,\"reachable\":true},{\"i\":2,\"name\":\"Ionity Fulda\",") > 0, f);
            Assert.IsTrue(f.IndexOf("\"causes\":[{\"cause\":\"speed\",\"km\":21.4}]") > 0, f);
            Assert.IsTrue(f.EndsWith("\"advice\":{\"max_kmh\":105,\"charge_at\":-1,\"charge_min\":0,\"charge_to_pct\":0,\"setpoint_gain_km\":0.0,\"plug_in\":false,\"precondition\":\"off\"}}"), f);
            Assert.IsTrue(f.Length <= MessageClass.MaxChars(MessageClass.Retained));
        }

        [TestMethod]
        public void The_forecast_should_go_out_at_once_on_a_significant_change_and_every_30_s_otherwise_while_driving()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 20f, -3.5f, 90f);
            rig.SetPlan();
            rig.Step(1);
            Assert.AreEqual(1, rig.Outbox.Count(rig.Topics.Forecast, null, null));
            rig.Step(29);
            Assert.AreEqual(1, rig.Outbox.Count(rig.Topics.Forecast, null, null), "nothing significant within 30 s");
            rig.Step(1);
            Assert.AreEqual(2, rig.Outbox.Count(rig.Topics.Forecast, null, null), "30 s later: the position moved");
            rig.Forecaster.Next.Destination.SocP50 = 43.5f; // -1.5 %
            rig.Step(1);
            Assert.AreEqual(3, rig.Outbox.Count(rig.Topics.Forecast, null, null), "P50 moved by 1 %: at once");
        }
    }
}
