using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>
    /// Reads and validates a scenario file (schema: scenarios/README.md). All problems are collected and thrown together as an
    /// <see cref="InputException"/>, each naming the file, the JSON path and the problem.
    /// </summary>
    public static class ScenarioLoader
    {
        public static Scenario LoadFile(string path)
        {
            string name = Path.GetFileName(path);
            if (!File.Exists(path))
            {
                throw new InputException(name, "$", $"file not found: {path}");
            }

            return Parse(name, File.ReadAllText(path));
        }

        public static Scenario Parse(string fileName, string json)
        {
            var errors = new List<InputError>();
            JsonCursor? root = JsonCursor.Parse(fileName, json, errors);
            Scenario? s = null;
            if (root != null)
            {
                try
                {
                    s = Read(root);
                }
                catch (InputException ex)
                {
                    errors.AddRange(ex.Errors);
                }
            }

            if (errors.Count > 0 || s == null)
            {
                if (errors.Count == 0)
                {
                    errors.Add(new InputError(fileName, "$", "invalid scenario"));
                }

                throw new InputException(errors);
            }

            return s;
        }

        private static Scenario Read(JsonCursor r)
        {
            r.AllowOnly("$schema", "name", "description", "notes", "vehicle", "start", "cabinSetpointC", "reserve", "route",
                "places", "chargers", "weather", "driver", "perturbations", "itinerary", "expect");
            string name = r.RequiredString("name");
            string description = r.RequiredString("description");
            var notes = new List<string>();
            foreach (JsonCursor n in r.Array("notes"))
            {
                if (n.Element.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    notes.Add(n.Element.GetString() ?? string.Empty);
                }
                else
                {
                    n.Error("must be a string");
                }
            }

            VehicleParameters? vehicle = ReadVehicle(r);
            JsonCursor? start = r.Object("start", required: true);
            DateTimeOffset startTime = default;
            double soc = 90, batteryT = double.NaN, cabinT = double.NaN;
            if (start != null)
            {
                start.AllowOnly("time", "socPercent", "batteryTempC", "cabinTempC");
                startTime = ReadTime(start, "time", required: true) ?? default;
                soc = start.RequiredNumber("socPercent", 0, 100);
                batteryT = start.OptionalNumber("batteryTempC", -40, 60);
                cabinT = start.OptionalNumber("cabinTempC", -40, 70);
            }

            double setpoint = ReadSetpoint(r, "cabinSetpointC") ?? 21;
            JsonCursor? reserve = r.Object("reserve");
            double chargerReserve = reserve?.Number("chargerPercent", 10, 0, 50) ?? 10;
            double destReserve = reserve?.Number("destinationPercent", 15, 0, 50) ?? 15;
            reserve?.AllowOnly("chargerPercent", "destinationPercent");

            JsonCursor? routeC = r.Object("route", required: true);
            var places = new List<Place>();
            Route route = routeC == null ? new Route(Array.Empty<RoadSegment>(), null, null) : RouteReader.Read(routeC, places);
            RouteReader.ReadPlaces(r, route, places);
            List<ChargerSpec> chargers = RouteReader.ReadChargers(r, route, places);
            Weather weather = WeatherReader.Read(r.Object("weather", required: true), route);

            JsonCursor? drv = r.Object("driver");
            drv?.AllowOnly("followsAdvice", "speedFactor");
            var driver = new DriverSpec(drv?.Bool("followsAdvice", false) ?? false, drv?.Number("speedFactor", 1, 0.3, 2) ?? 1);

            JsonCursor? pc = r.Object("perturbations");
            Perturbations perturb = Perturbations.None;
            if (pc != null)
            {
                pc.AllowOnly("speedFactor", "payloadKg", "headwindMps", "forecastTempErrorC", "socNoisePercent", "seed");
                perturb = new Perturbations(pc.Number("speedFactor", 1, 0.3, 2), pc.Number("payloadKg", 0, 0, 2000),
                    pc.Number("headwindMps", 0, -40, 40), pc.Number("forecastTempErrorC", 0, -30, 30),
                    pc.Number("socNoisePercent", 0, 0, 20), (uint)pc.Number("seed", 1, 1, uint.MaxValue));
            }

            var ctx = new ItineraryReader.Context(route, places, chargers, setpoint);
            List<ItineraryStep> itinerary = ItineraryReader.Read(r, ctx);
            JsonCursor? expect = r.Object("expect");
            Expectations? asDriven = null, advised = null;
            if (expect != null)
            {
                expect.AllowOnly("asDriven", "followingAdvice");
                asDriven = ExpectationReader.Read(expect.Object("asDriven"), itinerary.Count);
                advised = ExpectationReader.Read(expect.Object("followingAdvice"), itinerary.Count);
            }

            if (r.Errors.Count > 0 || vehicle == null)
            {
                return null!;
            }

            double ambient0 = weather.TemperatureC(0, startTime.TimeOfDay.TotalHours, 0, route.ElevationAt(0));
            return new Scenario
            {
                Name = name,
                File = r.File,
                Description = description,
                Notes = notes,
                Vehicle = vehicle,
                Start = startTime,
                StartSocPercent = soc,
                StartBatteryTempC = double.IsNaN(batteryT) ? ambient0 : batteryT,
                StartCabinTempC = double.IsNaN(cabinT) ? ambient0 : cabinT,
                CabinSetpointC = setpoint,
                ChargerReservePercent = chargerReserve,
                DestinationReservePercent = destReserve,
                Route = route,
                Places = places,
                Chargers = chargers,
                Weather = weather,
                Driver = driver,
                Perturb = perturb,
                Itinerary = itinerary,
                ExpectAsDriven = asDriven,
                ExpectFollowingAdvice = advised,
                DestinationName = ctx.LastDestination,
            };
        }

        private static VehicleParameters? ReadVehicle(JsonCursor r)
        {
            if (!r.Has("vehicle"))
            {
                r.Error("vehicle", "is required (a preset id such as \"tesla-model-s-85-2013\", or a parameter object)");
                return null;
            }

            if (r.Element.GetProperty("vehicle").ValueKind == System.Text.Json.JsonValueKind.String)
            {
                string id = r.RequiredString("vehicle");
                try
                {
                    return VehicleLoader.LoadPreset(id, r.File, "$.vehicle");
                }
                catch (InputException ex)
                {
                    foreach (InputError e in ex.Errors)
                    {
                        r.Error("vehicle", e.File == r.File ? e.Message : $"preset file {e.File}: {e.Path}: {e.Message}");
                    }

                    return null;
                }
            }

            JsonCursor? v = r.Object("vehicle");
            return v == null ? null : VehicleLoader.Read(v);
        }

        /// <summary>A setpoint: a number in °C, or "off" (NaN). Null when absent.</summary>
        internal static double? ReadSetpoint(JsonCursor c, string field)
        {
            if (!c.Has(field))
            {
                return null;
            }

            System.Text.Json.JsonElement e = c.Element.GetProperty(field);
            if (e.ValueKind == System.Text.Json.JsonValueKind.String && e.GetString() == "off")
            {
                return double.NaN;
            }

            if (e.ValueKind != System.Text.Json.JsonValueKind.Number)
            {
                c.Error(field, "must be a temperature in °C or \"off\"");
                return null;
            }

            return c.Number(field, 21, 5, 35);
        }

        internal static DateTimeOffset? ReadTime(JsonCursor c, string field, bool required)
        {
            string? s = required ? c.RequiredString(field) : c.OptionalString(field);
            if (string.IsNullOrEmpty(s))
            {
                return null;
            }

            if (!DateTimeOffset.TryParseExact(s, new[] { "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz" },
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset t))
            {
                c.Error(field, $"must be a local time with its UTC offset, e.g. 2013-01-24T07:30:00-05:00 (got \"{s}\")");
                return null;
            }

            return t;
        }
    }
}
