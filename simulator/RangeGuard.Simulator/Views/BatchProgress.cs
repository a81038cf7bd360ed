using System;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using Spectre.Console;

namespace RangeGuard.Simulator.Views
{
    /// <summary>Batch run: a progress bar when stdout is a terminal, plain step/alert lines otherwise (logs, CI).</summary>
    public static class BatchProgress
    {
        public static RunResult Run(Scenario s, IVirtualBoard board, bool follow)
        {
            if (Console.IsOutputRedirected)
            {
                var plain = new PlainObserver(s);
                return new ScenarioRunner(s, board, new RunOptions { FollowAdvice = follow, Observer = plain }).Run();
            }

            RunResult? result = null;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask($"{s.Name} ({(follow ? "following advice" : "as driven")})", maxValue: s.Itinerary.Count);
                    var obs = new BarObserver(task);
                    result = new ScenarioRunner(s, board, new RunOptions { FollowAdvice = follow, Observer = obs }).Run();
                    task.Value = task.MaxValue;
                });
            return result!;
        }

        private sealed class PlainObserver : IRunObserver
        {
            private readonly Scenario _s;
            private double _t;

            public PlainObserver(Scenario s) => _s = s;

            public void OnTick(in TruthSnapshot truth, BoardView view) => _t = truth.ElapsedS;

            public void OnAlert(BoardAlert a)
                => Console.WriteLine($"  {Reports.TextSummary.Clock(_s, a.ElapsedS)}  ALERT {a.Severity} {a.Code}: {a.Text}");

            public void OnStepStarted(int index, string label)
                => Console.WriteLine($"  {Reports.TextSummary.Clock(_s, _t)}  step {index}: {label}");
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
