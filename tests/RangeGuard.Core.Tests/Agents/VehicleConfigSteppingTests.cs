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

namespace RangeGuard.Tests.Agents
{
    /// <summary>
    /// A cmd/config with a new vehicle: the new forecaster takes the plan in force a slice per loop pass (prepared at once, a
    /// 2,000-segment plan holds the device's loop for seconds); meanwhile the ticks use the old one and nothing of the
    /// command is applied; then all of it at once, or none.
    /// </summary>
    [TestClass]
    public class VehicleConfigSteppingTests
    {
        private const int Segments = 150;
        private const string Config = "{\"id\":\"c-long\",\"alerts\":{\"ponr_warn_km\":25},\"telemetry\":{\"driving_s\":10},"
            + "\"vehicle\":\"preset=rangeguard-ref\\nmass_kg=2100\"}";

        private sealed class Car
        {
            public readonly FakeClock Clock = new FakeClock(AgentRig.StartMs);
            public readonly EnergyForecaster Forecaster = new EnergyForecaster(VehicleParams.Preset(VehiclePresets.Reference), 200);
            public readonly RecordingMqttLink Broker = new RecordingMqttLink();
            public readonly MqttTopics Topics = new MqttTopics(MqttTopics.DefaultPrefix, "rg-cfg");
            public readonly Agent Agent;
            public readonly AgentLoop Loop;
            public readonly RoutePlan Plan;

            public Car()
            {
                Agent = new Agent(new AgentConfig(), Clock, new VehicleState(), Forecaster, new FakeDashboard(), new FakeHeaterRelay(false), new FakeLogSink());
                Loop = new AgentLoop(null, null, Agent, new AgentMessaging(Topics, new MessageOutbox(48, 24576, null, Clock), Broker, new FakeDeviceInfo(), 200), Clock, 1000);
                Plan = new RoutePlan(200);
                for (int i = 0; i < Segments; i++)
                {
                    RouteSegment s = new RouteSegment();
                    s.LengthM = 400 + i;
                    s.ElevationChangeM = (i % 9) - 4;
                    s.ExpectedSpeedKmh = 50 + i % 80;
                    s.SpeedLimitKmh = 100;
                    s.AmbientTempC = -2;
                    Plan.AddSegment(s);
                }

                string error;
                Assert.IsTrue(Agent.TrySetPlan(Plan, out error), error);
            }

            public int Results(string name)
            {
                return Broker.Count(Topics.ResultTopic(name), null, null);
            }

            /// <summary>Loop passes (a tick each, which polls messaging) until cmd/config is answered; returns them.</summary>
            public int PassesUntilAnswered(float warnKmBefore)
            {
                int passes = 0;
                while (Results("config") == 0)
                {
                    Clock.NowMs += 1000;
                    Loop.Tick();
                    passes++;
                    if (Results("config") == 0)
                    {
                        Assert.AreSame(Forecaster, Agent.Forecaster, "the old forecaster runs until the new one holds the plan");
                        Assert.AreEqual(warnKmBefore, Agent.Config.Alerts.PonrWarnKm, "nothing of the command applied yet");
                        Assert.AreEqual(0, Results("ping"), "the ping waits for the config");
                        Assert.IsTrue(Loop.Messaging.Commands.Waiting);
                    }

                    Assert.IsTrue(passes < 50, "the config is answered");
                }

                return passes;
            }
        }

        [TestMethod]
        public void A_new_vehicle_should_take_a_long_plan_a_slice_per_pass_then_the_whole_config_applies()
        {
            Car car = new Car();
            float warnKm = car.Agent.Config.Alerts.PonrWarnKm;
            car.Broker.Deliver(car.Topics.CommandPrefix + "config", Config);
            car.Broker.Deliver(car.Topics.CommandPrefix + "ping", "{\"id\":\"p-after\"}");
            int passes = car.PassesUntilAnswered(warnKm);

            Assert.AreEqual((Segments + Agent.PlanSliceSegments - 1) / Agent.PlanSliceSegments, passes, "a slice a pass, the first with the command");
            string r = car.Broker.Last(car.Topics.ResultTopic("config"), null);
            Assert.IsTrue(r.IndexOf("\"ok\":true") > 0, r);
            EnergyForecaster now = (EnergyForecaster)car.Agent.Forecaster;
            Assert.AreNotSame(car.Forecaster, now);
            Assert.AreEqual(2100f, now.Vehicle.MassKg);
            Assert.AreEqual(25f, car.Agent.Config.Alerts.PonrWarnKm);
            Assert.AreEqual(1, car.Agent.VehicleChanges);
            Assert.AreEqual(Segments, now.SegmentsPrepared, "every segment prepared once, in slices");

            // It holds the same plan as a forecaster given the plan at once.
            EnergyForecaster once = new EnergyForecaster(now.Vehicle, 200);
            string error;
            Assert.IsTrue(once.TrySetPlan(car.Plan, out error), error);
            Assert.AreEqual(once.PlanLengthM, now.PlanLengthM);
            Assert.AreEqual(car.Forecaster.PlanLengthM, now.PlanLengthM);

            car.Loop.PollMessaging();
            Assert.AreEqual(1, car.Results("ping"), "then the next command");
        }

        [TestMethod]
        public void A_plan_changed_while_the_vehicle_prepares_should_refuse_the_whole_config()
        {
            Car car = new Car();
            float warnKm = car.Agent.Config.Alerts.PonrWarnKm;
            car.Broker.Deliver(car.Topics.CommandPrefix + "config", Config);
            car.Loop.PollMessaging();
            Assert.AreEqual(0, car.Results("config"), "preparing");

            RoutePlan local = new RoutePlan(4); // the navigation system's own plan, set on the car meanwhile
            RouteSegment s = new RouteSegment();
            s.LengthM = 5000;
            s.ExpectedSpeedKmh = 80;
            s.SpeedLimitKmh = 100;
            local.AddSegment(s);
            string error;
            Assert.IsTrue(car.Agent.TrySetPlan(local, out error), error);

            car.PassesUntilAnswered(warnKm);
            string r = car.Broker.Last(car.Topics.ResultTopic("config"), null);
            Assert.IsTrue(r.IndexOf("\"ok\":false") > 0 && r.IndexOf("\"field\":\"vehicle\"") > 0 && r.IndexOf("changed") > 0, r);
            Assert.AreSame(car.Forecaster, car.Agent.Forecaster, "the vehicle stays");
            Assert.AreEqual(warnKm, car.Agent.Config.Alerts.PonrWarnKm, "and so does every other group");
            Assert.AreEqual(0, car.Agent.VehicleChanges);
            Assert.AreEqual(5000f, car.Forecaster.PlanLengthM, "the old forecaster holds the new plan");
            Assert.IsFalse(car.Loop.Messaging.Commands.Waiting);
        }
    }
}
