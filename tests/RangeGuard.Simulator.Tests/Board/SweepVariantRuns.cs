using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Running.Sweep;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>
    /// One sweep variant of a built-in scenario with the real agent on the virtual board, as `run NAME --variant N --seed S`;
    /// or the scenario itself, as `run NAME`.
    /// </summary>
    internal static class SweepVariantRuns
    {
        public static RunResult BuiltIn(string scenario, bool followAdvice, bool recordTrace = false)
        {
            using var board = new AgentBoard();
            return new ScenarioRunner(ScenarioCatalog.Load(scenario), board, new RunOptions { FollowAdvice = followAdvice, RecordTrace = recordTrace }).Run();
        }

        public static RunResult Run(string scenario, int index, uint seed, bool followAdvice, bool recordTrace = false)
        {
            Scenario s = ScenarioCatalog.Load(scenario);
            using var board = new AgentBoard();
            var options = new RunOptions { FollowAdvice = followAdvice, RecordTrace = recordTrace };
            return new ScenarioRunner(SweepVariant.Draw(s, index, seed).Apply(s), board, options).Run();
        }
    }
}
