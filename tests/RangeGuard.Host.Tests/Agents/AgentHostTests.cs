using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Host.Dashboard;
using RangeGuard.Host.Outbox;
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
        RecordingHeaterRelay Heater, MemoryOutbox Outbox, FixedForecaster Forecaster) Build(AgentConfig cfg, float packC)
    {
        var clock = new SimClock();
        var state = new VehicleState();
        var dash = new RecordingDashboard(clock);
        var heater = new RecordingHeaterRelay(clock);
        var outbox = new MemoryOutbox(clock);
        var forecaster = new FixedForecaster();
        var agent = new global::RangeGuard.Agents.Agent(cfg, clock, state, forecaster, dash, heater, new NullLog());
        var loop = new global::RangeGuard.Runtime.AgentLoop(null!, null!, agent, new global::RangeGuard.Messaging.AgentPublisher(agent, outbox), clock, 1000);
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
        var cfg = new AgentConfig { TelemetryEveryTicks = 0 };
        var r = Build(cfg, 30f);
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
        Assert.AreEqual(3, r.Outbox.OnTopic("/telemetry").Count());
        Assert.AreEqual(1, r.Outbox.OnTopic("/alert").Count(m => m.Payload.Contains("\"code\":\"RG-PRECOND-ON\"")));
        Assert.AreEqual("rangeguard/rg-0001/alert", r.Outbox.OnTopic("/alert").First().Topic);
    }
}
