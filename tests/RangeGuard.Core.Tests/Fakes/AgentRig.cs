using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Messaging.Publishing;
using RangeGuard.Runtime;
using RangeGuard.State;

namespace RangeGuard.Tests.Fakes
{
    /// <summary>
    /// An agent wired to fakes in the core loop (<see cref="AgentLoop"/>, publishing through the real outbox to a recording
    /// broker link, <see cref="Outbox"/>), plus a tiny input
    /// feeder that writes the vehicle state directly (no CAN): each <see cref="Step"/> advances the clock 1 s, re-stamps
    /// every fed input (so it stays fresh unless <see cref="Silence"/>d) and ticks the loop.
    /// </summary>
    public sealed class AgentRig
    {
        /// <summary>2026-01-09T20:00:00Z.</summary>
        public const long StartMs = 1767988800000;

        public readonly FakeClock Clock = new FakeClock(StartMs);
        public readonly VehicleState State = new VehicleState();
        public readonly FakeRangeForecaster Forecaster = new FakeRangeForecaster();
        public readonly FakeDashboard Dash = new FakeDashboard();
        public readonly FakeHeaterRelay Heater;
        /// <summary>What reached the (fake) broker; the tests read alerts and telemetry here.</summary>
        public readonly RecordingMqttLink Outbox = new RecordingMqttLink();
        public readonly FakeDeviceInfo Device = new FakeDeviceInfo();
        public readonly MessageOutbox Queue;
        public readonly MqttTopics Topics = new MqttTopics(MqttTopics.DefaultPrefix, "rg-test");
        public readonly FakeLogSink Log = new FakeLogSink();
        public readonly AgentConfig Config;
        public readonly Agent Agent;
        public readonly AgentPublisher Publisher;
        public readonly AgentLoop Loop;
        public readonly RoutePlan Plan = new RoutePlan();

        private readonly float[] _values = new float[InputId.Count];
        private readonly bool[] _fed = new bool[InputId.Count];

        public AgentRig() : this(new AgentConfig(), false)
        {
        }

        public AgentRig(AgentConfig config, bool heaterInitiallyOn)
        {
            Config = config;
            Config.VehicleId = "rg-test";
            Heater = new FakeHeaterRelay(heaterInitiallyOn);
            Agent = new Agent(config, Clock, State, Forecaster, Dash, Heater, Log);
            Queue = new MessageOutbox(48, 24576, null, Clock);
            Loop = new AgentLoop(null, null, Agent, new AgentMessaging(Topics, Queue, Outbox, Device, 200), Clock, 1000);
            Publisher = Loop.Messaging.Publisher;
        }

        public string AlertTopic
        {
            get { return Topics.Alerts; }
        }

        public string TelemetryTopic
        {
            get { return Topics.Telemetry; }
        }

        /// <summary>Feeds the usual driving inputs: SOC, battery and ambient temperature, speed, unplugged.</summary>
        public void Drive(float socPct, float batteryC, float ambientC, float speedKmh)
        {
            Feed(InputId.SocPercent, socPct);
            Feed(InputId.BatteryTempAvgC, batteryC);
            Feed(InputId.AmbientTempC, ambientC);
            Feed(InputId.SpeedKmh, speedKmh);
            Feed(InputId.ChargingState, 0f);
        }

        public void Feed(int input, float value)
        {
            _values[input] = value;
            _fed[input] = true;
            State.Set(input, value, Clock.NowMs);
        }

        public float Value(int input)
        {
            return _values[input];
        }

        /// <summary>Stops feeding an input: it goes stale after its maximum age.</summary>
        public void Silence(int input)
        {
            _fed[input] = false;
        }

        /// <summary>A plan with one AC and two DC chargers (names used in texts) accepted by the agent.</summary>
        public void SetPlan()
        {
            Plan.Clear();
            RouteSegment seg = new RouteSegment();
            seg.LengthM = 200000f;
            seg.ExpectedSpeedKmh = 110f;
            seg.SpeedLimitKmh = 120f;
            Plan.AddSegment(seg);
            Plan.AddCharger(Charger(30000f, 11f, false, "Stadtwerke AC"));
            Plan.AddCharger(Charger(42000f, 150f, true, "Milford CT"));
            Plan.AddCharger(Charger(120000f, 350f, true, "Ionity Fulda"));
            Plan.DestinationReservePercent = 15f;
            Plan.ChargerReservePercent = 10f;
            string error;
            Agent.TrySetPlan(Plan, out error);
        }

        public void Step(int seconds)
        {
            for (int s = 0; s < seconds; s++)
            {
                Clock.NowMs += 1000;
                for (int i = 0; i < InputId.Count; i++)
                {
                    if (_fed[i])
                    {
                        State.Set(i, _values[i], Clock.NowMs);
                    }
                }

                Loop.Tick();
            }
        }

        private static RouteCharger Charger(float positionM, float powerKw, bool dc, string name)
        {
            RouteCharger c = new RouteCharger();
            c.PositionM = positionM;
            c.PowerKw = powerKw;
            c.IsDc = dc;
            c.Name = name;
            return c;
        }
    }
}
