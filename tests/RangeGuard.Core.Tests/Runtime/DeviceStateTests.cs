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
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Runtime
{
    /// <summary>The device's settings file, and the route and learned state kept across reboots.</summary>
    [TestClass]
    public class DeviceStateTests
    {
        private const string Route = "{\"id\":\"r-boot\",\"dest_name\":\"Groton\",\"segments\":[{\"len_m\":40000,\"speed_kmh\":100},{\"len_m\":30000,\"speed_kmh\":80}]}";

        private sealed class Car
        {
            public readonly FakeClock Clock = new FakeClock(AgentRig.StartMs);
            public readonly VehicleState State = new VehicleState();
            public readonly EnergyForecaster Forecaster = new EnergyForecaster(VehicleParams.Preset("rangeguard-ref"), 200);
            public readonly RecordingMqttLink Broker = new RecordingMqttLink();
            public readonly AgentLoop Loop;
            public readonly DeviceState Saved;

            public Car(MemoryFileStore flash)
            {
                Agent agent = new Agent(new AgentConfig(), Clock, State, Forecaster, new FakeDashboard(), new FakeHeaterRelay(false), new FakeLogSink());
                MqttTopics topics = new MqttTopics(MqttTopics.DefaultPrefix, "rg-boot");
                Loop = new AgentLoop(null, null, agent, new AgentMessaging(topics, new MessageOutbox(48, 24576, null, Clock), Broker, new FakeDeviceInfo(), 200), Clock, 1000);
                Saved = new DeviceState(flash);
                Loop.Messaging.Commands.RouteApplied = Saved.RouteApplied;
            }
        }

        [TestMethod]
        public void Settings_should_override_the_defaults_and_name_each_bad_line()
        {
            DeviceSettings s = DeviceSettings.Parse("# car 7\nvehicle_id = rg-0007\nbroker_host=fleet.example.org\nbroker_port=8883\nbroker_tls=true\n"
                + "broker_password=s3cret\nwifi_ssid=Depot\nbroker_port=99999\nvehicle_id=bad/id\ncolour=red\nroute_segments=400\n"
                + "route_chargers=64\noutbox_messages=48\noutbox_chars=24576\noutbox_chars=100\ncan_filter=sja1000\n");
            Assert.AreEqual("rg-0007", s.VehicleId);
            Assert.AreEqual("fleet.example.org", s.BrokerHost);
            Assert.AreEqual(8883, s.BrokerPort, "the bad port line kept the good value");
            Assert.AreEqual("rg-0007", s.EffectiveUser, "the user name defaults to the vehicle id");
            Assert.AreEqual("Depot", s.WifiSsid);
            Assert.AreEqual(400, s.RouteSegments);
            Assert.AreEqual(64, s.RouteChargers);
            Assert.AreEqual(48, s.OutboxMessages);
            Assert.IsTrue(s.CanFilterSja1000);
            Assert.AreEqual(24576, s.OutboxChars, "the bad outbox_chars line kept the good value");
            Assert.AreEqual("ca.pem", s.CaFile, "default");
            Assert.AreEqual(4, s.ErrorCount);
            Assert.AreEqual("line 8: broker_port must be 1..65535", s.Error(0));
            Assert.IsTrue(s.Error(1).StartsWith("line 9: vehicle id may only hold"), s.Error(1));
            Assert.AreEqual("line 10: unknown key 'colour'", s.Error(2));
            Assert.IsTrue(s.Error(3).StartsWith("line 15: outbox_chars must be"), s.Error(3));
            DeviceSettings d = DeviceSettings.Parse(null);
            Assert.AreEqual("rg-0001", d.VehicleId, "no file: the documented defaults");
            Assert.AreEqual(DeviceSettings.DefaultRouteSegments, d.RouteSegments, "sized for an ESP32 without PSRAM (memory.md)");
            Assert.AreEqual(DeviceSettings.DefaultOutboxChars, d.OutboxChars);
            Assert.IsFalse(d.CanFilterSja1000, "no M/m unless the adapter is known to read them as SJA1000 registers");
        }

        [TestMethod]
        public void A_save_cut_short_should_leave_the_previous_copy()
        {
            MemoryFileStore flash = new MemoryFileStore();
            StateSlots slots = new StateSlots(flash, "t", 100);
            byte[] one = { 1, 2, 3 };
            byte[] two = { 4, 5, 6, 7 };
            slots.Save(one, 3);
            slots.Save(two, 4);
            int n;
            byte[] got = new StateSlots(flash, "t", 100).Load(out n);
            Assert.AreEqual(4, n);
            Assert.AreEqual((byte)7, got[3], "the newest copy");

            // The third save goes to the first file: cut it after every possible byte; "two" must come back each time.
            slots.Save(new byte[] { 9, 9 }, 2);
            byte[] whole = flash.Snapshot("t.0");
            for (int cut = 0; cut < whole.Length; cut++)
            {
                flash.Put("t.0", whole, cut);
                got = new StateSlots(flash, "t", 100).Load(out n);
                Assert.AreEqual(4, n, "cut at " + cut.ToString());
                Assert.AreEqual((byte)4, got[0]);
            }
        }

        [TestMethod]
        public void The_route_learned_state_and_position_should_survive_a_reboot()
        {
            MemoryFileStore flash = new MemoryFileStore();
            Car before = new Car(flash);
            before.Broker.Deliver(before.Loop.Messaging.Topics.CommandPrefix + "route", Route);
            before.Loop.PollMessaging();
            Assert.AreEqual(1, before.Saved.Saves, "the route is stored when applied");
            string[] f = before.Forecaster.Learner.SaveState().Split(';');
            RangeGuard.Common.TextBuffer k = new RangeGuard.Common.TextBuffer(16);
            RangeGuard.Common.TextNumber.AppendBits(k, 1.07);
            f[1] = k.ToString(); // as if the car had learned it needs 7 % more traction energy (state reals are IEEE bits)
            string learned = f[0];
            for (int i = 1; i < f.Length; i++)
            {
                learned += ";" + f[i];
            }

            Assert.IsTrue(before.Forecaster.Learner.TryLoadState(learned));
            before.Loop.Agent.Trip.PositionM = 12345f;
            before.Saved.Update(1000, before.Loop.Agent);
            before.Saved.Update(2000, before.Loop.Agent);
            Assert.AreEqual(2, before.Saved.Saves, "saved once, not again within 5 minutes");

            Car after = new Car(flash);
            string found = after.Saved.Restore(after.Loop);
            Assert.AreEqual("route r-boot; learned state; position 12345 m", found);
            Assert.AreEqual(2, after.Loop.Agent.Plan.SegmentCount);
            Assert.AreEqual("Groton", after.Loop.Agent.Trip.DestinationName);
            Assert.AreEqual(12345f, after.Loop.Agent.PositionM);
            Assert.AreEqual(before.Forecaster.Learner.SaveState(), after.Forecaster.Learner.SaveState());
            Assert.AreEqual("r-boot", after.Loop.Messaging.Publisher.PlanId, "the forecast names the restored route");
            Assert.AreEqual(0, after.Broker.Topics.Count, "restoring publishes no command result");
        }
    }
}
