using System;
using System.Collections.Generic;
using System.Linq;

namespace RangeGuard.Simulator.Running.Sweep
{
    /// <summary>Alert quality over a set of sweep runs (one scenario and driver mode, or all of them).</summary>
    public sealed class SweepStats
    {
        public SweepStats(string scenario, string mode, IReadOnlyList<SweepRun> runs)
        {
            Scenario = scenario;
            Mode = mode;
            Runs = runs.Count;
            var strandings = runs.Where(r => r.Stranded).ToList();
            Strandings = strandings.Count;
            StrandingsWithCritical = strandings.Count(r => r.CriticalUpAtStranding);
            StrandingsWarnedInTime = strandings.Count(r => r.StrandingWarnedInTime);
            var warned = strandings.Where(r => r.CriticalUpAtStranding).ToList();
            MinLeadMinutes = warned.Count > 0 ? warned.Min(r => r.LeadMinutes) : double.NaN;
            MinLeadKm = warned.Count > 0 ? warned.Min(r => r.LeadKm) : double.NaN;
            MedianLeadMinutes = Median(warned.Select(r => r.LeadMinutes));
            MedianLeadKm = Median(warned.Select(r => r.LeadKm));
            WithCritical = runs.Count(r => r.Criticals > 0);
            FalseCriticals = runs.Count(r => r.FalseCritical);
            double km = runs.Sum(r => r.DistanceKm);
            AdvisoriesPer100Km = km > 0 ? runs.Sum(r => r.Advisories) / km * 100 : 0;
            WarningsPer100Km = km > 0 ? runs.Sum(r => r.Warnings) / km * 100 : 0;
            Arrived = Runs - Strandings;
            Km = km;
        }

        public string Scenario { get; }
        public string Mode { get; }
        public int Runs { get; }
        public int Strandings { get; }
        public int StrandingsWithCritical { get; }
        public int StrandingsWarnedInTime { get; }
        public double MinLeadMinutes { get; }
        public double MinLeadKm { get; }
        public double MedianLeadMinutes { get; }
        public double MedianLeadKm { get; }
        public int WithCritical { get; }
        public int FalseCriticals { get; }
        public double AdvisoriesPer100Km { get; }
        public double WarningsPer100Km { get; }
        public int Arrived { get; }
        public double Km { get; }

        public double FalseCriticalPercent => Runs > 0 ? 100.0 * FalseCriticals / Runs : 0;
        public double ArrivedPercent => Runs > 0 ? 100.0 * Arrived / Runs : 0;

        private static double Median(IEnumerable<double> values)
        {
            double[] v = values.OrderBy(x => x).ToArray();
            if (v.Length == 0)
            {
                return double.NaN;
            }

            return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
        }
    }
}
