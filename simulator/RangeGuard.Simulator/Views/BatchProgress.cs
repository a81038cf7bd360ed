using System;
using RangeGuard.Simulator.Reports;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using Spectre.Console;

namespace RangeGuard.Simulator.Views
{
    /// <summary>
    /// Batch run: a progress bar when stdout is a terminal; when it is piped (logs, CI) no bar, and the timeline, which
    /// the caller created with the output as its writer, prints each entry as it happens.
    /// </summary>
    public static class BatchProgress
    {
        /// <summary>True when stdout is not a terminal: the timeline is streamed instead of a progress bar being drawn.</summary>
        public static bool Piped => PipedOverride ?? Console.IsOutputRedirected;

        /// <summary>For tests, which capture Console.Out whatever the test host's stdout is.</summary>
        internal static bool? PipedOverride { get; set; }

        public static RunResult Run(Scenario s, IVirtualBoard board, bool follow, Timeline timeline)
        {
            if (Piped)
            {
                RunResult plain = new ScenarioRunner(s, board, new RunOptions { FollowAdvice = follow, Observer = timeline }).Run();
                timeline.Complete();
                return plain;
            }

            RunResult? result = null;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask($"{s.Name} ({(follow ? "following advice" : "as driven")})", maxValue: s.Itinerary.Count);
                    var obs = new Observers(new BarObserver(task), timeline);
                    result = new ScenarioRunner(s, board, new RunOptions { FollowAdvice = follow, Observer = obs }).Run();
                    task.Value = task.MaxValue;
                });
            timeline.Complete();
            return result!;
        }

        private sealed class BarObserver : IRunObserver
        {
            private readonly ProgressTask _task;
            private int _step;
            private long _ticks;

            public BarObserver(ProgressTask task) => _task = task;

            public void OnTick(in TruthSnapshot truth, BoardView view)
            {
                if (++_ticks % 3600 == 0)
                {
                    _task.Value = _step + 0.5;
                }
            }

            public void OnAlert(BoardAlert alert)
            {
            }

            public void OnStepStarted(int index, string label)
            {
                _step = index;
                _task.Value = index;
                _task.Description = $"step {index}: {Markup.Escape(label)}";
            }
        }
    }
}
