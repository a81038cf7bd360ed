#nullable disable
using RangeGuard.Agents;
using RangeGuard.Can;
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
    /// The device's steady-state work, built the way firmware/RangeGuard.Firmware/Program.cs builds it (reference
    /// vehicle profile, real forecaster, the agent loop with its messaging: the device outbox, no broker), with in-memory ports. Portable C# 9 so the same file runs on
    /// nanoCLR (tests/RangeGuard.Benchmarks.Nano) and under BenchmarkDotNet on .NET (tests/RangeGuard.Benchmarks).
    /// </summary>
    public sealed class Workloads
    {
        /// <summary>One second of reference-profile traffic: 0x100 and 0x120 at 10 Hz, 0x110 at 2 Hz, 0x130 at 1 Hz.</summary>
        public static readonly string[] SecondOfFrames = BuildSecond();

        public readonly VehicleState State = new VehicleState();
        public readonly SignalDispatcher Dispatcher;
        public readonly ReplayLink Link = new ReplayLink();
        public readonly SlcanBridge Bridge;
        public readonly RoutePlan Plan;
        public readonly EnergyForecaster Forecaster;
        public readonly Agent Agent;
        public readonly AgentLoop Loop;
        public readonly BenchPorts Ports = new BenchPorts();
        public readonly byte[][] Lines;
        public readonly CanFrame[] Frames;
        private readonly byte[] _second;

        /// <summary>The firmware's messaging (Program.Messaging) with the settings' outbox sizes and its alert store (over a file store that keeps nothing), no broker link.</summary>
        public static AgentMessaging DeviceMessaging(BenchPorts ports, DeviceSettings settings)
        {
            MqttTopics topics = new MqttTopics(settings.TopicPrefix, settings.VehicleId);
            MessageOutbox outbox = new MessageOutbox(settings.OutboxMessages, settings.OutboxChars, new AlertStore(ports), ports);
            outbox.AlertTopic = topics.Alerts;
            outbox.Open();
            return new AgentMessaging(topics, outbox, null, ports, settings.RouteSegments, settings.RouteChargers);
        }

        /// <summary>The device settings of a board holding <paramref name="segments"/> (the defaults otherwise).</summary>
        public static DeviceSettings Settings(int segments)
        {
            DeviceSettings s = new DeviceSettings();
            s.RouteSegments = segments;
            return s;
        }

        public Workloads(int segments)
        {
            Dispatcher = new SignalDispatcher(SignalMapLoader.Load(VehicleProfile.SignalMapText), State);
            Bridge = new SlcanBridge(Link);
            VehicleParams vehicle = VehicleProfile.CreateVehicleParams();
            Forecaster = new EnergyForecaster(vehicle, segments);
            AgentConfig config = new AgentConfig();
            config.VehicleId = new DeviceSettings().VehicleId;
            config.Thermal = PackThermalParams.From(vehicle);
            Agent = new Agent(config, Ports, State, Forecaster, Ports, Ports, Ports);
            Loop = new AgentLoop(Bridge, Dispatcher, Agent, DeviceMessaging(Ports, Settings(segments)), Ports, FirmwareSettings.TickPeriodMs);
            Plan = BuildPlan(segments);

            Lines = new byte[SecondOfFrames.Length][];
            Frames = new CanFrame[SecondOfFrames.Length];
            int total = 0;
            for (int i = 0; i < Lines.Length; i++)
            {
                Lines[i] = Ascii(SecondOfFrames[i]);
                total += Lines[i].Length;
                int value;
                SlcanParser.Parse(Lines[i], 0, Lines[i].Length - 1, out Frames[i], out value);
            }

            _second = new byte[total];
            int at = 0;
            for (int i = 0; i < Lines.Length; i++)
            {
                System.Array.Copy(Lines[i], 0, _second, at, Lines[i].Length);
                at += Lines[i].Length;
            }

            string error;
            if (!Agent.TrySetPlan(Plan, out error))
            {
                throw new System.InvalidOperationException("plan rejected: " + error);
            }

            OneSecond(); // inputs fresh before the first measured tick
        }

        /// <summary>The route of ForecastBenchmarks: 400 m segments, varied speed, grade, cold and wind, 10 DC chargers.</summary>
        public static RoutePlan BuildPlan(int segments)
        {
            RoutePlan plan = new RoutePlan(segments);
            for (int i = 0; i < segments; i++)
            {
                RouteSegment s = new RouteSegment();
                s.LengthM = 400;
                s.ElevationChangeM = (i % 9) - 4;
                s.ExpectedSpeedKmh = 50 + i % 80;
                s.SpeedLimitKmh = 100;
                s.AmbientTempC = -5 + i % 10;
                s.HeadwindMps = (i % 5) - 2;
                plan.AddSegment(s);
            }

            const int chargers = 10;
            for (int c = 0; c < chargers; c++)
            {
                RouteCharger ch = new RouteCharger();
                ch.PositionM = 400f * segments * (c + 1) / (chargers + 1);
                ch.PowerKw = 150;
                ch.IsDc = true;
                plan.AddCharger(ch);
            }

            return plan;
        }

        /// <summary>Parses every line of one second once; returns the frames.</summary>
        public int ParseSecond()
        {
            int frames = 0;
            CanFrame frame;
            int value;
            for (int i = 0; i < Lines.Length; i++)
            {
                if (SlcanParser.Parse(Lines[i], 0, Lines[i].Length - 1, out frame, out value) == SlcanLineKind.Frame)
                {
                    frames++;
                }
            }

            return frames;
        }

        /// <summary>Dispatches every frame of one second into the vehicle state once.</summary>
        public int DispatchSecond()
        {
            long now = Ports.NowMs;
            int n = 0;
            for (int i = 0; i < Frames.Length; i++)
            {
                n += Dispatcher.Process(ref Frames[i], now);
            }

            return n;
        }

        /// <summary>One second of the main loop (AgentLoop): the second's bytes pumped through bridge and dispatcher, then the tick.</summary>
        public void OneSecond()
        {
            Ports.NowMs += 1000;
            Link.Load(_second);
            Loop.Pump();
            Loop.Tick();
        }

        /// <summary>Bytes through bridge and dispatcher only.</summary>
        public int BridgeSecond()
        {
            Link.Load(_second);
            return Bridge.Poll(Ports.NowMs, Dispatcher);
        }

        /// <summary>The loop's tick alone, Agent.Tick and the publisher (inputs kept fresh by re-stamping them, as the second's frames would).</summary>
        public void TickOnly()
        {
            Ports.NowMs += 1000;
            State.Restamp(Ports.NowMs);
            Loop.Tick();
        }

        public bool Replan()
        {
            string error;
            return Agent.TrySetPlan(Plan, out error);
        }

        private static string[] BuildSecond()
        {
            // soc 70.0 %, 380.0 V, 60.0 A, not charging | temps | 100 km/h, 0 °C, 100 km | 2,500 W
            const string battery = "t1008BC02D80E58020000\r";
            const string temps = "t1108238E4238E4000000\r";
            const string vehicle = "t12081027500010270000\r";
            const string climate = "t1302C409\r";
            string[] s = new string[23];
            int n = 0;
            for (int i = 0; i < 10; i++)
            {
                s[n++] = battery;
                s[n++] = vehicle;
                if (i == 0 || i == 5)
                {
                    s[n++] = temps;
                }
            }

            s[n++] = climate;
            return s;
        }

        private static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                b[i] = (byte)s[i];
            }

            return b;
        }
    }

    /// <summary>A link that hands out a loaded buffer once, as the UART would after one second of traffic.</summary>
    public sealed class ReplayLink : IByteLink
    {
        private byte[] _data = new byte[0];
        private int _at;

        public void Load(byte[] data)
        {
            _data = data;
            _at = 0;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _data.Length - _at;
            if (n > count)
            {
                n = count;
            }

            System.Array.Copy(_data, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
        }
    }

    /// <summary>Clock, dashboard, heater, log, device info and file store for the benchmarks: they remember nothing, so nothing grows.</summary>
    public sealed class BenchPorts : IClock, IDashboard, IHeaterRelay, ILogSink, IDeviceInfo, IFileStore
    {
        public int Length(string name)
        {
            return -1;
        }

        public int Read(string name, int offset, byte[] buffer, int index, int count)
        {
            return 0;
        }

        public void Append(string name, byte[] data, int index, int count)
        {
        }

        public void Delete(string name)
        {
        }

        public string FirmwareVersion
        {
            get { return "bench"; }
        }

        public long UptimeMs
        {
            get { return NowMs - 1767988800000; }
        }

        public long FreeMemoryBytes
        {
            get { return -1; }
        }

        public long NowMs = 1767988800000;
        private bool _on;

        public long UtcMilliseconds
        {
            get { return NowMs; }
        }

        public bool IsAckButtonDown
        {
            get { return false; }
        }

        public bool IsOn
        {
            get { return _on; }
        }

        public void SetLeds(LedPattern green, LedPattern amber, LedPattern red)
        {
        }

        public void SetBuzzer(BuzzerPattern pattern)
        {
        }

        public void SetOn(bool on)
        {
            _on = on;
        }

        public void Write(string message)
        {
        }
    }
}
