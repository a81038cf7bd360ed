using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Tests.Scenarios
{
    [TestClass]
    public class ScenarioSchemaTests
    {
        private static string[] Errors(string json)
        {
            try
            {
                ScenarioLoader.Parse("t.json", json);
            }
            catch (InputException ex)
            {
                return ex.Errors.Select(e => e.ToString()).ToArray();
            }

            Assert.Fail("expected the scenario to be rejected");
            return Array.Empty<string>();
        }

        private static string[] Errors(Action<JsonObject> mutate)
        {
            JsonObject o = ScenarioJson.Node();
            mutate(o);
            return Errors(o.ToJsonString());
        }

        private static void AssertHas(string[] errors, string expected)
            => Assert.IsTrue(errors.Contains(expected), $"expected \"{expected}\" among:\n{string.Join("\n", errors)}");

        [TestMethod]
        public void The_valid_sample_should_load_with_positions_resolved()
        {
            Scenario s = ScenarioLoader.Parse("t.json", ScenarioJson.Valid);
            Assert.AreEqual(30_000, s.Route.LengthM, 1e-6);
            Assert.AreEqual(10_000, s.Itinerary[0].ToM, 1e-6);
            Assert.AreEqual(30_000, s.Itinerary[3].ToM, 1e-6);
            Assert.AreEqual("Hill", s.DestinationName);
            Assert.AreEqual(5.0, s.StartBatteryTempC, 1e-9, "battery starts at ambient when not given");
        }

        [TestMethod]
        public void Negative_park_hours_should_name_the_path()
            => AssertHas(Errors(o => o["itinerary"]![2]!["hours"] = -1), "t.json: $.itinerary[2].hours: must be >= 0 (got -1)");

        [TestMethod]
        public void A_missing_required_field_should_name_the_path()
            => AssertHas(Errors(o => o.Remove("description")), "t.json: $.description: is required");

        [TestMethod]
        public void A_wrong_type_should_name_the_path()
            => AssertHas(Errors(o => o["start"]!["socPercent"] = "full"), "t.json: $.start.socPercent: must be a number, not a string");

        [TestMethod]
        public void An_unknown_field_should_suggest_the_closest_name()
            => AssertHas(Errors(o => o["itinerary"]![0]!["too"] = "x"), "t.json: $.itinerary[0].too: unknown field (did you mean \"to\"?)");

        [TestMethod]
        public void An_unknown_charger_should_list_the_known_ones()
            => AssertHas(Errors(o => o["itinerary"]![1]!["charger"] = "Nowhere"), "t.json: $.itinerary[1].charger: unknown charger \"Nowhere\" (known: Town DC)");

        [TestMethod]
        public void Charging_away_from_the_charger_should_be_rejected()
        {
            string[] errors = Errors(o =>
            {
                o["itinerary"]![0]!["to"] = "Hill";
                o["itinerary"]![3]!["to"] = "Town";
            });
            AssertHas(errors, "t.json: $.itinerary[1].charger: \"Town DC\" is at km 10, but the car is at km 30 at this step");
            AssertHas(errors, "t.json: $.itinerary[3].to: is at km 10, not ahead of the car (km 30 at this step)");
        }

        [TestMethod]
        public void An_absurd_grade_should_be_rejected()
            => AssertHas(Errors(o => o["route"]!["segments"]![1]!["climbM"] = 9000), "t.json: $.route.segments[1].climbM: must be <= 3000 (got 9000)");

        [TestMethod]
        public void A_steep_grade_should_be_rejected_with_its_value()
            => AssertHas(Errors(o => o["route"]!["segments"]![0]!["climbM"] = 3000), "t.json: $.route.segments[0]: grade 30 % is not a road (at most ±25 %): check lengthKm and the elevation");

        [TestMethod]
        public void An_unknown_vehicle_preset_should_list_the_presets()
        {
            string[] errors = Errors(o => o["vehicle"] = "delorean");
            Assert.IsTrue(errors.Any(e => e.StartsWith("t.json: $.vehicle: unknown vehicle preset \"delorean\" (known: ", StringComparison.Ordinal)
                && e.Contains("tesla-model-s-85-2013", StringComparison.Ordinal)), string.Join("\n", errors));
        }

        [TestMethod]
        public void A_bad_choice_should_list_the_allowed_values()
            => AssertHas(Errors(o => o["itinerary"]![2]!["action"] = "nap"), "t.json: $.itinerary[2].action: must be one of drive, park, charge (got \"nap\")");

        [TestMethod]
        public void A_table_must_increase()
            => AssertHas(Errors(o => o["weather"] = JsonNode.Parse("""{ "temperatureByHourC": [[6, 1], [6, 2]] }""")),
                "t.json: $.weather.temperatureByHourC[1]: x = 6 must be greater than the previous x = 6");

        [TestMethod]
        public void Invalid_json_should_give_the_line()
        {
            string[] errors = Errors("{\n  \"name\": \"x\",\n  oops\n}");
            Assert.AreEqual(1, errors.Length);
            StringAssert.StartsWith(errors[0], "t.json: $: invalid JSON at line 3");
        }

        [TestMethod]
        public void A_bad_time_should_show_the_expected_format()
            => AssertHas(Errors(o => o["start"]!["time"] = "tomorrow"),
                "t.json: $.start.time: must be a local time with its UTC offset, e.g. 2013-01-24T07:30:00-05:00 (got \"tomorrow\")");

        [TestMethod]
        public void A_charge_without_a_limit_and_a_plugged_park_without_outlet_should_be_rejected()
        {
            string[] errors = Errors(o =>
            {
                o["itinerary"]![1]!.AsObject().Remove("minutes");
                o["itinerary"]![2]!["plugged"] = true;
            });
            AssertHas(errors, "t.json: $.itinerary[1]: needs \"minutes\", \"toSocPercent\" or both (charging stops at whichever comes first)");
            AssertHas(errors, "t.json: $.itinerary[2].outletKw: is required (> 0) when plugged is true");
        }

        [TestMethod]
        public void All_errors_should_be_reported_at_once()
        {
            string[] errors = Errors(o =>
            {
                o["start"]!["socPercent"] = 120;
                o["itinerary"]![2]!["hours"] = -1;
                o["expect"]!["asDriven"]!["outcome"] = "maybe";
            });
            Assert.AreEqual(3, errors.Length, string.Join("\n", errors));
        }

        [TestMethod]
        public void Drive_cycles_should_concatenate_and_unknown_cycles_be_named()
        {
            JsonObject o = ScenarioJson.Node();
            o["route"] = JsonNode.Parse("""{ "cycles": [ { "cycle": "udds" }, { "cycle": "hwfet", "repeat": 2 } ] }""");
            o["chargers"] = new JsonArray();
            o["itinerary"] = JsonNode.Parse("""[ { "action": "drive", "toKm": 40 } ]""");
            Scenario s = ScenarioLoader.Parse("t.json", o.ToJsonString());
            Assert.AreEqual(11.99 + 2 * 16.51, s.Route.LengthM / 1000, 0.05);
            Assert.AreEqual(1369 + 2 * 765, s.Route.CycleDurationS, 1e-9);

            o["route"] = JsonNode.Parse("""{ "cycles": [ { "cycle": "nedc" } ] }""");
            AssertHas(Errors(o.ToJsonString()), "t.json: $.route.cycles[0].cycle: unknown drive cycle (known: hwfet, udds, us06, wltc_3b)");
        }

        [TestMethod]
        public void Driver_profile_forecast_and_perturbations_should_load_with_defaults_and_bad_values_named()
        {
            Scenario plain = ScenarioLoader.Parse("t.json", ScenarioJson.Valid);
            Assert.AreSame(plain.Weather, plain.ForecastWeather, "no forecast given: the plan gets the truth's weather");
            Assert.AreEqual(DriverSpec.DefaultAwakeFromHour, plain.Driver.AwakeFromHour);
            Assert.IsFalse(plain.Driver.AwakeAt(3.0), "asleep at 03:00 by default");
            Assert.IsTrue(plain.Driver.AwakeAt(21.25), "awake at 21:15 by default");
            Assert.AreEqual(1.0, plain.Perturb.ChargerPowerFactor);

            JsonObject o = ScenarioJson.Node();
            o["driver"] = JsonNode.Parse("""{ "speedFactor": 1.1, "speedVariabilityPercent": 6, "speedCorrelationMin": 5, "awake": ["22:00", "05:00"] }""");
            o["perturbations"] = JsonNode.Parse("""{ "chargerPowerFactor": 0.5, "traffic": [ { "fromKm": 12, "toKm": 15, "speedKmh": 20 } ] }""");
            Scenario s = ScenarioLoader.Parse("t.json", o.ToJsonString());
            Assert.AreEqual(300, s.Driver.SpeedCorrelationS, 1e-9);
            Assert.IsTrue(s.Driver.AwakeAt(3.0) && !s.Driver.AwakeAt(12.0), "a night-shift window wraps around midnight");
            Assert.AreEqual(new TrafficJam(12_000, 15_000, 20), s.Perturb.Traffic[0]);
            Assert.AreEqual(0.5, s.Perturb.ChargerPowerFactor);

            string[] errors = Errors(n =>
            {
                n["driver"] = JsonNode.Parse("""{ "awake": ["7:00 am", "22:00"], "speedVariabilityPercent": 90 }""");
                n["perturbations"] = JsonNode.Parse("""{ "traffic": [ { "fromKm": 20, "toKm": 10, "speedKmh": 20 } ], "chargerPowerFactor": 0 }""");
                n["forecast"] = JsonNode.Parse("""{ "sunshine": 0.2 }""");
            });
            AssertHas(errors, "t.json: $.driver.awake[0]: must be a local time of day HH:mm (got \"7:00 am\")");
            AssertHas(errors, "t.json: $.driver.speedVariabilityPercent: must be <= 30 (got 90)");
            AssertHas(errors, "t.json: $.perturbations.traffic[0].toKm: must be after fromKm (got 20 .. 10)");
            AssertHas(errors, "t.json: $.perturbations.chargerPowerFactor: must be >= 0.05 (got 0)");
            AssertHas(errors, "t.json: $.forecast: needs temperatureC, temperatureByHourC or temperatureByElapsedHoursC");
        }
    }
}
