using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running.Sweep
{
    /// <summary>
    /// Runs every scenario over N seeded variants, each as driven and following the advice, with the real agent on the
    /// virtual board (no trace, no plots), in parallel; the results come back in a fixed order whatever the threads did.
    /// </summary>
    public static class SweepRunner
    {
        public sealed record Options(int Variants, uint Seed, int Threads);

        public static List<SweepRun> Run(IReadOnlyList<Scenario> scenarios, Options o, Func<Scenario, IVirtualBoard> boardFactory,
            Action<int, int>? progress = null)
        {
            var jobs = new List<(Scenario S, int Variant, bool Follow)>();
            foreach (Scenario s in scenarios)
            {
                for (int i = 0; i < o.Variants; i++)
                {
                    jobs.Add((s, i, false));
                    jobs.Add((s, i, true));
                }
            }

            var results = new SweepRun[jobs.Count];
            int done = 0;
            var po = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.Threads) };
            Parallel.For(0, jobs.Count, po, k =>
            {
                (Scenario s, int variant, bool follow) = jobs[k];
                Scenario v = SweepVariant.Draw(s, variant, o.Seed).Apply(s);
                IVirtualBoard board = boardFactory(v);
                var sw = Stopwatch.StartNew();
                try
                {
                    RunResult r = new ScenarioRunner(v, board, new RunOptions { FollowAdvice = follow, RecordTrace = false }).Run();
                    results[k] = SweepRun.From(s.Name, variant, r, sw.Elapsed.TotalSeconds);
                }
                finally
                {
                    (board as IDisposable)?.Dispose();
                }

                progress?.Invoke(Interlocked.Increment(ref done), jobs.Count);
            });

            return new List<SweepRun>(results);
        }
    }
}
