using System.Text.Json.Nodes;

namespace RangeGuard.Simulator.Tests.Scenarios
{
    /// <summary>A small valid scenario to mutate in schema tests.</summary>
    internal static class ScenarioJson
    {
        public const string Valid = """
        {
          "name": "mini",
          "description": "two segments, one charger",
          "vehicle": "rangeguard-ref",
          "start": { "time": "2025-03-01T08:00:00+01:00", "socPercent": 80 },
          "route": {
            "segments": [
              { "lengthKm": 10, "speedLimitKmh": 50, "endsAt": "Town" },
              { "lengthKm": 20, "speedLimitKmh": 100, "climbM": 100, "endsAt": "Hill" }
            ]
          },
          "chargers": [ { "name": "Town DC", "km": 10, "powerKw": 50, "type": "dc" } ],
          "weather": { "temperatureC": 5 },
          "itinerary": [
            { "action": "drive", "to": "Town DC" },
            { "action": "charge", "charger": "Town DC", "minutes": 10 },
            { "action": "park", "hours": 1 },
            { "action": "drive", "to": "Hill" }
          ],
          "expect": { "asDriven": { "outcome": "arrives" } }
        }
        """;

        public static JsonObject Node() => JsonNode.Parse(Valid)!.AsObject();
    }
}
