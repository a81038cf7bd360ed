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
    /// buffer at its worst case: a full route plan with 64 named chargers (handed to the agent as a cmd/route's staging
    /// plan is: the plan in force is the one copy), an outbox full of the largest messages.
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
        public readonly DeviceSettings Settings;
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

        /// <summary>The composition with the device's default settings (an ESP32 without PSRAM).</summary>
        public DeviceComposition() : this(new DeviceSettings())
        {
        }

        public DeviceComposition(DeviceSettings settings)
        {
            Settings = settings;
            Segments = settings.RouteSegments;
        }

        /// <summary>The settings of a WROVER (4 MB PSRAM): the largest route and outbox.</summary>
        public static DeviceSettings Wrover()
        {
            DeviceSettings s = new DeviceSettings();
            s.RouteSegments = DeviceSettings.WroverRouteSegments;
            s.RouteChargers = RoutePlan.MaxChargers;
            s.OutboxMessages = DeviceSettings.WroverOutboxMessages;
            s.OutboxChars = DeviceSettings.WroverOutboxChars;
            return s;
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
                    Plan = FullPlan(Settings);
                    break;
                case 4:
                    Forecaster = new EnergyForecaster(VehicleProfile.CreateVehicleParams(), Segments);
                    break;
                case 5:
                    Messaging = Workloads.DeviceMessaging(Ports, Settings);
                    break;
                case 6:
                    VehicleParams vehicle = VehicleProfile.CreateVehicleParams();
                    AgentConfig config = new AgentConfig();
                    config.VehicleId = Settings.VehicleId;
                    config.Thermal = PackThermalParams.From(vehicle);
                    Agent = new Agent(config, Ports, State, Forecaster, Ports, Ports, Ports);
                    Loop = new AgentLoop(Bridge, Dispatcher, Agent, Messaging, Ports, FirmwareSettings.TickPeriodMs);
                    string error;
                    if (!Agent.TryAdoptPlan(Plan, out error))
                    {
                        throw new System.InvalidOperationException("plan rejected: " + error);
                    }

                    for (int t = 0; t < 5; t++)
                    {
                        Ports.NowMs += 1000;
                        Loop.Tick();
                    }

                    // The request-id dedupe keeps the results of the latest commands: fill it (UUID-long ids).
                    for (int c = 0; c < RangeGuard.Runtime.CommandHandler.RecentIds; c++)
                    {
                        string ping = "{\"id\":\"3f2b8c1e-9a4d-4e7b-8c2f-" + (100000000000L + c).ToString() + "\"}";
                        byte[] bytes = new byte[ping.Length];
                        for (int k = 0; k < bytes.Length; k++)
                        {
                            bytes[k] = (byte)ping[k];
                        }

                        Messaging.Commands.Handle(Messaging.Topics.CommandPrefix + "ping", bytes);
                    }

                    break;
                default:
                    // Offline: alerts are never thinned or evicted, so fill with those until refused (each its own string).
                    for (int m = 0; m < Messaging.Outbox.Capacity; m++)
                    {
                        string big = new string((char)('a' + m % 26), MessageChars - 1) + "}";
                        if (!Messaging.Outbox.PostAlert(Messaging.Topics.Alerts, Messaging.Outbox.NextAlertSeq, big))
                        {
                            break;
                        }
                    }

                    break;
            }
        }

        /// <summary>A plan filled to the settings' segment and charger capacities, every charger named.</summary>
        public static RoutePlan FullPlan(DeviceSettings settings)
        {
            int segments = settings.RouteSegments;
            RoutePlan plan = new RoutePlan(segments, settings.RouteChargers);
            for (int i = 0; i < segments; i++)
            {
                RouteSegment s = new RouteSegment();
                s.LengthM = 500;
                s.ExpectedSpeedKmh = 100;
                s.SpeedLimitKmh = 110;
                plan.AddSegment(s);
            }

            float total = 500f * segments;
            for (int c = 0; c < plan.ChargerCapacity; c++)
            {
                RouteCharger ch = new RouteCharger();
                ch.PositionM = total * (c + 1) / (plan.ChargerCapacity + 1);
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
