using BenchmarkDotNet.Attributes;
using RangeGuard.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Benchmarks
{
    /// <summary>Full re-plan (validation + O(n) precompute) and one 1 Hz tick at 100, 1,000 and 2,000 segments.</summary>
    [MemoryDiagnoser]
    public class ForecastBenchmarks
    {
        private RoutePlan _plan = new RoutePlan();
        private EnergyForecaster _forecaster = new EnergyForecaster(VehicleParams.Preset(VehiclePresets.Reference));
        private readonly ForecastResult _result = new ForecastResult();
        private ForecastInputs _inputs;
        private long _tick;

        [Params(100, 1000, 2000)]
        public int Segments { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _plan = new RoutePlan();
            for (int i = 0; i < Segments; i++)
            {
                _plan.AddSegment(new RouteSegment
                {
                    LengthM = 400, ElevationChangeM = (i % 9) - 4, ExpectedSpeedKmh = 50 + i % 80, SpeedLimitKmh = 100,
                    AmbientTempC = -5 + i % 10, HeadwindMps = (i % 5) - 2,
                });
            }

            // Same 10 chargers at every size, so the tick figures show the cost against route length alone.
            const int chargers = 10;
            for (int c = 0; c < chargers; c++)
            {
                _plan.AddCharger(new RouteCharger { PositionM = 400f * Segments * (c + 1) / (chargers + 1), PowerKw = 150, IsDc = true });
            }

            _forecaster = new EnergyForecaster(VehicleParams.Preset(VehiclePresets.Reference));
            _forecaster.TrySetPlan(_plan, out _);
            _inputs = new ForecastInputs { SocPercent = 70, BatteryTempC = 5, AmbientTempC = -5, SpeedKmh = 90, BatteryPowerW = 18000, InputsValid = true };
        }

        [Benchmark]
        public bool TrySetPlan() => _forecaster.TrySetPlan(_plan, out _);

        [Benchmark]
        public float Tick()
        {
            // Walks forward 25 m per tick and wraps, like a car driving the route.
            _tick++;
            _inputs.TimeMs = _tick * 1000;
            _inputs.PositionM = (_tick * 25) % (400 * Segments);
            _forecaster.Tick(_inputs, _result);
            return _result.Destination.EnergyNeededKwh;
        }
    }
}
