using System;
using System.Collections.Generic;
using System.Linq;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>Aggregate metrics over trips and the pass/fail of the issue-3 targets.</summary>
    public sealed class EvaluationSummary
    {
        public const double DepartureMapeTarget = 8.0;
        public const double HalfwayArrivalMapeTarget = 4.0;
        public const double CoverageMin = 70.0, CoverageMax = 90.0;

        public EvaluationSummary(IReadOnlyList<TripEvaluation> trips)
        {
            Trips = trips;
        }

        public IReadOnlyList<TripEvaluation> Trips { get; }

        public IEnumerable<Checkpoint> At(double fraction, string? season = null) =>
            Trips.Where(t => season == null || t.Season == season).SelectMany(t => t.Checkpoints).Where(c => Math.Abs(c.FractionOfDistance - fraction) < 1e-9);

        public static double Mape(IEnumerable<double> errorsPercent)
        {
            var list = errorsPercent.ToList();
            return list.Count == 0 ? double.NaN : list.Average(Math.Abs);
        }

        public static double Bias(IEnumerable<double> errorsPercent)
        {
            var list = errorsPercent.ToList();
            return list.Count == 0 ? double.NaN : list.Average();
        }

        public double DepartureMape(string? season) => Mape(At(0.0, season).Select(c => c.ErrorPercent));

        /// <summary>Battery energy left on arrival as forecast at half distance vs measured (the target's "remaining energy").</summary>
        public double HalfwayArrivalMape(string? season) => Mape(At(0.5, season).Select(c => c.ArrivalContentErrorPercent));

        /// <summary>Stricter reading: energy needed for the second half vs measured.</summary>
        public double HalfwayNeedMape(string? season) => Mape(At(0.5, season).Select(c => c.ErrorPercent));

        public double CoveragePercent(string? season = null)
        {
            var all = Trips.Where(t => season == null || t.Season == season).SelectMany(t => t.Checkpoints).ToList();
            return all.Count == 0 ? double.NaN : 100.0 * all.Count(c => c.InBand) / all.Count;
        }

        /// <summary>Coverage of the 10–90 % band at one checkpoint (0, 0.25, 0.5, 0.75 of the distance), %.</summary>
        public double CoveragePercentAt(double fraction)
        {
            var list = At(fraction).ToList();
            return list.Count == 0 ? double.NaN : 100.0 * list.Count(c => c.InBand) / list.Count;
        }

        public bool HasSeason(string season) => Trips.Any(t => t.Season == season);

        /// <summary>Target checks that apply to the seasons present (a season with no trips is not judged).</summary>
        public IEnumerable<(string Name, double Value, string Target, bool Met)> Targets()
        {
            foreach (string season in new[] { "summer", "winter" })
            {
                if (HasSeason(season))
                {
                    double m = DepartureMape(season);
                    yield return ($"departure MAPE {season}", m, $"<= {DepartureMapeTarget} %", m <= DepartureMapeTarget);
                }
            }

            double h = HalfwayArrivalMape(null);
            yield return ("arrival energy MAPE at 50 %", h, $"<= {HalfwayArrivalMapeTarget} %", h <= HalfwayArrivalMapeTarget);
            double c = CoveragePercent();
            yield return ("10-90 % band coverage", c, $"{CoverageMin}-{CoverageMax} %", c >= CoverageMin && c <= CoverageMax);
        }

        public bool AllTargetsMet => Targets().All(t => t.Met);
    }
}
