using System;
using System.Collections.Generic;
using System.Linq;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>Aggregate metrics over trips and the pass/fail of the issue-10 targets (judged on the nav plan).</summary>
    public sealed class EvaluationSummary
    {
        public const double DepartureMapeTarget = 8.0;
        public const double DepartureVsStickerMax = 0.5;
        public const double ArrivalSocAtHalfTargetPp = 1.0;
        public const double CoverageMin = 70.0, CoverageMax = 90.0;
        public static readonly string[] Seasons = { "summer", "winter" };

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

        /// <summary>90th percentile of |x| (nearest rank).</summary>
        public static double P90Abs(IEnumerable<double> errors)
        {
            var list = errors.Select(Math.Abs).OrderBy(x => x).ToList();
            return list.Count == 0 ? double.NaN : list[(int)Math.Ceiling(0.9 * list.Count) - 1];
        }

        public int Count(string? season) => Trips.Count(t => season == null || t.Season == season);

        public double DepartureMape(string? season) => Mape(At(0.0, season).Select(c => c.ErrorPercent));
        public double DepartureBias(string? season) => Bias(At(0.0, season).Select(c => c.ErrorPercent));
        public double StickerDepartureMape(string? season) => Mape(At(0.0, season).Select(c => c.LabelErrorPercent));
        public double GuessDepartureMape(string? season) => Mape(At(0.0, season).Select(c => c.GuessErrorPercent));

        /// <summary>MAPE of the energy for the rest of the trip forecast at a checkpoint.</summary>
        public double RemainingMape(double fraction, string? season) => Mape(At(fraction, season).Select(c => c.ErrorPercent));
        public double StickerRemainingMape(double fraction, string? season) => Mape(At(fraction, season).Select(c => c.LabelErrorPercent));
        public double GuessRemainingMape(double fraction, string? season) => Mape(At(fraction, season).Select(c => c.GuessErrorPercent));

        /// <summary>Arrival SOC error, percentage points: mean absolute and P90 of the absolute value.</summary>
        public double ArrivalSocMeanAbsPp(double fraction, string? season) => Mape(At(fraction, season).Select(c => c.ArrivalSocErrorPp));
        public double ArrivalSocP90Pp(double fraction, string? season) => P90Abs(At(fraction, season).Select(c => c.ArrivalSocErrorPp));
        public double StickerArrivalSocMeanAbsPp(double fraction, string? season) => Mape(At(fraction, season).Select(c => c.LabelArrivalSocErrorPp));
        public double StickerArrivalSocP90Pp(double fraction, string? season) => P90Abs(At(fraction, season).Select(c => c.LabelArrivalSocErrorPp));
        public double GuessArrivalSocMeanAbsPp(double fraction, string? season) => Mape(At(fraction, season).Select(c => c.GuessArrivalSocErrorPp));
        public double GuessArrivalSocP90Pp(double fraction, string? season) => P90Abs(At(fraction, season).Select(c => c.GuessArrivalSocErrorPp));

        /// <summary>Share of outcomes inside the 10–90 % band at one checkpoint, %.</summary>
        public double CoveragePercentAt(double fraction, string? season = null)
        {
            var list = At(fraction, season).ToList();
            return list.Count == 0 ? double.NaN : 100.0 * list.Count(c => c.InBand) / list.Count;
        }

        public bool HasSeason(string season) => Trips.Any(t => t.Season == season);

        /// <summary>The issue-10 targets that apply to the seasons present (a season with no trips is not judged).</summary>
        public IEnumerable<(string Name, double Value, string Target, bool Met)> Targets()
        {
            foreach (string season in Seasons.Where(HasSeason))
            {
                double m = DepartureMape(season);
                yield return ($"departure MAPE {season}", m, $"<= {DepartureMapeTarget} %", m <= DepartureMapeTarget);
                double half = DepartureVsStickerMax * StickerDepartureMape(season);
                yield return ($"departure MAPE {season} vs sticker", m, FormattableString.Invariant($"<= half the sticker's {StickerDepartureMape(season):F1} %"), m <= half);
            }

            double a = ArrivalSocMeanAbsPp(0.5, null);
            yield return ("arrival SOC error at 50 %", a, $"<= {ArrivalSocAtHalfTargetPp} pp mean", a <= ArrivalSocAtHalfTargetPp);
            foreach (double f in TripEvaluator.Fractions)
            {
                double c = CoveragePercentAt(f);
                yield return ($"band coverage at {(f == 0 ? "departure" : FormattableString.Invariant($"{f * 100:F0} %"))}", c, $"{CoverageMin}-{CoverageMax} %", c >= CoverageMin && c <= CoverageMax);
            }
        }

        public bool AllTargetsMet => Targets().All(t => t.Met);
    }
}
