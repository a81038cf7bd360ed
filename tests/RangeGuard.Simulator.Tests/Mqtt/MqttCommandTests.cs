using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Alerts;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging.Commands;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Commands;
using RangeGuard.Simulator.Mqtt;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Mqtt
{
    /// <summary>The simulator's MQTT side without a broker: route conversion, addresses, ids, argument checks.</summary>
    [TestClass]
    public class MqttCommandTests
    {
        [TestMethod]
        public void Every_built_in_scenarios_route_should_convert_into_a_cmd_route_the_car_accepts()
        {
            foreach (string name in new[] { "broder-2013", "cold-night-unplugged", "dc-fast-charge-precondition", "summer-commute", "winter-mountain-pass" })
            {
                Scenario s = ScenarioCatalog.Load(name);
                string json = RouteCommandWriter.Write(s, "r-" + name, 1767988800000);
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                Assert.IsTrue(bytes.Length < CommandParser.MaxRouteBytes, $"{name}: {bytes.Length} bytes");
                var parser = new CommandParser(200);
                Assert.IsTrue(parser.Parse("route", bytes, bytes.Length, float.NaN, new AlertConfig()), $"{name}: {parser.ErrorField}: {parser.ErrorReason}");
                var plan = parser.RouteStaging.Plan;
                float length = 0f;
                for (int i = 0; i < plan.SegmentCount; i++)
                {
                    length += plan.Segments[i].LengthM;
                }

                Assert.AreEqual(s.Route.LengthM, length, 0.05 * plan.SegmentCount + 1.0, $"{name}: the whole route (lengths to 0.1 m)");
                Assert.AreEqual(s.Chargers.Count, plan.ChargerCount, name);
                Assert.AreEqual(1767988800000L, parser.RouteStaging.DepartureMs);
                Assert.AreEqual((float)s.DestinationReservePercent, plan.DestinationReservePercent, 0.05f, name);
            }
        }

        [TestMethod]
        public void Broker_addresses_should_parse_with_default_ports_and_credentials()
        {
            Assert.IsTrue(BrokerAddress.TryParse("mqtt://broker.local", out var a, out _));
            Assert.AreEqual(("broker.local", 1883, false), (a.Host, a.Port, a.Tls));
            Assert.IsTrue(BrokerAddress.TryParse("mqtts://car7:p%40ss@10.0.0.2:18883", out var b, out _));
            Assert.AreEqual((18883, true, "car7", "p@ss"), (b.Port, b.Tls, b.Username, b.Password));
            Assert.IsTrue(BrokerAddress.TryParse("mqtts://fleet.example.org", out var c, out _));
            Assert.AreEqual(8883, c.Port);
            Assert.IsFalse(BrokerAddress.TryParse("http://x:1883", out _, out string error));
            StringAssert.Contains(error, "mqtt://host:port");
        }

        [TestMethod]
        public void The_default_vehicle_id_should_be_a_valid_one()
        {
            Assert.AreEqual("sim-broder-2013", AgentBoard.DefaultVehicleId("broder-2013"));
            string odd = AgentBoard.DefaultVehicleId("my trip/with spaces and a very long name indeed");
            Assert.IsNull(RangeGuard.Messaging.MqttTopics.CheckVehicleId(odd), odd);
            Assert.AreEqual(32, odd.Length);
        }

        [TestMethod]
        public void Bad_mqtt_arguments_should_be_refused_before_anything_runs()
        {
            var root = CommandTree.Build();
            foreach (string[] args in new[]
            {
                new[] { "run", "summer-commute", "--broker", "ftp://x" },
                new[] { "run", "summer-commute", "--broker", "mqtt://x", "--serve" },
                new[] { "run", "summer-commute", "--broker", "mqtt://x", "--vehicle-id", "a/b" },
                new[] { "run", "summer-commute", "--speed", "-2" },
                new[] { "run", "summer-commute", "--broker", "mqtt://x", "--board", "null" },
            })
            {
                Assert.AreEqual(ExitCodes.BadInput, root.Parse(args).Invoke(), string.Join(" ", args));
            }

            Assert.AreEqual(ExitCodes.BadInput, RouteSendCommand.Execute("summer-commute", "mqtt://127.0.0.1:9", "bad id", null, null, null, null, null, null, null, 1));
        }
    }
}
