using System;
using System.CommandLine;
using System.Diagnostics;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>`rangeguard bench`: runs a scenario N times in batch (no trace, no plots) and prints × real time and allocation per tick.</summary>
    public static class BenchCommand
    {
        public static Command Create()
        {
            var scenario = new Argument<string>("scenario") { Description = "Scenario name or .json path.", DefaultValueFactory = _ => "broder-2013" };
            var runs = new Option<int>("--runs", "-n") { Description = "Number of timed runs (after one warm-up run).", DefaultValueFactory = _ => 5 };
            var board = RunCommand.BoardOption();
            var cmd = new Command("bench", "Measure how many times faster than real time a scenario runs in batch mode.") { scenario, runs, board };
            cmd.SetAction(p => Execute(p.GetValue(scenario)!, p.GetValue(runs), p.GetValue(board)!));
            return cmd;
        }

        public static int Execute(string name, int runs, string board = "agent")
        {
            Func<Scenario, IVirtualBoard>? factory = RunCommand.BoardFor(board, null, out string boardError);
            if (factory == null)
            {
                return CommandError.Report(Console.Error, "bench", boardError);
            }

            if (runs < 1 || runs > 1000)
            {
                return CommandError.Report(Console.Error, "bench", "--runs", $"must be 1 to 1000 (got {runs})");
            }

            if (!ScenarioArgument.TryLoad(name, "bench", out Scenario s))
            {
                return ExitCodes.BadInput;
            }

            BenchResult warm = Measure(s, factory);
            double simS = 0, wallS = 0;
            long ticks = 0, bytes = 0;
            for (int i = 0; i < runs; i++)
            {
                BenchResult b = Measure(s, factory);
                simS += b.SimulatedS;
                wallS += b.WallS;
                ticks += b.Ticks;
                bytes += b.TickLoopBytes;
            }

            Console.WriteLine($"{s.Name} on board '{factory(s).Name}': {runs} runs of {warm.SimulatedS / 3600:0.0} h simulated ({warm.Ticks:N0} ticks each)");
            Console.WriteLine($"  {simS / wallS:N0}× real time; {wallS / ticks * 1e6:0.00} µs per 1 Hz tick; {bytes / runs:N0} bytes allocated per run ({(double)bytes / ticks:0.0} per tick)");
            return ExitCodes.Ok;
        }

        public readonly record struct BenchResult(double SimulatedS, double WallS, long Ticks, long TickLoopBytes);

        /// <summary>One batch run without trace; allocation measured over the whole run on this thread.</summary>
        public static BenchResult Measure(Scenario s) => Measure(s, RunCommand.BoardFactory);

        public static BenchResult Measure(Scenario s, Func<Scenario, IVirtualBoard> factory)
        {
            IVirtualBoard board = factory(s);
            var runner = new ScenarioRunner(s, board, new RunOptions { RecordTrace = false });
            long before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            RunResult r = runner.Run();
            sw.Stop();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            return new BenchResult(r.SimulatedS, sw.Elapsed.TotalSeconds, r.Ticks, bytes);
        }
    }
}
