using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Forecast;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Tests.Scenarios;

namespace RangeGuard.Simulator.Tests.Running
{
    [TestClass]
    public class RoutePlanBuilderTests
    {
        [TestMethod]
        public void The_plan_should_cover_the_route_in_pieces_of_at_most_2_km_with_the_chargers()
        {
            Scenario s = ScenarioLoader.Parse("mini.json", ScenarioJson.Valid);
            var plan = new RoutePlan();
            Assert.IsTrue(RoutePlanBuilder.Fill(s, plan));
            Assert.AreEqual(15, plan.SegmentCount, "10 km → 5 pieces, 20 km → 10 pieces");
            double length = 0, climb = 0;
            for (int i = 0; i < plan.SegmentCount; i++)
            {
                length += plan.Segments[i].LengthM;
                climb += plan.Segments[i].ElevationChangeM;
                Assert.AreEqual(5f, plan.Segments[i].AmbientTempC, 1e-5f);
            }

            Assert.AreEqual(30_000, length, 0.1);
            Assert.AreEqual(100, climb, 0.01);
            Assert.AreEqual(1, plan.ChargerCount);
            Assert.AreEqual(10_000f, plan.Chargers[0].PositionM);
            Assert.IsTrue(plan.Chargers[0].IsDc);
            Assert.AreEqual("Hill", plan.DestinationName);
        }

        [TestMethod]
        public void The_forecast_error_should_shift_the_planned_temperatures_and_broder_should_fit()
        {
            var o = ScenarioJson.Node();
            o["perturbations"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "forecastTempErrorC": 3 }""");
            var plan = new RoutePlan();
            Assert.IsTrue(RoutePlanBuilder.Fill(ScenarioLoader.Parse("mini.json", o.ToJsonString()), plan));
            Assert.AreEqual(8f, plan.Segments[0].AmbientTempC, 1e-5f);
            Assert.IsTrue(RoutePlanBuilder.Fill(ScenarioCatalog.Load("broder-2013"), plan));
            Assert.IsTrue(plan.SegmentCount > 300 && plan.SegmentCount < RoutePlan.MaxSegments);
            Assert.IsTrue(RoutePlanBuilder.Fill(ScenarioCatalog.Load("summer-commute"), plan));
            Assert.IsTrue(plan.SegmentCount > 100);
        }

        [TestMethod]
        public void The_plan_should_get_the_forecast_and_the_road_speeds_while_the_truth_drives_its_own_weather_and_driver()
        {
            var o = ScenarioJson.Node();
            o["weather"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "temperatureC": -5, "headwindMps": 6 }""");
            o["forecast"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "temperatureC": 2 }""");
            o["driver"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "speedFactor": 1.2, "speedVariabilityPercent": 5 }""");
            o["perturbations"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "headwindMps": 3, "forecastTempErrorC": -1 }""");
            Scenario s = ScenarioLoader.Parse("mini.json", o.ToJsonString());
            var plan = new RoutePlan();
            Assert.IsTrue(RoutePlanBuilder.Fill(s, plan));
            Assert.AreEqual(1f, plan.Segments[0].AmbientTempC, 1e-5f, "forecast 2 °C plus the forecast error -1 °C, not the truth's -5 °C");
            Assert.AreEqual(0f, plan.Segments[0].HeadwindMps, 1e-6f, "the forecast has no wind; the truth's 6 + 3 m/s stay unknown");
            Assert.AreEqual(50f, plan.Segments[0].ExpectedSpeedKmh, 1e-4f, "the road's speed, not the driver's bias");
            Assert.AreEqual(-5, s.Weather.TemperatureC(0, 8, 0, 0), 1e-9);
        }
    }
}
