using System.Globalization;
using System.IO;
using System.Linq;
using RangeGuard.Host.Evaluation;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>Plain aligned text report of an evaluation (per trip, per season, targets).</summary>
    internal static class EvaluationReport
    {
        private static string F(double v, string fmt = "F1") => v.ToString(fmt, CultureInfo.InvariantCulture);

        public static void Write(EvaluationSummary s, VehicleParams vp, TextWriter o, bool sequence = false)
        {
            o.WriteLine($"vehicle {vp.Id}; {(sequence ? "learner carried from trip to trip in name order" : "fresh learner per trip")}; route = each trip's own profile in ~300 m segments; ambient forecast = value at departure");
            o.WriteLine("err % = (predicted - measured) / measured battery energy for the rest of the trip; band = 10-90 %");
            o.WriteLine($"{"trip",-8} {"season",-6} {"km",6} {"kWh",6} {"amb C",6} | {"dep",6} {"25%",6} {"50%",6} {"75%",6} | {"label",6} {"guess50",7} | {"arr50",6} | {"inband",6} | {"k",5} {"dP W",6}");
            foreach (TripEvaluation t in s.Trips)
            {
                string Err(int i) => i < t.Checkpoints.Count ? F(t.Checkpoints[i].ErrorPercent) : "-";
                Checkpoint? dep = t.Checkpoints.FirstOrDefault();
                Checkpoint? half = t.Checkpoints.Count > 2 ? t.Checkpoints[2] : null;
                int inBand = t.Checkpoints.Count(c => c.InBand);
                o.WriteLine($"{t.Trip,-8} {t.Season,-6} {F(t.DistanceKm),6} {F(t.MeasuredKwh, "F2"),6} {F(t.AmbientC),6} | {Err(0),6} {Err(1),6} {Err(2),6} {Err(3),6} | {(dep == null ? "-" : F(dep.LabelErrorPercent)),6} {(half == null ? "-" : F(half.GuessErrorPercent)),7} | {(half == null ? "-" : F(half.ArrivalContentErrorPercent)),6} | {inBand + "/" + t.Checkpoints.Count,6} | {F(t.LearnedScale, "F2"),5} {F(t.LearnedAuxW, "F0"),6}");
            }

            o.WriteLine();
            o.WriteLine($"{"group",-8} {"n",3} | {"MAPE dep",8} {"bias dep",8} | {"MAPE 25",7} {"MAPE 50",7} {"MAPE 75",7} | {"arr50",6} | {"label dep",9} {"guess 50",8} | {"cover",6}");
            foreach (string? season in new[] { "summer", "winter", null })
            {
                if (season != null && !s.HasSeason(season))
                {
                    continue;
                }

                int n = s.Trips.Count(t => season == null || t.Season == season);
                double M(double f) => EvaluationSummary.Mape(s.At(f, season).Select(c => c.ErrorPercent));
                double bias = EvaluationSummary.Bias(s.At(0, season).Select(c => c.ErrorPercent));
                double label = EvaluationSummary.Mape(s.At(0, season).Select(c => c.LabelErrorPercent));
                double guess = EvaluationSummary.Mape(s.At(0.5, season).Select(c => c.GuessErrorPercent));
                o.WriteLine($"{season ?? "all",-8} {n,3} | {F(M(0)),8} {F(bias),8} | {F(M(0.25)),7} {F(M(0.5)),7} {F(M(0.75)),7} | {F(s.HalfwayArrivalMape(season)),6} | {F(label),9} {F(guess),8} | {F(s.CoveragePercent(season)),6}");
            }

            o.WriteLine($"band coverage by checkpoint: departure {F(s.CoveragePercentAt(0))} %, 25 % {F(s.CoveragePercentAt(0.25))} %, 50 % {F(s.CoveragePercentAt(0.5))} %, 75 % {F(s.CoveragePercentAt(0.75))} %");
            o.WriteLine();
            foreach (var t in s.Targets())
            {
                o.WriteLine($"target {t.Name,-28} {F(t.Value, "F2"),7}  ({t.Target})  {(t.Met ? "MET" : "NOT MET")}");
            }

            o.WriteLine($"also: energy for the 2nd half, MAPE at 50 % = {F(s.HalfwayNeedMape(null), "F2")} % (stricter reading of the 4 % target)");
            o.WriteLine(s.AllTargetsMet ? "all targets met" : "targets NOT all met");
        }
    }
}
