using System;
using System.Collections.Generic;
using System.Linq;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Fleet
{
    /// <summary>
    /// Where each vehicle of a fleet run starts publishing: a scenario (round robin) and a start offset placed shortly before
    /// one of that scenario's alert transitions (found by one batch run of each scenario), so a short run sees alerts from
    /// every vehicle. Offsets are limited to the first <c>maxOffsetS</c> of a scenario (fast-forwarding costs CPU before the run).
    /// </summary>
    public static class FleetPlan
    {
        public sealed record Start(Scenario Scenario, double OffsetS);

        public static List<Start> Make(IReadOnlyList<Scenario> scenarios, int vehicles, double maxOffsetS, double liveS, int seed, out double alertsPerVehicleDay)
        {
            var runs = scenarios.Select(s => AlertTimes(s, out double simS) is var t ? (Times: t, Days: simS / 86400) : default).ToArray();
            // Over whole scenarios, unbiased by the start points: what a fleet doing these trips would send.
            alertsPerVehicleDay = runs.Average(r => r.Times.Count / Math.Max(1e-6, r.Days));
            var transitions = runs.Select(r => r.Times.Where(t => t <= maxOffsetS + 60).ToArray()).ToArray();
            var rnd = new Random(seed);
            var plan = new List<Start>(vehicles);
            for (int i = 0; i < vehicles; i++)
            {
                int k = i % scenarios.Count;
                double[] ts = transitions[k];
                double offset = ts.Length == 0
                    ? rnd.NextDouble() * maxOffsetS
                    : Math.Max(0, ts[rnd.Next(ts.Length)] - (5 + rnd.NextDouble() * Math.Max(5, Math.Min(120, liveS * 0.6))));
                plan.Add(new Start(scenarios[k], offset));
            }

            return plan;
        }

        /// <summary>Simulated seconds from the scenario's start at which the agent made an alert transition.</summary>
        public static List<double> AlertTimes(Scenario s, out double simulatedS)
        {
            using var board = new AgentBoard(new AgentBoardOptions { KeepMessages = true });
            simulatedS = new ScenarioRunner(s, board, new RunOptions { RecordTrace = false }).Run().SimulatedS;
            long start = s.Start.ToUnixTimeMilliseconds();
            return board.Published.OnTopic("/alerts").Select(m => (m.TimeMs - start) / 1000.0).ToList();
        }
    }
}
