using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using RangeGuard.Dbc;
using RangeGuard.State;

namespace RangeGuard.Host.Profiles
{
    /// <summary>
    /// Reads a signal profile file (key=value, documented in hardware-docs/signal-maps.md):
    /// <code>
    /// profile=my-car
    /// title=My car (bus 0, opendbc my_car.dbc)
    /// dbc=my_car.dbc
    /// note=No HVAC power signal: hvac_power_w stays missing.
    /// # comment lines directly above an entry are copied into the map
    /// input=soc_pct signal=BMS_SoC.SoC bus=0 maxage=5000 sentinel=0xFE,SNA min=0 max=100
    /// input=pack_current_a signal=BMS_Power.Current positive=charge
    /// input=speed_kmh signal=Wheels.FL combine=avg
    /// </code>
    /// Every problem is collected with its line; <see cref="ProfileException"/> lists them all.
    /// </summary>
    public static class ProfileReader
    {
        private static readonly string[] s_entryKeys = { "input", "signal", "bus", "combine", "min", "max", "sentinel", "positive", "scale", "add", "maxage" };

        public static SignalProfile ReadFile(string path) => Read(File.ReadAllText(path), Path.GetFileName(path));

        public static SignalProfile Read(string text, string source)
        {
            var errors = new List<string>();
            var notes = new List<string>();
            var entries = new List<ProfileEntry>();
            var comments = new List<string>();
            string? name = null, title = null, dbc = null;
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                int lineNo = i + 1;
                void Error(string reason) => errors.Add($"{source}:{lineNo}: {reason}");

                if (line.Length == 0)
                {
                    comments.Clear();
                    continue;
                }

                if (line[0] == '#')
                {
                    comments.Add(line.Substring(1).Trim());
                    continue;
                }

                int eq = line.IndexOf('=');
                string key = eq > 0 ? line.Substring(0, eq).Trim() : "";
                if (key == "input")
                {
                    ProfileEntry? entry = ReadEntry(line, lineNo, Error);
                    if (entry != null)
                    {
                        entries.Add(entry with { Comments = comments.ToArray() });
                    }

                    comments.Clear();
                    continue;
                }

                comments.Clear();
                string value = eq > 0 ? line.Substring(eq + 1).Trim() : "";
                switch (key)
                {
                    case "profile":
                        if (name != null)
                        {
                            Error("second profile= line");
                        }
                        else if (!IsName(value))
                        {
                            Error($"profile name '{value}' must be lower-case letters, digits, '-', '_' or '.' (it names the map and the vehicle folder)");
                        }

                        name ??= value;
                        break;
                    case "title":
                        title = value;
                        break;
                    case "dbc":
                        dbc = value.Length > 0 ? value : null;
                        break;
                    case "note":
                        notes.Add(value);
                        break;
                    default:
                        Error(eq <= 0
                            ? $"expected key=value, got '{Shorten(line)}'"
                            : $"unknown key '{key}' (header keys: profile, title, dbc, note; entries start with input=)");
                        break;
                }
            }

            if (name == null)
            {
                errors.Add($"{source}: no profile=NAME line");
            }

            if (entries.Count == 0 && errors.Count == 0)
            {
                errors.Add($"{source}: no input= lines: map at least one agent input");
            }

            if (errors.Count > 0)
            {
                throw new ProfileException(errors);
            }

            return new SignalProfile(source, name!, title ?? name!, dbc, notes, entries);
        }

        private static ProfileEntry? ReadEntry(string line, int lineNo, Action<string> error)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            bool ok = true;
            foreach (string token in line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = token.IndexOf('=');
                string key = eq > 0 ? token.Substring(0, eq) : token;
                if (eq <= 0 || eq == token.Length - 1)
                {
                    error($"expected key=value, got '{token}'");
                    ok = false;
                }
                else if (Array.IndexOf(s_entryKeys, key) < 0)
                {
                    error($"unknown key '{key}' (entry keys: {string.Join(", ", s_entryKeys)})");
                    ok = false;
                }
                else if (!values.TryAdd(key, token.Substring(eq + 1)))
                {
                    error($"duplicate key '{key}'");
                    ok = false;
                }
            }

            int input = InputId.FromName(values.GetValueOrDefault("input", ""));
            if (input < 0)
            {
                error($"input={values.GetValueOrDefault("input")}: unknown input; known: {InputNames()}");
                ok = false;
            }

            string signalRef = values.GetValueOrDefault("signal", "");
            int dot = signalRef.LastIndexOf('.');
            if (dot <= 0 || dot == signalRef.Length - 1)
            {
                error(signalRef.Length == 0 ? "missing signal=Message.Signal" : $"signal={signalRef}: expected Message.Signal (the message by name or id, e.g. BMS_SoC.SoC or 0x131.SoC)");
                ok = false;
            }

            double scale = Number(values, "scale", 1, error, ref ok);
            double add = Number(values, "add", 0, error, ref ok);
            double? min = values.ContainsKey("min") ? Number(values, "min", 0, error, ref ok) : null;
            double? max = values.ContainsKey("max") ? Number(values, "max", 0, error, ref ok) : null;
            long bus = (long)Number(values, "bus", -1, error, ref ok);
            long maxAge = (long)Number(values, "maxage", 0, error, ref ok);
            if (scale == 0)
            {
                error("scale=0 would make every value 0");
                ok = false;
            }

            if (min > max)
            {
                error($"min={min} is above max={max}");
                ok = false;
            }

            if (bus < -1 || bus > 255 || maxAge < 0)
            {
                error("bus must be 0..255 (omit it for any bus) and maxage a number of milliseconds >= 0");
                ok = false;
            }

            int combine = CombineMode.Set;
            if (values.TryGetValue("combine", out string? combineText))
            {
                combine = CombineMode.FromName(combineText);
                if (combine < 0)
                {
                    error($"combine={combineText}: expected min, max, avg or sum (how mappings of one input in the same frame combine)");
                    ok = false;
                }
            }

            if (values.TryGetValue("positive", out string? positive))
            {
                if (input != InputId.PackCurrentA)
                {
                    error("positive= (sign convention) applies to pack_current_a only; use scale=-1 to flip another input");
                    ok = false;
                }
                else if (positive == "charge")
                {
                    scale = -scale; // the agent counts discharge as positive
                }
                else if (positive != "discharge")
                {
                    error($"positive={positive}: expected discharge or charge (what a positive value of the car's current means)");
                    ok = false;
                }
            }

            string[] sentinels = values.TryGetValue("sentinel", out string? s) ? s.Split(',', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
            if (!ok)
            {
                return null;
            }

            return new ProfileEntry(lineNo, input, signalRef.Substring(0, dot), signalRef.Substring(dot + 1))
            {
                Scale = scale, Add = add, Min = min, Max = max, Bus = (int)bus, MaxAgeMs = maxAge, Combine = combine, Sentinels = sentinels,
            };
        }

        private static double Number(Dictionary<string, string> values, string key, double fallback, Action<string> error, ref bool ok)
        {
            if (!values.TryGetValue(key, out string? text))
            {
                return fallback;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
            {
                return v;
            }

            error($"{key}={text}: not a number");
            ok = false;
            return fallback;
        }

        private static bool IsName(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c is '-' or '_' or '.'))
                {
                    return false;
                }
            }

            return true;
        }

        internal static string InputNames()
        {
            var names = new string[InputId.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = InputId.Name(i);
            }

            return string.Join(", ", names);
        }

        private static string Shorten(string s) => s.Length > 40 ? s.Substring(0, 40) + "..." : s;
    }
}
