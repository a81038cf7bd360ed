using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>Reads the route (segments or drive cycles), named places and chargers of a scenario.</summary>
    internal static class RouteReader
    {
        public const double MaxGrade = 0.25;

        public static Route Read(JsonCursor c, List<Place> places)
        {
            c.AllowOnly("startElevationM", "segments", "cycles");
            double elevation = c.Number("startElevationM", 0, -500, 6000);
            bool hasSegments = c.Has("segments");
            bool hasCycles = c.Has("cycles");
            if (hasSegments == hasCycles)
            {
                c.Error("must have either \"segments\" or \"cycles\" (not both, not neither)");
                return new Route(Array.Empty<RoadSegment>(), null, null);
            }

            if (hasCycles)
            {
                return ReadCycles(c);
            }

            var segments = new List<RoadSegment>();
            double pos = 0;
            foreach (JsonCursor s in c.Array("segments", required: true, minCount: 1))
            {
                s.AllowOnly("lengthKm", "speedLimitKmh", "speedKmh", "elevationEndM", "climbM", "name", "endsAt");
                double lengthM = s.RequiredNumber("lengthKm", 0.001, 2000) * 1000;
                double limit = s.RequiredNumber("speedLimitKmh", 5, 200);
                double typical = s.Number("speedKmh", double.IsNaN(limit) ? 50 : limit, 5, 250);
                double end = elevation;
                if (s.Has("elevationEndM") && s.Has("climbM"))
                {
                    s.Error("give either elevationEndM or climbM, not both");
                }
                else if (s.Has("elevationEndM"))
                {
                    end = s.RequiredNumber("elevationEndM", -500, 6000);
                }
                else if (s.Has("climbM"))
                {
                    end = elevation + s.RequiredNumber("climbM", -3000, 3000);
                }

                if (double.IsNaN(lengthM) || double.IsNaN(limit) || double.IsNaN(end))
                {
                    continue;
                }

                double grade = (end - elevation) / lengthM;
                if (Math.Abs(grade) > MaxGrade)
                {
                    s.Error($"grade {grade * 100:0.#} % is not a road (at most ±{MaxGrade * 100:0} %): check lengthKm and the elevation");
                }

                string? name = s.OptionalString("name");
                segments.Add(new RoadSegment(pos, lengthM, elevation, end, limit, typical, name));
                pos += lengthM;
                elevation = end;
                string? endsAt = s.OptionalString("endsAt");
                if (endsAt != null)
                {
                    AddPlace(s, "endsAt", places, new Place(endsAt, pos));
                }
            }

            return new Route(segments, null, null);
        }

        public static void ReadPlaces(JsonCursor root, Route route, List<Place> places)
        {
            foreach (JsonCursor p in root.Array("places"))
            {
                p.AllowOnly("name", "km");
                string name = p.RequiredString("name");
                double km = p.RequiredNumber("km", 0, route.LengthM / 1000 + 1e-9);
                if (name.Length > 0 && !double.IsNaN(km))
                {
                    AddPlace(p, "name", places, new Place(name, km * 1000));
                }
            }
        }

        public static List<ChargerSpec> ReadChargers(JsonCursor root, Route route, List<Place> places)
        {
            var chargers = new List<ChargerSpec>();
            foreach (JsonCursor ch in root.Array("chargers"))
            {
                ch.AllowOnly("name", "km", "powerKw", "type");
                string name = ch.RequiredString("name");
                double km = ch.RequiredNumber("km", 0, route.LengthM / 1000 + 1e-9);
                double kw = ch.RequiredNumber("powerKw", 0.5, 1000);
                bool dc = ch.Choice("type", "ac", "ac", "dc") == "dc";
                if (name.Length == 0 || double.IsNaN(km) || double.IsNaN(kw))
                {
                    continue;
                }

                foreach (ChargerSpec other in chargers)
                {
                    if (string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        ch.Error("name", $"duplicate charger name \"{name}\"");
                    }
                }

                chargers.Add(new ChargerSpec(name, km * 1000, kw, dc));
            }

            return chargers;
        }

        private static Route ReadCycles(JsonCursor c)
        {
            var speeds = new List<double>();
            var parts = new List<string>();
            foreach (JsonCursor cy in c.Array("cycles", required: true, minCount: 1))
            {
                cy.AllowOnly("cycle", "repeat");
                string name = cy.RequiredString("cycle");
                int repeat = (int)cy.Number("repeat", 1, 1, 100);
                if (name.Length == 0)
                {
                    continue;
                }

                double[] trace;
                try
                {
                    trace = DriveCycle.Load(name);
                }
                catch (InputException ex)
                {
                    cy.Error("cycle", ex.Errors[0].Message);
                    continue;
                }

                for (int k = 0; k < repeat; k++)
                {
                    // Consecutive cycles share the standstill sample at the joint.
                    int from = speeds.Count == 0 ? 0 : 1;
                    for (int i = from; i < trace.Length; i++)
                    {
                        speeds.Add(trace[i]);
                    }
                }

                parts.Add(repeat == 1 ? name : $"{repeat}×{name}");
            }

            return speeds.Count < 2
                ? new Route(Array.Empty<RoadSegment>(), null, null)
                : new Route(Array.Empty<RoadSegment>(), speeds.ToArray(), string.Join(" + ", parts));
        }

        private static void AddPlace(JsonCursor c, string field, List<Place> places, Place place)
        {
            foreach (Place p in places)
            {
                if (string.Equals(p.Name, place.Name, StringComparison.OrdinalIgnoreCase))
                {
                    c.Error(field, $"duplicate place name \"{place.Name}\"");
                    return;
                }
            }

            places.Add(place);
        }
    }
}
