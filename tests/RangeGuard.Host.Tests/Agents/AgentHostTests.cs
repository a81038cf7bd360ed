using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Host.Dashboard;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Runtime;
using RangeGuard.Host.Preconditioning;
using RangeGuard.Ports;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Agent;

/// <summary>The portable agent wired to the simulator's host ports; host-only checks (allocation, recordings).</summary>
[TestClass]
public sealed class AgentHostTests
{
    private sealed class SimClock : IClock
    {
        public long NowMs = 1767988800000;
        public long UtcMilliseconds => NowMs;
    }

    /// <summary>A fixed forecast (the real forecaster lives in another issue): DC charger next, destination reachable.</summary>
    private sealed class FixedForecaster : IRangeForecaster
    {
        public float DestinationP50 = 40f;

        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            error = null!;
            return true;
        }

        public ColdSoakResult EstimateColdSoak(float socPercent, float packTempC, float ambientC, float hoursToDeparture, float cabinSetpointC, float cruiseSpeedKmh)
            => new ColdSoakResult { RangeLostKm = -1f };

        public void Tick(ForecastInputs inputs, ForecastResult result)
        {
            result.Valid = true;
            result.BandRelativeWidth = 0.1f;
            result.Destination.Exists = true;
            result.Destination.Reachable = true;
            result.Destination.SocP50 = DestinationP50;
            result.Destination.SocP10 = DestinationP50 - 5f;
            result.NextChargerIndex = 0;
            result.NextCharger.Exists = true;
            result.NextCharger.SocP10 = 40f - inputs.PlannedHeatingKwh / 75f * 100f;
            result.NextCharger.EtaSeconds = 1000f;
        }
    }

    private sealed class NullLog : ILogSink
    {
        public void Write(string message)
        {
        }
    }

    private static (global::RangeGuard.Agents.Agent Agent, global::RangeGuard.Runtime.AgentLoop Loop, SimClock Clock, VehicleState State, RecordingDashboard Dash,
        RecordingHeaterRelay Heater, RecordingLink Outbox, FixedForecaster Forecaster) Build(AgentConfig cfg, float packC, bool publish = true)
    {
        var clock = new SimClock();
        var state = new VehicleState();
        var dash = new RecordingDashboard(clock);
        var heater = new RecordingHeaterRelay(clock);
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, cfg.VehicleId);
        var outbox = new RecordingLink(null, clock, topics.Root, keepMessages: true);
        var forecaster = new FixedForecaster();
        var agent = new global::RangeGuard.Agents.Agent(cfg, clock, state, forecaster, dash, heater, new NullLog());
        var messaging = publish ? new AgentMessaging(topics, new MessageOutbox(48, 24576, null, clock), outbox, new HostDeviceInfo(clock), 200) : null;
        var loop = new AgentLoop(null!, null!, agent, messaging!, clock, 1000);
        var plan = new RoutePlan();
        plan.AddSegment(new RouteSegment { LengthM = 100000f, ExpectedSpeedKmh = 100f, SpeedLimitKmh = 100f });
        plan.AddCharger(new RouteCharger { PositionM = 30000f, PowerKw = 150f, IsDc = true, Name = "Test DC" });
        Assert.IsTrue(agent.TrySetPlan(plan, out _));
        Feed(state, clock.NowMs, packC);
        return (agent, loop, clock, state, dash, heater, outbox, forecaster);
    }

    private static void Feed(VehicleState s, long now, float packC)
    {
        s.Set(InputId.SocPercent, 60f, now);
        s.Set(InputId.BatteryTempAvgC, packC, now);
        s.Set(InputId.AmbientTempC, 5f, now);
        s.Set(InputId.SpeedKmh, 100f, now);
        s.Set(InputId.ChargingState, 0f, now);
    }

    [TestMethod]
    public void Tick_should_allocate_nothing_in_steady_state()
    {
        var r = Build(new AgentConfig(), 30f, publish: false);
        for (int i = 0; i < 100; i++) // warm-up: JIT, first dashboard write
        {
            r.Clock.NowMs += 1000;
            Feed(r.State, r.Clock.NowMs, 30f);
            r.Loop.Tick();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            r.Clock.NowMs += 1000;
            Feed(r.State, r.Clock.NowMs, 30f);
            r.Loop.Tick();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(0L, allocated, "bytes allocated over 1000 steady-state ticks");
        Assert.AreEqual(0, r.Agent.Counters.Exceptions);
    }

    [TestMethod]
    public void Host_ports_should_record_heater_dashboard_and_messages()
    {
        var r = Build(new AgentConfig(), 5f);
        for (int i = 0; i < 30; i++)
        {
            r.Clock.NowMs += 1000;
            Feed(r.State, r.Clock.NowMs, 5f);
            r.Loop.Tick();
        }

        Assert.IsTrue(r.Heater.IsOn, "1000 s to a DC charger, 27 min of heating needed: on");
        Assert.AreEqual(29000L, r.Heater.OnTimeMs);
        Assert.AreEqual(1, r.Heater.Switches.Count);
        Assert.AreEqual("G:slow A:off R:off buzzer:off", r.Dash.Describe(), "info only: heater blink on green");
        Assert.AreEqual(6, r.Outbox.OnTopic("/telemetry").Count(), "driving: the first tick, then every 5 s");
        Assert.AreEqual(1, r.Outbox.OnTopic("/alerts").Count(m => m.Payload.Contains("\"code\":\"RG-PRECOND-ON\"")));
        Assert.AreEqual("rangeguard/v1/rg-0001/alerts", r.Outbox.OnTopic("/alerts").First().Topic);
        Assert.AreEqual("rangeguard/v1/rg-0001/status", r.Outbox.Messages[0].Topic, "the status goes first");
    }

    /// <summary>A broker that acknowledges at once and allocates nothing (a fixed ring of tokens; payloads are only counted).</summary>
    private sealed class CountingLink : IMqttLink
    {
        private readonly int[] _ring = new int[64];
        private int _head, _count, _next;

        public long Chars;
        public int Messages;

        public bool IsConnected => true;
        public int ConnectionId => 1;

        public bool TryPublish(string topic, string payload, int qos, bool retain, out int token)
        {
            token = qos > 0 ? ++_next : 0;
            if (token != 0)
            {
                _ring[(_head + _count++) % _ring.Length] = token;
            }

            Messages++;
            Chars += payload.Length;
            return true;
        }

        public bool TryTakeDelivered(out int token)
        {
            token = 0;
            if (_count == 0)
            {
                return false;
            }

            token = _ring[_head];
            _head = (_head + 1) % _ring.Length;
            _count--;
            return true;
        }

        public bool TryReceive(out string topic, out byte[] payload)
        {
            topic = null!;
            payload = null!;
            return false;
        }
    }

    [TestMethod]
    public void Publishing_should_allocate_nothing_per_tick_beyond_the_message_text()
    {
        var clock = new SimClock();
        var state = new VehicleState();
        var agent = new global::RangeGuard.Agents.Agent(new AgentConfig(), clock, state, new FixedForecaster(), new RecordingDashboard(clock),
            new RecordingHeaterRelay(clock), new NullLog());
        var link = new CountingLink();
        var loop = new AgentLoop(null!, null!, agent, new AgentMessaging(new MqttTopics(MqttTopics.DefaultPrefix, "rg-alloc"),
            new MessageOutbox(48, 24576, null, clock), link, new HostDeviceInfo(clock), 200), clock, 1000);
        var plan = new RoutePlan();
        plan.AddSegment(new RouteSegment { LengthM = 100000f, ExpectedSpeedKmh = 100f, SpeedLimitKmh = 100f });
        Assert.IsTrue(agent.TrySetPlan(plan, out _));
        for (int i = 0; i < 100; i++) // warm-up
        {
            clock.NowMs += 1000;
            Feed(state, clock.NowMs, 30f);
            loop.Tick();
        }

        int messages0 = link.Messages;
        long chars0 = link.Chars;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            clock.NowMs += 1000;
            Feed(state, clock.NowMs, 30f);
            loop.Tick();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        int messages = link.Messages - messages0;
        long chars = link.Chars - chars0;
        // A .NET string of n characters takes 22 + 2n bytes, rounded up to 8.
        long textBytes = (22 * messages + 2 * chars + 7 * messages) / 8 * 8;
        Assert.IsTrue(messages >= 200, $"telemetry every 5 s and the forecast went out: {messages}");
        Assert.IsTrue(allocated <= textBytes, $"{allocated} bytes allocated for {messages} messages of {chars} characters (text: about {textBytes} bytes)");
        Assert.AreEqual(0, agent.Counters.Exceptions);
    }
}
