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
                "places", "chargers", "weather", "forecast", "driver", "perturbations", "itinerary", "expect");
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

            // The plan is given the forecast; without one it is given the truth's weather (a perfect forecast).
            JsonCursor? fc = r.Object("forecast");
            Weather forecast = fc == null ? weather : WeatherReader.Read(fc, route);
            DriverSpec driver = ReadDriver(r.Object("driver"));
            Perturbations perturb = ReadPerturbations(r.Object("perturbations"), route);

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
                ForecastWeather = forecast,
                Driver = driver,
                Perturb = perturb,
                Itinerary = itinerary,
                ExpectAsDriven = asDriven,
                ExpectFollowingAdvice = advised,
                DestinationName = ctx.LastDestination,
            };
        }

        private static DriverSpec ReadDriver(JsonCursor? d)
        {
            if (d == null)
            {
                return DriverSpec.Default;
            }

            d.AllowOnly("followsAdvice", "speedFactor", "speedVariabilityPercent", "speedCorrelationMin", "awake");
            double from = DriverSpec.DefaultAwakeFromHour, until = DriverSpec.DefaultAwakeUntilHour;
            if (d.Has("awake"))
            {
                List<JsonCursor> a = d.Array("awake");
                if (a.Count != 2)
                {
                    d.Error("awake", "must be [\"HH:mm\", \"HH:mm\"]: from when until when the driver is awake (local time)");
                }
                else
                {
                    from = LocalHour(a[0]);
                    until = LocalHour(a[1]);
                }
            }

            return new DriverSpec(d.Bool("followsAdvice", false), d.Number("speedFactor", 1, 0.3, 2),
                d.Number("speedVariabilityPercent", 0, 0, 30), d.Number("speedCorrelationMin", DriverSpec.DefaultCorrelationS / 60, 0.5, 600) * 60,
                double.IsNaN(from) ? DriverSpec.DefaultAwakeFromHour : from, double.IsNaN(until) ? DriverSpec.DefaultAwakeUntilHour : until);
        }

        private static Perturbations ReadPerturbations(JsonCursor? pc, Route route)
        {
            if (pc == null)
            {
                return Perturbations.None;
            }

            pc.AllowOnly("speedFactor", "payloadKg", "headwindMps", "forecastTempErrorC", "socNoisePercent", "chargerPowerFactor",
                "traffic", "seed");
            var jams = new List<TrafficJam>();
            foreach (JsonCursor j in pc.Array("traffic"))
            {
                j.AllowOnly("fromKm", "toKm", "speedKmh");
                double from = j.RequiredNumber("fromKm", 0, route.LengthM / 1000);
                double to = j.RequiredNumber("toKm", 0, route.LengthM / 1000);
                if (to <= from)
                {
                    j.Error("toKm", $"must be after fromKm (got {JsonCursor.Fmt(from)} .. {JsonCursor.Fmt(to)})");
                }

                jams.Add(new TrafficJam(from * 1000, to * 1000, j.RequiredNumber("speedKmh", 5, 200)));
            }

            return new Perturbations(pc.Number("speedFactor", 1, 0.3, 2), pc.Number("payloadKg", 0, 0, 2000),
                pc.Number("headwindMps", 0, -40, 40), pc.Number("forecastTempErrorC", 0, -30, 30),
                pc.Number("socNoisePercent", 0, 0, 20), (uint)pc.Number("seed", 1, 1, uint.MaxValue))
            {
                ChargerPowerFactor = pc.Number("chargerPowerFactor", 1, 0.05, 1),
                Traffic = jams,
            };
        }

        /// <summary>A local time of day "HH:mm" as hours (NaN, with an error, if malformed).</summary>
        private static double LocalHour(JsonCursor c)
        {
            string? text = c.Element.ValueKind == System.Text.Json.JsonValueKind.String ? c.Element.GetString() : null;
            if (text != null && TimeSpan.TryParseExact(text, "hh\\:mm", CultureInfo.InvariantCulture, out TimeSpan ts))
            {
                return ts.TotalHours;
            }

            c.Error($"must be a local time of day HH:mm (got {c.Element.GetRawText()})");
            return double.NaN;
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
