using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Running.Sweep;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// `rangeguard sweep`: every scenario over N seeded variants of forecast error, wind, driver speed, traffic and charger
    /// power, as driven and following the advice; reports alert quality against the targets.
    /// </summary>
    public static class SweepCommand
    {
        public static Command Create()
        {
            var scenarios = new Argument<string[]>("scenarios") { Description = "Scenario names or .json paths (default: every built-in scenario).", Arity = ArgumentArity.ZeroOrMore };
            var variants = new Option<int>("--variants", "-n") { Description = "Seeded variants per scenario (each run as driven and following advice).", DefaultValueFactory = _ => 200 };
            var seed = new Option<uint>("--seed") { Description = "Base seed of the variants.", DefaultValueFactory = _ => 1 };
            var threads = new Option<int>("--threads") { Description = "Runs in parallel (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
            var markdown = new Option<bool>("--markdown") { Description = "Print the table as Markdown (for the READMEs)." };
            var json = new Option<string?>("--json") { Description = "Write every run's result to this JSON file." };
            var check = new Option<bool>("--check") { Description = "Exit code 1 when a target is missed." };
            var cmd = new Command("sweep", "Alert quality under forecast error: each scenario over N seeded variants, as driven and following advice.")
            {
                scenarios, variants, seed, threads, markdown, json, check,
            };
            cmd.SetAction(p => Execute(p.GetValue(scenarios) ?? Array.Empty<string>(), p.GetValue(variants), p.GetValue(seed),
                p.GetValue(threads), p.GetValue(markdown), p.GetValue(json), p.GetValue(check), Console.Out, Console.Error));
            return cmd;
        }

        public static int Execute(string[] names, int variants, uint seed, int threads, bool markdown, string? json, bool check,
            TextWriter output, TextWriter progress)
        {
            if (variants < 1 || variants > 100_000)
            {
                progress.WriteLine(CommandError.Format("sweep", "--variants", "must be within 1..100000"));
                return ExitCodes.BadInput;
            }

            if (threads < 1 || threads > 256)
            {
                progress.WriteLine(CommandError.Format("sweep", "--threads", "must be within 1..256"));
                return ExitCodes.BadInput;
            }

            var list = new List<Scenario>();
            foreach (string n in names.Length > 0 ? names : ScenarioCatalog.Names())
            {
                if (!ScenarioArgument.TryLoad(n, out Scenario s))
                {
                    return ExitCodes.BadInput;
                }

                list.Add(s);
            }

            string command = "rangeguard sweep" + (names.Length > 0 ? " " + string.Join(" ", names) : string.Empty)
                + $" -n {variants}" + (seed != 1 ? $" --seed {seed}" : string.Empty);
            var sw = Stopwatch.StartNew();
            int lastPercent = -1;
            object gate = new();
            List<SweepRun> runs = SweepRunner.Run(list, new SweepRunner.Options(variants, seed, threads), RunCommand.BoardFactory, (done, total) =>
            {
                int percent = done * 100 / total;
                lock (gate)
                {
                    if (percent / 10 != lastPercent / 10)
                    {
                        lastPercent = percent;
                        progress.WriteLine($"sweep: {done}/{total} runs ({sw.Elapsed.TotalSeconds:0} s)");
                    }
                }
            });
            SweepReport.Write(output, runs, command, sw.Elapsed.TotalSeconds, threads, markdown);
            if (json != null)
            {
                try
                {
                    SweepReport.WriteJson(json, runs, command);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    progress.WriteLine(CommandError.Format("sweep", $"cannot write {json}", ex.Message));
                    return ExitCodes.BadInput;
                }
            }

            return check && !SweepReport.Judge(runs).AllMet ? ExitCodes.CheckFailed : ExitCodes.Ok;
        }
    }
}
