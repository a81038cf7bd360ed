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
            _w200 = new Workloads(200);
            _w2000 = new Workloads(2000);
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
    }
}
