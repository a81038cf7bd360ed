using System;
using System.CommandLine;
using System.IO;
using System.Text;
using RangeGuard.Dbc;
using RangeGuard.Host.Profiles;
using RangeGuard.Host.Replay;
using RangeGuard.State;

namespace RangeGuard.Simulator.Commands
{
    /// <summary><c>rangeguard replay LOG --profile P</c>: a CAN log through SLCAN -> DBC decode -> vehicle state, printed over time.</summary>
    public static class ReplayCommand
    {
        public static Command Create()
        {
            var log = new Argument<FileInfo>("log") { Description = "CAN log: candump -l (.log), SavvyCAN GVRET (.csv) or OVMS CRTD (.crtd); .gz accepted" };
            var profile = new Option<string>("--profile", "-p")
            {
                Description = "Vehicle id (see `rangeguard vehicles`), a .profile or a .map file",
                Required = true,
            };
            var interval = new Option<double>("--interval") { Description = "Seconds of log time between printed rows", DefaultValueFactory = _ => 1.0 };
            var csv = new Option<bool>("--csv") { Description = "Print CSV instead of an aligned table" };

            var command = new Command("replay", "Replay a CAN log through the agent's SLCAN and signal decoding path and print the decoded inputs.")
            {
                log, profile, interval, csv,
            };
            command.SetAction(parse => Run(parse.GetValue(log)!, parse.GetValue(profile)!, parse.GetValue(interval), parse.GetValue(csv), Console.Out, Console.Error));
            return command;
        }

        /// <summary>
        /// Runs a replay and prints it; returns the exit code: 0 ok, 2 bad input, including a log that is empty, is not
        /// a CAN log, or has no frame the profile decodes (one line on the error stream says which).
        /// </summary>
        public static int Run(FileInfo log, string profile, double intervalSeconds, bool csv, TextWriter output, TextWriter error)
        {
            if (!log.Exists)
            {
                error.WriteLine($"replay: {log.FullName}: no such file");
                return 2;
            }

            if (!(intervalSeconds > 0) || intervalSeconds > 86400)
            {
                error.WriteLine("replay: --interval must be between 0 and 86400 seconds");
                return 2;
            }

            SignalMap map;
            ReplayResult result;
            try
            {
                map = ProfileCatalog.Load(profile);
                result = ReplaySession.Run(log.FullName, map, (long)Math.Round(intervalSeconds * 1000));
            }
            catch (ArgumentException ex)
            {
                error.WriteLine("replay: " + ex.Message);
                return 2;
            }
            catch (IOException ex)
            {
                error.WriteLine("replay: " + ex.Message);
                return 2;
            }

            VehicleState s = result.State;
            var reader = result.Reader;
            string? problem = LogProblem.Describe(log.Name, reader, reader.Frames, result.Decoder.FramesReceived - result.Decoder.UnknownIdFrames - result.Decoder.FilteredFrames, map.ProfileName ?? profile);
            if (problem != null)
            {
                error.WriteLine("replay: " + problem);
                return 2;
            }

            int[] shown = MappedInputs(map);
            output.WriteLine(Header(shown, csv));
            foreach (ReplaySample sample in result.Samples)
            {
                output.WriteLine(Row(sample, shown, csv));
            }

            output.WriteLine();
            output.WriteLine($"log: {reader.Frames} frames, {reader.MalformedLines} malformed lines, {reader.SkippedLines} skipped, {reader.TimeBackSteps} time back-steps");
            output.WriteLine($"slcan: {result.Slcan.Counters.Frames} frames, {result.Slcan.Counters.ParseErrors} parse errors, {result.Slcan.Unencodable} unencodable");
            DecoderCounters d = result.Decoder;
            output.WriteLine($"decode: {d.FramesReceived} frames, {d.UnknownIdFrames} unmapped ids, {d.FilteredFrames} filtered (bus/remote), {d.DecodeErrors} decode errors, {d.OutOfRangeValues} out of range, {d.SentinelsDiscarded} sentinels, {s.StaleEvents} stale events");
            output.WriteLine($"energy: out {s.EnergyOutWh:F1} Wh, in {s.EnergyInWh:F1} Wh, distance {s.DistanceKm:F2} km");
            foreach (var e in reader.Errors)
            {
                error.WriteLine($"{e.Source}:{e.LineNumber}: {e.Field}: {e.Reason}");
            }

            return 0;
        }

        private static int[] MappedInputs(SignalMap map)
        {
            var list = new System.Collections.Generic.List<int>();
            for (int i = 0; i < InputId.Count; i++)
            {
                if (map.FindInput(i) >= 0)
                {
                    list.Add(i);
                }
            }

            return list.ToArray();
        }

        private static string Header(int[] inputs, bool csv)
        {
            var sb = new StringBuilder(csv ? "time_s" : "    time_s");
            foreach (int i in inputs)
            {
                sb.Append(csv ? "," + InputId.Name(i) : " " + InputId.Name(i).PadLeft(Math.Max(10, InputId.Name(i).Length)));
            }

            return sb.ToString();
        }

        private static string Row(ReplaySample sample, int[] inputs, bool csv)
        {
            var sb = new StringBuilder(csv ? (sample.TimeMs / 1000.0).ToString("F3") : (sample.TimeMs / 1000.0).ToString("F3").PadLeft(10));
            foreach (int i in inputs)
            {
                string cell = sample.Fresh[i] ? sample.Values[i].ToString("G6") : "stale";
                sb.Append(csv ? "," + cell : " " + cell.PadLeft(Math.Max(10, InputId.Name(i).Length)));
            }

            return sb.ToString();
        }
    }
}
