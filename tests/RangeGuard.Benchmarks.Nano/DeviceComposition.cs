#nullable disable
using RangeGuard.Agents;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Firmware;
using RangeGuard.Forecast;
using RangeGuard.Ports;
using RangeGuard.Preconditioning;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Runtime;
using RangeGuard.State;
using RangeGuard.Vehicle;

namespace RangeGuard.Benchmarks.Device
{
    /// <summary>
    /// What the firmware keeps on the heap (firmware/RangeGuard.Firmware/Program.cs), built step by step with every
    /// buffer at its worst case: a full route plan with 64 named chargers, an outbox full of the largest messages.
    /// Shared by the nanoCLR memory measurement (Program.Retained) and the host model
    /// (tests/RangeGuard.Host.Tests/Device/MemoryBudget.cs), so both weigh the same objects.
    /// </summary>
    public sealed class DeviceComposition
    {
        /// <summary>Name a charger may carry in a plan (assumed; the plan format will bound it).</summary>
        public const int ChargerNameChars = 24;

        /// <summary>Message size assumed when the outbox is filled: the contract's largest telemetry, in chars.</summary>
        public const int MessageChars = 768;

        public const int Steps = 8;

        public readonly int Segments;
        public VehicleState State;
        public SignalDispatcher Dispatcher;
        public SlcanBridge Bridge;
        public RoutePlan Plan;
        public EnergyForecaster Forecaster;
        public AgentMessaging Messaging;
        public Agent Agent;
        public AgentLoop Loop;
        public readonly BenchPorts Ports = new BenchPorts();
        private readonly ReplayLink _link = new ReplayLink();

        public DeviceComposition(int segments)
        {
            Segments = segments;
        }

        public static string StepName(int step)
        {
            switch (step)
            {
                case 0: return "vehicle state";
                case 1: return "signal map and dispatcher";
                case 2: return "SLCAN bridge and line buffer";
                case 3: return "route plan";
                case 4: return "forecaster";
                case 5: return "messaging: outbox (empty), topics, command parser";
                case 6: return "agent and loop, plan set, 5 ticks";
                default: return "outbox filled";
            }
        }

        /// <summary>Runs one construction step.</summary>
        public void Step(int step)
        {
            switch (step)
            {
                case 0:
                    State = new VehicleState();
                    break;
                case 1:
                    Dispatcher = new SignalDispatcher(SignalMapLoader.Load(VehicleProfile.SignalMapText), State);
                    break;
                case 2:
                    Bridge = new SlcanBridge(_link);
                    break;
                case 3:
                    Plan = FullPlan(Segments);
                    break;
                case 4:
                    Forecaster = new EnergyForecaster(VehicleProfile.CreateVehicleParams(), Segments);
                    break;
                case 5:
                    Messaging = Workloads.DeviceMessaging(Ports, Segments);
                    break;
                case 6:
                    VehicleParams vehicle = VehicleProfile.CreateVehicleParams();
                    AgentConfig config = new AgentConfig();
                    config.VehicleId = new DeviceSettings().VehicleId;
                    config.Thermal = PackThermalParams.From(vehicle);
                    Agent = new Agent(config, Ports, State, Forecaster, Ports, Ports, Ports);
                    Loop = new AgentLoop(Bridge, Dispatcher, Agent, Messaging, Ports, FirmwareSettings.TickPeriodMs);
                    string error;
                    if (!Agent.TrySetPlan(Plan, out error))
                    {
                        throw new System.InvalidOperationException("plan rejected: " + error);
                    }

                    for (int t = 0; t < 5; t++)
                    {
                        Ports.NowMs += 1000;
                        Loop.Tick();
                    }

                    break;
                default:
                    // Offline: retained forecasts of other topics and alerts are never thinned, so fill with those until refused.
                    string big = new string('x', MessageChars - 1) + "}";
                    for (int m = 0; m < MqttContract.DeviceOutboxMessages; m++)
                    {
                        if (!Messaging.Outbox.PostAlert(Messaging.Topics.Alerts, Messaging.Outbox.NextAlertSeq, big))
                        {
                            break;
                        }
                    }

                    break;
            }
        }

        /// <summary>A plan filled to its segment capacity and to RoutePlan.MaxChargers named chargers.</summary>
        public static RoutePlan FullPlan(int segments)
        {
            RoutePlan plan = new RoutePlan(segments);
            for (int i = 0; i < segments; i++)
            {
                RouteSegment s = new RouteSegment();
                s.LengthM = 500;
                s.ExpectedSpeedKmh = 100;
                s.SpeedLimitKmh = 110;
                plan.AddSegment(s);
            }

            float total = 500f * segments;
            for (int c = 0; c < RoutePlan.MaxChargers; c++)
            {
                RouteCharger ch = new RouteCharger();
                ch.PositionM = total * (c + 1) / (RoutePlan.MaxChargers + 1);
                ch.PowerKw = 150;
                ch.IsDc = true;
                ch.Name = Pad("Charger " + c.ToString());
                plan.AddCharger(ch);
            }

            plan.DestinationName = Pad("Destination");
            return plan;
        }

        private static string Pad(string s)
        {
            return s + new string('.', ChargerNameChars - s.Length);
        }
    }
}
