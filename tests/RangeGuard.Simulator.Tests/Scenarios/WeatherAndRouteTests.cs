using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Scenarios
{
    [TestClass]
    public class WeatherAndRouteTests
    {
        [TestMethod]
        public void Daily_profile_should_wrap_around_midnight_and_apply_offsets_and_lapse_rate()
        {
            var w = new Weather
            {
                ByHourC = new Table1D(new[] { 6.0, 15.0, 22.0 }, new[] { -10.0, 2.0, -4.0 }),
                ByHourX = new[] { 6.0, 15.0, 22.0 },
                OffsetByKmC = new Table1D(new[] { 0.0, 100.0 }, new[] { 0.0, -2.0 }),
                LapseRateCPerKm = 6.5,
                StartElevationM = 100,
            };
            Assert.AreEqual(-4.0, w.TemperatureC(0, 10.5, 0, 100), 1e-9, "10:30 is halfway from 06:00 to 15:00");
            Assert.AreEqual(-7.0, w.TemperatureC(0, 2.0, 0, 100), 1e-9, "02:00 is halfway from 22:00 to 06:00 across midnight");
            Assert.AreEqual(-5.0, w.TemperatureC(0, 10.5, 50_000, 100), 1e-9, "km 50: -1 °C offset");
            Assert.AreEqual(-10.5, w.TemperatureC(0, 10.5, 0, 1100), 1e-9, "1 km higher: -6.5 °C");
        }

        [TestMethod]
        public void Route_lookups_should_work_forwards_and_backwards()
        {
            var route = new Route(new[]
            {
                new RoadSegment(0, 1000, 0, 100, 50, 50, "a"),
                new RoadSegment(1000, 2000, 100, 100, 100, 100, "b"),
            }, null, null);
            Assert.AreEqual(0.1, route.GradeAt(500), 1e-12);
            Assert.AreEqual(100, route.ElevationAt(2500), 1e-12);
            Assert.AreEqual(50, route.ElevationAt(500), 1e-12);
            Assert.AreEqual(0, route.SegmentIndexAt(0));
            Assert.AreEqual(1, route.SegmentIndexAt(2999));
        }

        [TestMethod]
        public void Perturbations_should_change_the_truth_or_only_what_is_reported()
        {
            RunResult Run(string perturbations, out RecordingBoardProbe probe)
            {
                JsonObject o = ScenarioJson.Node();
                o["perturbations"] = JsonNode.Parse(perturbations);
                probe = new RecordingBoardProbe();
                return new ScenarioRunner(ScenarioLoader.Parse("mini.json", o.ToJsonString()), probe).Run();
            }

            RunResult baseRun = Run("{}", out var p0);
            RunResult heavy = Run("""{ "payloadKg": 400 }""", out _);
            RunResult fast = Run("""{ "speedFactor": 1.2 }""", out _);
            RunResult wind = Run("""{ "headwindMps": 8 }""", out _);
            RunResult noisy = Run("""{ "socNoisePercent": 1.5, "seed": 7 }""", out var pn);
            Assert.IsTrue(heavy.BatteryOutKwh > baseRun.BatteryOutKwh);
            Assert.IsTrue(fast.BatteryOutKwh > baseRun.BatteryOutKwh);
            Assert.IsTrue(wind.BatteryOutKwh > baseRun.BatteryOutKwh);
            Assert.AreEqual(baseRun.FinalSocPercent, noisy.FinalSocPercent, 1e-9, "noise only affects the reported SOC");
            Assert.IsTrue(p0.ReportedMinusTrue.All(d => d == 0));
            double sd = System.Math.Sqrt(pn.ReportedMinusTrue.Select(d => d * d).Average());
            Assert.AreEqual(1.5, sd, 0.1, "reported SOC noise σ");

            // A traffic jam slows the truth; a varying driver spreads the speed but keeps the bias; a derated charger charges less.
            RunResult jam = Run("""{ "traffic": [ { "fromKm": 12, "toKm": 28, "speedKmh": 25 } ] }""", out _);
            Assert.IsTrue(jam.SimulatedS > baseRun.SimulatedS + 600, $"{jam.SimulatedS - baseRun.SimulatedS:0} s longer");
            RunResult slowCharger = Run("""{ "chargerPowerFactor": 0.3 }""", out _);
            Assert.IsTrue(slowCharger.ChargeSessions[0].SocTo < baseRun.ChargeSessions[0].SocTo - 2,
                $"{slowCharger.ChargeSessions[0].SocTo:0.0} vs {baseRun.ChargeSessions[0].SocTo:0.0} % after the same 10 min");
        }

        [TestMethod]
        public void A_varying_driver_should_spread_the_speed_around_the_bias_reproducibly()
        {
            RunResult Run(string driver, uint seed, out SpeedProbe probe)
            {
                JsonObject o = ScenarioJson.Node();
                o["driver"] = JsonNode.Parse(driver);
                o["perturbations"] = JsonNode.Parse($$"""{ "seed": {{seed}} }""");
                probe = new SpeedProbe();
                return new ScenarioRunner(ScenarioLoader.Parse("mini.json", o.ToJsonString()), probe).Run();
            }

            Run("""{ "speedFactor": 0.9 }""", 1, out SpeedProbe steady);
            Run("""{ "speedFactor": 0.9, "speedVariabilityPercent": 10, "speedCorrelationMin": 1 }""", 1, out SpeedProbe a);
            Run("""{ "speedFactor": 0.9, "speedVariabilityPercent": 10, "speedCorrelationMin": 1 }""", 1, out SpeedProbe b);
            Run("""{ "speedFactor": 0.9, "speedVariabilityPercent": 10, "speedCorrelationMin": 1 }""", 2, out SpeedProbe c);
            CollectionAssert.AreEqual(a.Speeds, b.Speeds, "same seed, same run");
            CollectionAssert.AreNotEqual(a.Speeds, c.Speeds, "another seed, another driver");
            double cruiseSteady = steady.CruiseSpeeds().Average(), cruiseVar = a.CruiseSpeeds().Average();
            Assert.AreEqual(90, cruiseSteady, 1.0, "the bias: 0.9 × 100 km/h on the open road");
            Assert.AreEqual(cruiseSteady, cruiseVar, 4.0, "variability around the same bias");
            Assert.IsTrue(a.CruiseSpeeds().Max() - a.CruiseSpeeds().Min() > 8, "the speed varies");
        }

        private sealed class SpeedProbe : IVirtualBoard
        {
            public System.Collections.Generic.List<double> Speeds { get; } = new();
            public System.Collections.Generic.List<double> Positions { get; } = new();
            public string Name => "probe";
            public bool HasAgent => false;
            public BoardView View { get; } = new();
            public void Start(BoardContext context) { }

            public void Step(in TruthSnapshot truth)
            {
                Speeds.Add(truth.SpeedKmh);
                Positions.Add(truth.PositionM);
            }

            /// <summary>Speeds on the 100 km/h segment away from its ends (km 12..28).</summary>
            public double[] CruiseSpeeds() => Speeds.Where((v, i) => Positions[i] > 12_000 && Positions[i] < 28_000).ToArray();
        }

        private sealed class RecordingBoardProbe : IVirtualBoard
        {
            public System.Collections.Generic.List<double> ReportedMinusTrue { get; } = new();
            public string Name => "probe";
            public bool HasAgent => false;
            public BoardView View { get; } = new();
            public void Start(BoardContext context) { }
            public void Step(in TruthSnapshot truth) => ReportedMinusTrue.Add(truth.SocReportedPercent - truth.SocPercent);
        }
    }
}
