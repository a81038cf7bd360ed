using System;
using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using RangeGuard.Dbc;
using RangeGuard.Host.Logs;
using RangeGuard.Host.Profiles;
using RangeGuard.State;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// <c>rangeguard profile build PROFILE [--dbc FILE] [-o car.map]</c>: the device map from a profile file and a DBC.
    /// <c>rangeguard profile check MAP LOG</c>: what each input gets from a real log, and the busiest ids the map ignores.
    /// </summary>
    public static class ProfileCommand
    {
        public static Command Create()
        {
            var command = new Command("profile", "Bring your own car: build a signal map from a profile file and a DBC, and check it against a CAN log.");
            command.Add(CreateBuild());
            command.Add(CreateCheck());
            return command;
        }

        private static Command CreateBuild()
        {
            var profile = new Argument<FileInfo>("profile") { Description = "Profile file (format: hardware-docs/signal-maps.md)" };
            var dbc = new Option<FileInfo?>("--dbc") { Description = "DBC file (default: the profile's dbc= line, relative to the profile)" };
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Map file to write (default: standard output)" };
            var command = new Command("build", "Write the signal map the device loads from a profile and its DBC. Errors name the profile line and the DBC signal.")
            {
                profile, dbc, output,
            };
            command.SetAction(parse => Build(parse.GetValue(profile)!, parse.GetValue(dbc), parse.GetValue(output),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
            return command;
        }

        private static Command CreateCheck()
        {
            var map = new Argument<string>("map") { Description = "Vehicle id (e.g. hyundai-kona), .map file or .profile file" };
            var log = new Argument<FileInfo>("log") { Description = "CAN log: candump -l (.log), SavvyCAN GVRET (.csv) or OVMS CRTD (.crtd); .gz accepted" };
            var top = new Option<int>("--top") { Description = "How many unused ids to list", DefaultValueFactory = _ => 15 };
            var command = new Command("check", "Replay a log through a map: per input the frames seen, first/last/min/max value, stale time and rejected values; then the unused ids, busiest first.")
            {
                map, log, top,
            };
            command.SetAction(parse => Check(parse.GetValue(map)!, parse.GetValue(log)!, parse.GetValue(top),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
            return command;
        }

        public static int Build(FileInfo profile, FileInfo? dbc, FileInfo? output, TextWriter o, TextWriter error)
        {
            if (!profile.Exists)
            {
                error.WriteLine($"profile build: {profile.FullName}: no such file");
                return ExitCodes.BadInput;
            }

            ProfileBuild build;
            try
            {
                build = ProfileBuilder.BuildFile(profile.FullName, dbc?.FullName);
            }
            catch (ProfileException ex)
            {
                foreach (string e in ex.Errors)
                {
                    error.WriteLine("profile build: " + e);
                }

                return ExitCodes.BadInput;
            }
            catch (IOException ex)
            {
                error.WriteLine("profile build: " + ex.Message);
                return ExitCodes.BadInput;
            }

            foreach (string w in build.Warnings)
            {
                error.WriteLine("profile build: warning: " + w);
            }

            TextWriter summary = output == null ? error : o;
            if (output == null)
            {
                o.Write(build.MapText);
            }
            else
            {
                File.WriteAllText(output.FullName, build.MapText, new UTF8Encoding(false));
            }

            summary.WriteLine($"{(output == null ? "map" : "wrote " + output.Name)}: {build.Map.Count} mappings for {InputId.Count - build.UnmappedInputs.Count} of {InputId.Count} inputs" +
                (build.UnmappedInputs.Count > 0 ? "; not mapped (stay stale): " + Names(build.UnmappedInputs) : ""));
            return ExitCodes.Ok;
        }

        public static int Check(string mapName, FileInfo log, int top, TextWriter o, TextWriter error)
        {
            if (!log.Exists)
            {
                error.WriteLine($"profile check: {log.FullName}: no such file");
                return ExitCodes.BadInput;
            }

            SignalMap map;
            ProfileCheckResult result;
            CanLogReader reader;
            try
            {
                map = ProfileCatalog.Load(mapName);
                result = ProfileCheck.Run(map, CanLogReader.ReadFile(log.FullName, out reader));
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException)
            {
                error.WriteLine("profile check: " + ex.Message);
                return ExitCodes.BadInput;
            }

            string? problem = LogProblem.Describe(log.Name, reader, result.Frames, result.MatchedFrames, map.ProfileName ?? mapName);
            PrintCheck(result, map.ProfileName ?? mapName, log.Name, reader, top, o);
            if (problem != null)
            {
                error.WriteLine("profile check: " + problem);
                return ExitCodes.BadInput;
            }

            return ExitCodes.Ok;
        }

        private static void PrintCheck(ProfileCheckResult r, string profile, string log, CanLogReader reader, int top, TextWriter o)
        {
            o.WriteLine($"profile {profile} on {log}: {N(r.Frames)} frames over {r.DurationS.ToString("F1", CultureInfo.InvariantCulture)} s " +
                $"({N(reader.MalformedLines)} malformed lines); {N(r.MatchedFrames)} matched the map, {N(r.OtherBusFrames)} had a mapped id on another bus");
            o.WriteLine();
            o.WriteLine($"{"input",-19} {"frames",8} {"values",8} {"first",10} {"last",10} {"min",10} {"max",10} {"stale s",8} {"rejected",8} {"sentinel",8}  from");
            foreach (InputCheck c in r.Inputs)
            {
                if (!c.IsMapped)
                {
                    continue;
                }

                bool any = c.Values > 0;
                string stale = (c.StaleMs / 1000.0).ToString("F1", CultureInfo.InvariantCulture);
                o.WriteLine($"{InputId.Name(c.Input),-19} {N(c.Frames),8} {N(c.Values),8} {V(any, c.First),10} {V(any, c.Last),10} {V(any, c.Min),10} {V(any, c.Max),10} {stale,8} {N(c.OutOfRange),8} {N(c.Sentinels),8}  {string.Join(", ", Distinct(c.Signals))}");
                if (c.TooShort > 0)
                {
                    o.WriteLine($"{"",-19} {N(c.TooShort)} frames were too short for the signal");
                }
            }

            var unmapped = new List<int>();
            foreach (InputCheck c in r.Inputs)
            {
                if (!c.IsMapped)
                {
                    unmapped.Add(c.Input);
                }
            }

            if (unmapped.Count > 0)
            {
                o.WriteLine($"not mapped (stay stale): {Names(unmapped)}");
            }

            o.WriteLine();
            o.WriteLine(r.UnusedIds.Count == 0
                ? "every id in the log is used by the map"
                : $"{r.UnusedIds.Count} ids in the log the map does not use, busiest first:");
            for (int i = 0; i < r.UnusedIds.Count && i < top; i++)
            {
                UnusedId u = r.UnusedIds[i];
                string rate = r.DurationS > 0 ? $"{(u.Frames / r.DurationS).ToString("F1", CultureInfo.InvariantCulture)}/s" : "";
                o.WriteLine($"  bus {u.Bus} {u.IdText,-10} {N(u.Frames),9} frames {rate,9}");
            }

            if (r.UnusedIds.Count > top)
            {
                o.WriteLine($"  ... {r.UnusedIds.Count - top} more (--top N)");
            }
        }

        private static IEnumerable<string> Distinct(List<string> names) => new SortedSet<string>(names, StringComparer.Ordinal);

        private static string Names(IReadOnlyList<int> inputs)
        {
            var names = new List<string>();
            foreach (int i in inputs)
            {
                names.Add(InputId.Name(i));
            }

            return string.Join(", ", names);
        }

        private static string V(bool any, float v) => any ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";

        private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    }
}
