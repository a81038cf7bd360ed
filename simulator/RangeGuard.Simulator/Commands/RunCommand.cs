using System;
using System.CommandLine;
using System.IO;
using RangeGuard.Host.Can;
using RangeGuard.Host.Messaging;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Plots;
using RangeGuard.Simulator.Reports;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Running.Sweep;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Validation;
using RangeGuard.Simulator.Views;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>`rangeguard run &lt;scenario&gt;`: simulate, print the summary, write report.json and the plots, optionally check.</summary>
    public static class RunCommand
    {
        private const string Verb = "run";

        /// <summary>Makes the board for a run: by default the real agent on the virtual board (in-process SLCAN pipe).</summary>
        public static Func<Scenario, IVirtualBoard> BoardFactory { get; set; } = _ => new AgentBoard();

        /// <summary>
        /// The factory for <c>--board</c> ("agent" or "null") and <c>--can</c> (a real bridge for the agent); null with a
        /// message when the arguments are bad ("--can udp://x: unknown scheme 'udp'; use …", the option first).
        /// </summary>
        public static Func<Scenario, IVirtualBoard>? BoardFor(string board, string? can, out string error)
        {
            error = string.Empty;
            switch (board.ToLowerInvariant())
            {
                case "agent":
                    if (can == null)
                    {
                        return BoardFactory;
                    }

                    if (!ByteLinkUri.TryParseReason(can, out _, out string reason))
                    {
                        error = $"--can {can}: {reason}";
                        return null;
                    }

                    return _ => new AgentBoard(new AgentBoardOptions { CanAddress = can });
                case "null":
                case "none":
                    if (can != null)
                    {
                        error = $"--can {can}: needs the agent board (--board agent), not --board {board}";
                        return null;
                    }

                    return _ => new NullBoard();
                default:
                    error = $"--board {board}: no such board; use agent or null";
                    return null;
            }
        }

        /// <summary>Options shared with `bench`.</summary>
        internal static Option<string> BoardOption() => new("--board")
        {
            Description = "agent: the real RangeGuard agent behind CAN/SLCAN (default); null: no agent (the baseline without RangeGuard).",
            DefaultValueFactory = _ => "agent",
        };

        internal static Option<string?> CanOption() => new("--can")
        {
            Description = "Read CAN from a real SLCAN bridge instead of the simulated car: tcp://host:port or serial:/dev/ttyUSB0[@baud]. The truth model still runs for the display and the plan position.",
        };

        public static Command Create()
        {
            var scenario = new Argument<string>("scenario") { Description = "Built-in scenario name (see `rangeguard scenarios`) or a path to a scenario .json file." };
            var check = new Option<bool>("--check") { Description = "Assert the scenario's expected outcomes; exit code 1 if any fails." };
            var follow = new Option<bool>("--follow-advice") { Description = "The driver follows RangeGuard's advice (default: the scenario's driver.followsAdvice)." };
            var asDriven = new Option<bool>("--as-driven") { Description = "The driver ignores advice (overrides the scenario)." };
            var both = new Option<bool>("--both") { Description = "Run as driven and following advice, and compare the outcomes (the default when the scenario has expectations for both modes and no mode is given)." };
            var outDir = new Option<string>("--out") { Description = "Output folder for report.json and the plots.", DefaultValueFactory = _ => "out" };
            var live = new Option<bool>("--live") { Description = "Live dashboard, paced at --speedup × real time." };
            var speedup = new Option<double>("--speedup") { Description = "Simulated seconds per wall second with --live.", DefaultValueFactory = _ => 600 };
            var noPlots = new Option<bool>("--no-plots") { Description = "Do not write PNG plots." };
            var board = BoardOption();
            var can = CanOption();
            var variant = new Option<int>("--variant") { Description = "Run sweep variant N of the scenario instead (see `rangeguard sweep`); its expectations do not apply.", DefaultValueFactory = _ => -1 };
            var seed = new Option<uint>("--seed") { Description = "Base seed of --variant (as `sweep --seed`).", DefaultValueFactory = _ => 1 };
            var cmd = new Command("run", "Run a scenario: the simulated car drives the itinerary with the board watching it.")
            {
                scenario, check, follow, asDriven, both, outDir, live, speedup, noPlots, board, can, variant, seed,
            };
            var mqtt = new MqttRunOptions();
            mqtt.AddTo(cmd);
            cmd.SetAction(p =>
            {
                MqttRunSettings? m = mqtt.Read(p, out string mqttError);
                if (m == null)
                {
                    Console.Error.WriteLine(CommandError.Format("run", mqttError));
                    return ExitCodes.BadInput;
                }

                return Execute(p.GetValue(scenario)!, p.GetValue(check), p.GetValue(follow), p.GetValue(asDriven),
                    p.GetValue(both), p.GetValue(outDir)!, p.GetValue(live), p.GetValue(speedup), p.GetValue(noPlots),
                    p.GetValue(board)!, p.GetValue(can), p.GetValue(variant), p.GetValue(seed), m);
            });
            return cmd;
        }

        public static int Execute(string name, bool check, bool follow, bool asDriven, bool both, string outDir, bool live,
            double speedup, bool noPlots, string board = "agent", string? can = null, int variant = -1, uint seed = 1, MqttRunSettings? mqtt = null)
        {
            Func<Scenario, IVirtualBoard>? factory = BoardFor(board, can, out string boardError);
            if (factory == null)
            {
                return CommandError.Report(Console.Error, Verb, boardError);
            }

            if (follow && asDriven)
            {
                return CommandError.Report(Console.Error, Verb, "--follow-advice, --as-driven", "choose one: they exclude each other");
            }

            if (!(speedup > 0))
            {
                return CommandError.Report(Console.Error, Verb, "--speedup", $"must be more than 0 (got {speedup})");
            }

            if (!ScenarioArgument.TryLoad(name, Verb, out Scenario s))
            {
                return ExitCodes.BadInput;
            }

            if (variant >= 0)
            {
                SweepVariant v = SweepVariant.Draw(s, variant, seed);
                Console.WriteLine($"Variant {variant} (seed {seed}): forecast temperature error {v.ForecastTempErrorC:+0.0;-0.0} °C, head wind {v.HeadwindErrorMps:+0.0;-0.0} m/s, " +
                    $"driver speed × {v.SpeedFactor:0.00} ± {v.SpeedVariabilityPercent:0.0} %, chargers × {v.ChargerPowerFactor:0.00}, " +
                    $"{v.Traffic.Count} jam(s){(v.Traffic.Count > 0 ? ": " + string.Join(", ", System.Linq.Enumerable.Select(v.Traffic, j => $"km {j.FromM / 1000:0}-{j.ToM / 1000:0} at {j.SpeedKmh:0} km/h")) : string.Empty)}");
                s = v.Apply(s);
            }

            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return CommandError.Report(Console.Error, Verb, $"--out {outDir}", $"cannot create the folder: {ex.Message}");
            }

            bool ok = true;
            if (!follow && !asDriven && s.ExpectAsDriven != null && s.ExpectFollowingAdvice != null)
            {
                both = true;
            }

            EmbeddedBroker? embedded = null;
            if (mqtt != null && (mqtt.Publishes || mqtt.Speed > 0))
            {
                if (mqtt.Publishes && both)
                {
                    both = false; // one car, one trip on the broker
                    Console.WriteLine("MQTT: one run only (the scenario's driver; --as-driven or --follow-advice chooses)");
                }

                BrokerAddress? broker = mqtt.Broker;
                if (mqtt.ServePort > 0)
                {
                    embedded = EmbeddedBroker.StartAsync(mqtt.ServePort).GetAwaiter().GetResult();
                    broker = embedded.Address;
                    Console.WriteLine($"MQTT: broker in this process on 127.0.0.1:{embedded.Port}{(embedded.MovedPort ? $" (port {mqtt.ServePort} was taken)" : string.Empty)}; " +
                        $"watch with: mosquitto_sub -h 127.0.0.1 -p {embedded.Port} -i watcher -t 'rangeguard/#' -v");
                }

                factory = MqttRunOptions.Factory(board, can, mqtt, broker, outDir, out string mqttError);
                if (factory == null)
                {
                    Console.Error.WriteLine(CommandError.Format("run", mqttError));
                    return ExitCodes.BadInput;
                }
            }

            try
            {
                RunModes(s, factory, both, follow, asDriven, check, outDir, live, speedup, noPlots, ref ok);
            }
            catch (ByteLinkOpenException ex)
            {
                return CommandError.Report(Console.Error, Verb, $"--can {can}", ex.Reason);
            }
            catch (FormatException ex)
            {
                return CommandError.Report(Console.Error, Verb, $"--can {can}", ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Writing the report or a plot into --out failed (disk full, permissions).
                return CommandError.Report(Console.Error, Verb, $"--out {outDir}", ex.Message);
            }
            finally
            {
                embedded?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return check && !ok ? ExitCodes.CheckFailed : ExitCodes.Ok;
        }

        private static void RunModes(Scenario s, Func<Scenario, IVirtualBoard> factory, bool both, bool follow, bool asDriven, bool check,
            string outDir, bool live, double speedup, bool noPlots, ref bool ok)
        {
            if (both)
            {
                RunResult a = RunOne(s, factory, false, check, outDir, "as-driven", live, speedup, noPlots, ref ok);
                Console.WriteLine();
                RunResult b = RunOne(s, factory, true, check, outDir, "following-advice", live, speedup, noPlots, ref ok);
                Console.WriteLine();
                Console.WriteLine($"Without following advice: {Describe(a)}");
                Console.WriteLine($"Following advice:         {Describe(b)}");
            }
            else
            {
                bool mode = follow || (!asDriven && s.Driver.FollowsAdvice);
                RunOne(s, factory, mode, check, outDir, null, live, speedup, noPlots, ref ok);
            }
        }

        private static RunResult RunOne(Scenario s, Func<Scenario, IVirtualBoard> factory, bool follow, bool check, string outDir,
            string? suffix, bool live, double speedup, bool noPlots, ref bool ok)
        {
            IVirtualBoard board = factory(s);
            // Piped: the header first, then the timeline line by line as it happens; a terminal shows a progress bar
            // or the live view, and the same text after the run.
            bool streamed = !live && BatchProgress.Piped;
            if (streamed)
            {
                TextSummary.WriteHeader(Console.Out, s, board.Name, follow);
            }

            var timeline = new Timeline(s, streamed ? Console.Out : null);
            RunResult r;
            try
            {
                r = live ? LiveDashboard.Run(s, board, follow, speedup, timeline) : BatchProgress.Run(s, board, follow, timeline);
            }
            finally
            {
                (board as IDisposable)?.Dispose();
            }

            var checks = check ? ExpectationChecker.Check(s, r) : null;
            if (checks != null && !ExpectationChecker.AllPassed(checks))
            {
                ok = false;
            }

            if (streamed)
            {
                TextSummary.WriteResults(Console.Out, s, r, timeline.Entries, checks);
            }
            else
            {
                TextSummary.Write(Console.Out, s, r, timeline.Entries, checks);
            }

            string stem = suffix == null ? s.Name : $"{s.Name}.{suffix}";
            string report = Path.Combine(outDir, stem + ".report.json");
            JsonReport.Write(report, s, r, checks);
            Console.WriteLine($"Report: {report}");
            if (!noPlots)
            {
                foreach (string png in PlotWriter.Write(s, r, outDir, stem))
                {
                    Console.WriteLine($"Plot:   {png}");
                }
            }

            return r;
        }

        private static string Describe(RunResult r) => r.Outcome == Outcome.Strands
            ? $"stranded at km {r.StrandedAtM / 1000:0.0} near {r.StrandedNear} (min SOC {r.MinSocPercent:0.0} %)"
            : $"arrived at {r.ArrivedAt} with {r.FinalSocPercent:0.0} % (min SOC {r.MinSocPercent:0.0} %)";
    }
}
