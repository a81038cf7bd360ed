#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Commands;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Runtime;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Agents
{
    /// <summary>
    /// A cmd/route is read and prepared a slice per loop pass (on the device its parse alone is seconds of interpreter
    /// time): the loop goes on meanwhile, the result goes out when the plan is in force, later commands wait their turn.
    /// </summary>
    [TestClass]
    public class RouteCommandSteppingTests
    {
        private const int Segments = 150;

        private static string Route(string id)
        {
            string s = "{\"id\":\"" + id + "\",\"air_c\":4,\"segments\":[";
            for (int i = 0; i < Segments; i++)
            {
                s += (i > 0 ? "," : string.Empty) + "{\"len_m\":" + (400 + i).ToString() + ",\"climb_m\":" + ((i % 9) - 4).ToString()
                    + ",\"speed_kmh\":" + (50 + i % 80).ToString() + ",\"limit_kmh\":100" + (i % 3 == 0 ? string.Empty : ",\"air_c\":-2") + "}";
            }

            return s + "],\"chargers\":[{\"pos_m\":30000,\"kw\":150,\"kind\":\"dc\",\"name\":\"Mystic\"}]}";
        }

        [TestMethod]
        public void A_long_route_should_be_read_and_prepared_a_slice_per_pass_and_answered_when_in_force()
        {
            FakeClock clock = new FakeClock(AgentRig.StartMs);
            EnergyForecaster forecaster = new EnergyForecaster(VehicleParams.Preset(VehiclePresets.Reference), 200);
            Agent agent = new Agent(new AgentConfig(), clock, new VehicleState(), forecaster, new FakeDashboard(), new FakeHeaterRelay(false), new FakeLogSink());
            RecordingMqttLink broker = new RecordingMqttLink();
            MqttTopics topics = new MqttTopics(MqttTopics.DefaultPrefix, "rg-step");
            AgentLoop loop = new AgentLoop(null, null, agent, new AgentMessaging(topics, new MessageOutbox(48, 24576, null, clock), broker, new FakeDeviceInfo(), 200), clock, 1000);
            CommandHandler commands = loop.Messaging.Commands;
            broker.Deliver(topics.CommandPrefix + "route", Route("r-long"));
            broker.Deliver(topics.CommandPrefix + "ping", "{\"id\":\"p-after\"}");

            int passes = 0;
            int staged = 0;
            int prepared = forecaster.SegmentsPrepared;
            while (broker.Count(topics.ResultTopic("route"), null, null) == 0)
            {
                loop.Pump();
                loop.PollMessaging();
                passes++;
                RoutePlan staging = commands.Parser.RouteStaging.Plan;
                int now = staging == null ? staged : staging.SegmentCount;
                Assert.IsTrue(now - staged <= Agent.PlanSliceSegments, "segments read in one pass");
                Assert.IsTrue(forecaster.SegmentsPrepared - prepared <= Agent.PlanSliceSegments, "segments prepared in one pass");
                staged = now;
                prepared = forecaster.SegmentsPrepared;
                if (broker.Count(topics.ResultTopic("route"), null, null) == 0)
                {
                    Assert.AreEqual(0, broker.Count(topics.ResultTopic("ping"), null, null), "the ping waits for the route");
                }

                Assert.IsTrue(passes < 100, "the route is answered");
            }

            Assert.IsTrue(passes >= 2 * Segments / Agent.PlanSliceSegments, "read and prepared over many passes: " + passes.ToString());
            Assert.IsTrue(broker.Last(topics.ResultTopic("route"), null).IndexOf("\"ok\":true") > 0, broker.Last(topics.ResultTopic("route"), null));
            Assert.AreEqual(Segments, agent.Plan.SegmentCount);
            Assert.IsFalse(commands.Waiting);
            loop.PollMessaging();
            Assert.AreEqual(1, broker.Count(topics.ResultTopic("ping"), "p-after", null), "then the next command");
            Assert.IsTrue(broker.Topics.IndexOf(topics.ResultTopic("route")) < broker.Topics.IndexOf(topics.ResultTopic("ping")), "in order");

            // The same plan as the command read in one go.
            string json = Route("r-long");
            byte[] bytes = new byte[json.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)json[i];
            }

            CommandParser once = new CommandParser(200);
            Assert.IsTrue(once.Parse("route", bytes, bytes.Length, float.NaN, null), once.ErrorReason);
            RoutePlan p = once.RouteStaging.Plan;
            for (int i = 0; i < Segments; i++)
            {
                Assert.AreEqual(p.Segments.LengthM[i], agent.Plan.Segments.LengthM[i]);
                Assert.AreEqual(p.Segments.AmbientTempC[i], agent.Plan.Segments.AmbientTempC[i]);
                Assert.AreEqual(p.Segments.ElevationChangeM[i], agent.Plan.Segments.ElevationChangeM[i]);
            }

            Assert.AreEqual(4f, agent.Plan.Segments.AmbientTempC[0], "the route's air where a segment has none");
            Assert.AreEqual("Mystic", agent.Trip.ChargerName(0));
        }

        [TestMethod]
        public void A_route_refused_late_in_its_parse_should_change_nothing_and_name_the_segment()
        {
            AgentRig rig = new AgentRig();
            rig.SetPlan();
            string before = rig.Loop.DescribeState();
            string json = Route("r-bad");
            int at = json.LastIndexOf("\"speed_kmh\":");
            json = json.Substring(0, at) + "\"speed_kmh\":0" + json.Substring(json.IndexOf(',', at));
            rig.Outbox.Deliver(rig.Topics.CommandPrefix + "route", json);
            for (int i = 0; i < 50 && rig.Outbox.Count(rig.Topics.ResultTopic("route"), null, null) == 0; i++)
            {
                rig.Loop.PollMessaging();
            }

            string result = rig.Outbox.Last(rig.Topics.ResultTopic("route"), null);
            Assert.IsTrue(result != null && result.IndexOf("\"ok\":false") > 0 && result.IndexOf("segments[149].speed_kmh") > 0, result);
            Assert.AreEqual(before, rig.Loop.DescribeState(), "nothing changed");
            Assert.IsNull(rig.Loop.Messaging.Commands.Parser.RouteStaging.Plan, "the staging plan is let go");
        }
    }
}
