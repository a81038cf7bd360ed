using System;
using System.Collections.Generic;
using System.Globalization;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>
    /// Reads the itinerary and checks it against the route as planned: drives go forward along the path, a charge happens
    /// where its charger is, a plugged park has an outlet.
    /// </summary>
    internal static class ItineraryReader
    {
        /// <summary>How far from a charger the car may be and still plug in, m.</summary>
        public const double ChargerReachM = 1500;

        public sealed class Context
        {
            public Context(Route route, List<Place> places, List<ChargerSpec> chargers, double defaultSetpointC)
            {
                Route = route;
                Places = places;
                Chargers = chargers;
                DefaultSetpointC = defaultSetpointC;
            }

            public Route Route { get; }
            public List<Place> Places { get; }
            public List<ChargerSpec> Chargers { get; }
            public double DefaultSetpointC { get; }
            public string LastDestination { get; set; } = string.Empty;
        }

        public static List<ItineraryStep> Read(JsonCursor root, Context ctx)
        {
            var steps = new List<ItineraryStep>();
            double pos = 0;
            List<JsonCursor> items = root.Array("itinerary", required: true, minCount: 1);
            for (int i = 0; i < items.Count; i++)
            {
                JsonCursor c = items[i];
                string action = c.Choice("action", "", "drive", "park", "charge");
                if (!c.Has("action"))
                {
                    c.Error("action", "is required (drive, park or charge)");
                    continue;
                }

                ItineraryStep? step = action switch
                {
                    "drive" => ReadDrive(c, i, ctx, ref pos),
                    "park" => ReadPark(c, i),
                    "charge" => ReadCharge(c, i, ctx, pos),
                    _ => null,
                };
                if (step != null)
                {
                    steps.Add(step);
                }
            }

            return steps;
        }

        private static ItineraryStep? ReadDrive(JsonCursor c, int index, Context ctx, ref double pos)
        {
            c.AllowOnly("action", "label", "to", "toKm", "maxSpeedKmh", "speedFactor", "cabinSetpointC", "heaterMaxKw", "extraKm",
                "extraSpeedKmh", "ifAdvised");
            double toM = double.NaN;
            string toName = string.Empty;
            if (c.Has("to") == c.Has("toKm"))
            {
                c.Error("needs exactly one of \"to\" (a place or charger name) or \"toKm\"");
            }
            else if (c.Has("to"))
            {
                toName = c.RequiredString("to");
                toM = Resolve(toName, ctx);
                if (double.IsNaN(toM) && toName.Length > 0)
                {
                    c.Error("to", $"unknown place or charger \"{toName}\" (known: {KnownNames(ctx)})");
                }
            }
            else
            {
                double routeKm = ctx.Route.LengthM / 1000;
                toM = c.RequiredNumber("toKm", 0, routeKm + 1e-9) * 1000;
                toName = double.IsNaN(toM) ? string.Empty : $"km {toM / 1000:0.#}";
            }

            if (!double.IsNaN(toM) && toM <= pos + 1)
            {
                c.Error(c.Has("to") ? "to" : "toKm", $"is at km {toM / 1000:0.#}, not ahead of the car (km {pos / 1000:0.#} at this step)");
            }

            var step = new ItineraryStep
            {
                Kind = StepKind.Drive,
                Index = index,
                Path = c.Path,
                Label = c.OptionalString("label") ?? $"drive to {toName}",
                ToM = toM,
                ToName = toName,
                MaxSpeedKmh = c.OptionalNumber("maxSpeedKmh", 10, 250),
                SpeedFactor = c.OptionalNumber("speedFactor", 0.3, 2),
                CabinSetpointC = ScenarioLoader.ReadSetpoint(c, "cabinSetpointC"),
                HeaterCapW = c.Number("heaterMaxKw", double.PositiveInfinity, 0, 30) * 1000,
                ExtraM = c.Number("extraKm", 0, 0, 50) * 1000,
                ExtraSpeedKmh = c.Number("extraSpeedKmh", 20, 5, 60),
            };
            JsonCursor? adv = c.Object("ifAdvised");
            if (adv != null)
            {
                adv.AllowOnly("maxSpeedKmh", "speedFactor", "cabinSetpointC", "heaterMaxKw");
                step = step with
                {
                    IfAdvised = step with
                    {
                        MaxSpeedKmh = adv.Has("maxSpeedKmh") ? adv.OptionalNumber("maxSpeedKmh", 10, 250) : step.MaxSpeedKmh,
                        SpeedFactor = adv.Has("speedFactor") ? adv.OptionalNumber("speedFactor", 0.3, 2) : step.SpeedFactor,
                        CabinSetpointC = ScenarioLoader.ReadSetpoint(adv, "cabinSetpointC") ?? step.CabinSetpointC,
                        HeaterCapW = adv.Has("heaterMaxKw") ? adv.Number("heaterMaxKw", 0, 0, 30) * 1000 : step.HeaterCapW,
                    },
                };
            }

            if (!double.IsNaN(toM))
            {
                pos = toM;
                ctx.LastDestination = toName;
            }

            return step;
        }

        private static ItineraryStep? ReadPark(JsonCursor c, int index)
        {
            c.AllowOnly("action", "label", "hours", "minutes", "until", "plugged", "outletKw", "cabinSetpointC", "ifAdvised");
            int given = (c.Has("hours") ? 1 : 0) + (c.Has("minutes") ? 1 : 0) + (c.Has("until") ? 1 : 0);
            if (given != 1)
            {
                c.Error("needs exactly one of \"hours\", \"minutes\" or \"until\" (local time HH:mm)");
            }

            double duration = c.Has("hours") ? c.Number("hours", 0, 0, 24 * 14) * 3600 : c.Number("minutes", 0, 0, 60 * 24 * 14) * 60;
            double until = double.NaN;
            string? untilText = c.OptionalString("until");
            if (untilText != null)
            {
                if (TimeSpan.TryParseExact(untilText, "hh\\:mm", CultureInfo.InvariantCulture, out TimeSpan ts))
                {
                    until = ts.TotalHours;
                }
                else
                {
                    c.Error("until", $"must be a local time of day HH:mm (got \"{untilText}\")");
                }
            }

            bool plugged = c.Bool("plugged", false);
            double outlet = c.Number("outletKw", 0, 0, 50);
            if (plugged && outlet <= 0)
            {
                c.Error("outletKw", "is required (> 0) when plugged is true");
            }

            var step = new ItineraryStep
            {
                Kind = StepKind.Park,
                Index = index,
                Path = c.Path,
                Label = c.OptionalString("label") ?? "park",
                DurationS = duration,
                UntilLocalHour = until,
                Plugged = plugged,
                OutletKw = outlet,
                CabinSetpointC = ScenarioLoader.ReadSetpoint(c, "cabinSetpointC") ?? double.NaN,
            };
            JsonCursor? adv = c.Object("ifAdvised");
            if (adv != null)
            {
                adv.AllowOnly("plugged", "outletKw", "cabinSetpointC");
                double advOutlet = adv.Number("outletKw", outlet, 0, 50);
                bool advPlugged = adv.Bool("plugged", plugged);
                if (advPlugged && advOutlet <= 0)
                {
                    adv.Error("outletKw", "is required (> 0) when plugged is true");
                }

                step = step with
                {
                    IfAdvised = step with
                    {
                        Plugged = advPlugged,
                        OutletKw = advOutlet,
                        CabinSetpointC = ScenarioLoader.ReadSetpoint(adv, "cabinSetpointC") ?? step.CabinSetpointC,
                    },
                };
            }

            return step;
        }

        private static ItineraryStep? ReadCharge(JsonCursor c, int index, Context ctx, double pos)
        {
            c.AllowOnly("action", "label", "charger", "minutes", "toSocPercent", "cabinSetpointC", "ifAdvised");
            string name = c.RequiredString("charger");
            int ci = -1;
            for (int i = 0; i < ctx.Chargers.Count; i++)
            {
                if (string.Equals(ctx.Chargers[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    ci = i;
                }
            }

            if (ci < 0 && name.Length > 0)
            {
                var names = new List<string>();
                ctx.Chargers.ForEach(ch => names.Add(ch.Name));
                c.Error("charger", $"unknown charger \"{name}\" (known: {string.Join(", ", names)})");
            }
            else if (ci >= 0 && Math.Abs(ctx.Chargers[ci].PositionM - pos) > ChargerReachM)
            {
                c.Error("charger", $"\"{name}\" is at km {ctx.Chargers[ci].PositionM / 1000:0.#}, but the car is at km {pos / 1000:0.#} at this step");
            }

            if (!c.Has("minutes") && !c.Has("toSocPercent"))
            {
                c.Error("needs \"minutes\", \"toSocPercent\" or both (charging stops at whichever comes first)");
            }

            var step = new ItineraryStep
            {
                Kind = StepKind.Charge,
                Index = index,
                Path = c.Path,
                Label = c.OptionalString("label") ?? $"charge at {name}",
                ChargerIndex = ci,
                Minutes = c.OptionalNumber("minutes", 0, 24 * 60),
                ToSocPercent = c.OptionalNumber("toSocPercent", 1, 100),
                CabinSetpointC = ScenarioLoader.ReadSetpoint(c, "cabinSetpointC") ?? double.NaN,
            };
            JsonCursor? adv = c.Object("ifAdvised");
            if (adv != null)
            {
                adv.AllowOnly("minutes", "toSocPercent");
                step = step with
                {
                    IfAdvised = step with
                    {
                        Minutes = adv.Has("minutes") ? adv.OptionalNumber("minutes", 0, 24 * 60) : step.Minutes,
                        ToSocPercent = adv.Has("toSocPercent") ? adv.OptionalNumber("toSocPercent", 1, 100) : step.ToSocPercent,
                    },
                };
            }

            return step;
        }

        private static double Resolve(string name, Context ctx)
        {
            foreach (Place p in ctx.Places)
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return p.PositionM;
                }
            }

            foreach (ChargerSpec ch in ctx.Chargers)
            {
                if (string.Equals(ch.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return ch.PositionM;
                }
            }

            return double.NaN;
        }

        private static string KnownNames(Context ctx)
        {
            var names = new List<string>();
            ctx.Places.ForEach(p => names.Add(p.Name));
            ctx.Chargers.ForEach(ch => names.Add(ch.Name));
            return names.Count == 0 ? "none" : string.Join(", ", names);
        }
    }
}
