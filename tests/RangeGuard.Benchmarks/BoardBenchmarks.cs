using BenchmarkDotNet.Attributes;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Benchmarks
{
    /// <summary>
    /// One virtual-board step: the truth snapshot encoded through the reference DBC into 23 CAN frames, SLCAN text, the
    /// in-process pipe, the bridge's parser, the signal dispatcher, then one Agent.Tick with the EnergyForecaster on the
    /// Broder route (drive leg Rockville → Newark, 87 segments), and the board's view mapping. Compare the SLCAN step alone.
    /// </summary>
    [MemoryDiagnoser]
    public class BoardBenchmarks
    {
        private AgentBoard _board = null!;
        private TruthCanEncoder _encoder = null!;
        private readonly byte[] _buffer = new byte[4096];
        private TruthSnapshot _truth;
        private long _t0;
        private long _tick;

        [GlobalSetup]
        public void Setup()
        {
            Scenario s = ScenarioCatalog.Load("broder-2013");
            _board = new AgentBoard();
            _board.Start(new BoardContext(s, false));
            _encoder = _board.Encoder;
            _t0 = s.Start.ToUnixTimeMilliseconds();
            _truth = new TruthSnapshot
            {
                Phase = CarPhase.Driving, SocPercent = 70, SocReportedPercent = 70, PackVoltageV = 380, PackCurrentA = 60,
                BatteryTempC = 12, BatteryTempMinC = 11, BatteryTempMaxC = 13, AmbientTempC = -2, SpeedKmh = 105,
                OdometerKm = 100, HvacPowerW = 2500, NextDepartureUnixMs = -1, ChargerIndex = -1,
            };
            _truth.TimeUnixMs = _t0;
            _board.Step(in _truth); // first step sets the plan
        }

        [Benchmark(Description = "board step: CAN encode + SLCAN + decode + Agent.Tick")]
        public int AgentTickWithCan()
        {
            _tick++;
            _truth.TimeUnixMs = _t0 + _tick * 1000;
            _truth.ElapsedS = _tick;
            _truth.PositionM = (_tick * 29) % 150_000;
            _truth.OdometerKm = 100 + _truth.PositionM / 1000;
            _board.Step(in _truth);
            return _board.View.Alerts.Count;
        }

        [Benchmark(Description = "truth -> 23 frames -> SLCAN text only")]
        public int EncodeOnly() => _encoder.EncodeStep(in _truth, _buffer, 0);
    }
}
