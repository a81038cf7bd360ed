using BenchmarkDotNet.Attributes;
using RangeGuard.Benchmarks.Device;
using RangeGuard.Ports;

namespace RangeGuard.Benchmarks
{
    /// <summary>
    /// The workloads of the interpreter benchmark (tests/RangeGuard.Benchmarks.Nano, same Workloads.cs) on .NET, so
    /// hardware-docs/testing-on-device.md can put both side by side. Per-line and per-frame figures are the reported
    /// time divided by 23 (one second of reference-profile traffic).
    /// </summary>
    [MemoryDiagnoser]
    public class DeviceWorkloadBenchmarks
    {
        private Workloads _w200 = null!;
        private Workloads _w2000 = null!;

        [GlobalSetup]
        public void Setup()
        {
            _w200 = new Workloads(200, new RingOutbox(16));
            _w2000 = new Workloads(2000, new RingOutbox(16));
        }

        [Benchmark(Description = "SlcanParser.Parse x 23 lines")]
        public int Parse23() => _w200.ParseSecond();

        [Benchmark(Description = "SignalDispatcher.Process x 23 frames")]
        public int Dispatch23() => _w200.DispatchSecond();

        [Benchmark(Description = "bridge + dispatcher, 23 frames")]
        public int Bridge23() => _w200.BridgeSecond();

        [Benchmark(Description = "AgentLoop.Tick, 200 segments")]
        public void Tick200() => _w200.TickOnly();

        [Benchmark(Description = "one second of work (23 frames + tick), 200 segments")]
        public void Second200() => _w200.OneSecond();

        [Benchmark(Description = "Agent.TrySetPlan, 200 segments")]
        public bool Replan200() => _w200.Replan();

        [Benchmark(Description = "AgentLoop.Tick, 2000 segments")]
        public void Tick2000() => _w2000.TickOnly();

        [Benchmark(Description = "Agent.TrySetPlan, 2000 segments")]
        public bool Replan2000() => _w2000.Replan();

        /// <summary>Keeps the newest messages like the firmware's RamOutbox (which this project cannot link: nullable).</summary>
        private sealed class RingOutbox : IOutbox
        {
            private readonly string[] _payloads;
            private int _next;

            public RingOutbox(int capacity) => _payloads = new string[capacity];

            public bool Post(string topic, string payload)
            {
                _payloads[_next] = payload;
                _next = (_next + 1) % _payloads.Length;
                return true;
            }
        }
    }
}
