#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Agents;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Runtime;
using RangeGuard.State;
using RangeGuard.Tests.Can;
using RangeGuard.Tests.Dbc;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Runtime
{
    /// <summary>The core loop the firmware and the simulator run: SLCAN bytes → bridge → dispatcher → state → agent tick.</summary>
    [TestClass]
    public class AgentLoopPumpTests
    {
        private const long T0 = 1767988800000;

        private static AgentLoop NewLoop(ScriptedLink link, FakeClock clock, RecordingMqttLink broker)
        {
            VehicleState state = new VehicleState();
            SignalDispatcher dispatcher = new SignalDispatcher(SignalMapLoader.Load(SignalMapLoaderTests.EGolfLikeMap), state);
            SlcanBridge bridge = new SlcanBridge(link);
            bridge.Open(6, true, false);
            Agent agent = new Agent(new AgentConfig(), clock, state, new FakeRangeForecaster(), new FakeDashboard(), new FakeHeaterRelay(false), new FakeLogSink());
            AgentMessaging messaging = new AgentMessaging(new MqttTopics(MqttTopics.DefaultPrefix, "rg-pump"), new MessageOutbox(48, 24576, null, clock),
                broker, new FakeDeviceInfo(), 200);
            return new AgentLoop(bridge, dispatcher, agent, messaging, clock, 1000);
        }

        [TestMethod]
        public void Pump_should_decode_slcan_lines_into_the_state_stamped_with_the_agent_clock_and_tick_should_read_them()
        {
            ScriptedLink link = new ScriptedLink();
            FakeClock clock = new FakeClock(T0);
            AgentLoop loop = NewLoop(link, clock, new RecordingMqttLink());
            // 0x0FD bytes 4-5 = 7200 × 0.01 = 72 km/h; 0x131 byte 3 = 0x78 × 0.5 = 60 %.
            link.Queue("t0FD800000000201C0000\r" + "t13180000007800000000\r");
            clock.NowMs = T0 + 250;

            Assert.AreEqual(2, loop.Pump(), "two frames decoded");
            Assert.AreEqual(T0 + 250, loop.Dispatcher.State.GetTime(InputId.SpeedKmh), "stamped with the agent clock");
            loop.Tick();
            Assert.IsTrue(loop.Agent.Readings.SpeedFresh);
            Check.Near(72.0, loop.Agent.Readings.SpeedKmh, 1e-3, "speed read by the tick, km/h");
            Check.Near(60.0, loop.Agent.Readings.SocPercent, 1e-3, "SOC read by the tick, %");
            Assert.AreEqual(2L, loop.Dispatcher.Counters.FramesReceived);
        }

        [TestMethod]
        public void Telemetry_should_report_the_can_paths_counters()
        {
            ScriptedLink link = new ScriptedLink();
            FakeClock clock = new FakeClock(T0);
            RecordingMqttLink outbox = new RecordingMqttLink();
            AgentLoop loop = NewLoop(link, clock, outbox);
            link.Queue("t0FD800000000201C0000\r" + "t13180000007800000000\r" + "t7FF0\r" + "tXYZ\r");
            loop.Pump();
            for (int i = 0; i < 10; i++)
            {
                clock.NowMs += 1000;
                loop.Tick();
            }

            string t = outbox.Last(loop.Messaging.Topics.Telemetry, null);
            Assert.IsNotNull(t);
            Assert.IsTrue(t.IndexOf("\"can_frames\":3,\"slcan_errors\":1,\"unknown_ids\":1,\"decode_errors\":0") >= 0, t);
        }

        [TestMethod]
        public void RunOnce_should_tick_once_per_period_and_skip_rather_than_burst_when_late()
        {
            ScriptedLink link = new ScriptedLink();
            FakeClock clock = new FakeClock(T0);
            AgentLoop loop = NewLoop(link, clock, new RecordingMqttLink());
            Assert.IsTrue(loop.RunOnce(10000), "the first pass ticks");
            Assert.IsFalse(loop.RunOnce(10500), "half a period later: nothing to do");
            Assert.IsTrue(loop.RunOnce(11000));
            Assert.AreEqual(2, loop.Agent.Counters.Ticks);
            loop.RunOnce(14500); // 3.5 periods late: one tick, the next one a period later, not three at once
            loop.RunOnce(14600);
            loop.RunOnce(15000);
            Assert.AreEqual(3, loop.Agent.Counters.Ticks);
            loop.RunOnce(15500);
            Assert.AreEqual(4, loop.Agent.Counters.Ticks);
        }

        [TestMethod]
        public void Tick_should_publish_the_agents_alert_transitions_once_each()
        {
            ScriptedLink link = new ScriptedLink();
            FakeClock clock = new FakeClock(T0);
            RecordingMqttLink outbox = new RecordingMqttLink();
            AgentLoop loop = NewLoop(link, clock, outbox);
            for (int i = 0; i < 75; i++)
            {
                clock.NowMs += 1000;
                loop.Tick(); // nothing on the bus: inputs missing at once, the CAN bridge silent after 10 s
            }

            Assert.AreEqual(1, outbox.Count(loop.Messaging.Topics.Alerts, "RG-DEGRADED", "\"event\":\"raise\""));
            Assert.AreEqual(1, outbox.Count(loop.Messaging.Topics.Alerts, "RG-DEGRADED", "\"event\":\"worse\""), "silence ranks worse, re-alerted once after the 60 s limit");
            StringAssert_Contains("CAN bridge silent", outbox.Last(loop.Messaging.Topics.Alerts, "\"event\":\"worse\""));
        }

        [TestMethod]
        public void A_signal_profile_from_the_fleet_should_replace_the_decoder_for_the_next_frames()
        {
            ScriptedLink link = new ScriptedLink();
            FakeClock clock = new FakeClock(T0);
            RecordingMqttLink broker = new RecordingMqttLink();
            AgentLoop loop = NewLoop(link, clock, broker);
            SignalDispatcher old = loop.Dispatcher;
            // The new map reads SOC from 0x222 byte 0 (x 0.5 %).
            broker.Deliver(loop.Messaging.Topics.CommandPrefix + "config",
                "{\"id\":\"c-9\",\"signal_profile\":\"profile=fleet-map\\ninput=soc_pct id=0x222 start=0 len=8 factor=0.5 min=0 max=100 maxage=1000\"}");
            loop.PollMessaging();
            Assert.IsTrue(broker.Last(loop.Messaging.Topics.ResultTopic("config"), null).IndexOf("\"ok\":true") > 0);
            Assert.IsFalse(loop.Dispatcher == old, "a new decoder");
            Assert.AreEqual("fleet-map", loop.Dispatcher.Map.ProfileName);
            Assert.AreEqual("fleet-map", loop.Messaging.Publisher.ProfileName, "the status names it");

            link.Queue("t2221" + "50\r"); // 0x50 x 0.5 = 40 %
            clock.NowMs = T0 + 100;
            Assert.AreEqual(1, loop.Pump());
            loop.Tick();
            Check.Near(40.0, loop.Agent.Readings.SocPercent, 1e-3, "SOC through the new map, %");
        }

        [TestMethod]
        public void An_sja1000_bridge_should_filter_the_mapped_ids_and_refilter_for_a_new_profile()
        {
            ScriptedLink link = new ScriptedLink();
            FakeClock clock = new FakeClock(T0);
            RecordingMqttLink broker = new RecordingMqttLink();
            VehicleState state = new VehicleState();
            SignalDispatcher dispatcher = new SignalDispatcher(SignalMapLoader.Load(
                "profile=two\ninput=speed_kmh id=0x0FD start=32 len=16 factor=0.01\ninput=soc_pct id=0x131 start=24 len=8 factor=0.5\n"), state);
            SlcanBridge bridge = new SlcanBridge(link);
            bridge.Sja1000Filtering = true;
            Agent agent = new Agent(new AgentConfig(), clock, state, new FakeRangeForecaster(), new FakeDashboard(), new FakeHeaterRelay(false), new FakeLogSink());
            AgentLoop loop = new AgentLoop(bridge, dispatcher, agent, new AgentMessaging(new MqttTopics(MqttTopics.DefaultPrefix, "rg-filter"),
                new MessageOutbox(48, 24576, null, clock), broker, new FakeDeviceInfo(), 200), clock, 1000);
            Assert.IsTrue(bridge.Filtering, "set from the map before the bridge opens");
            Assert.IsTrue(Sja1000Filter.Accepts(bridge.AcceptanceCode, bridge.AcceptanceMask, 0x0FD));
            Assert.IsTrue(Sja1000Filter.Accepts(bridge.AcceptanceCode, bridge.AcceptanceMask, 0x131));
            Assert.AreEqual(2, Sja1000Filter.AcceptedIds(bridge.AcceptanceCode, bridge.AcceptanceMask), "one filter each");
            bridge.Open(6, false);
            int opened = link.WrittenCount;

            broker.Deliver(loop.Messaging.Topics.CommandPrefix + "config",
                "{\"id\":\"c-f\",\"signal_profile\":\"profile=fleet-map\\ninput=soc_pct id=0x222 start=0 len=8 factor=0.5\"}");
            loop.PollMessaging();
            Assert.IsTrue(Sja1000Filter.Accepts(bridge.AcceptanceCode, bridge.AcceptanceMask, 0x222), "the new map's id");
            Assert.AreEqual(1, Sja1000Filter.AcceptedIds(bridge.AcceptanceCode, bridge.AcceptanceMask));
            string reopened = link.Written.Substring(opened);
            Assert.AreEqual("C\rS6\rZ0\rM44404440\rm001F001F\rL\r", reopened, "reopened listen-only with the new filter");
        }

        private static void StringAssert_Contains(string expected, string actual)
        {
            Assert.IsTrue(actual != null && actual.IndexOf(expected) >= 0, "'" + actual + "' should contain '" + expected + "'");
        }
    }
}
