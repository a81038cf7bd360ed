using System.Globalization;
using System.IO;
using System.Linq;
using RangeGuard.Host.Evaluation;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>Plain aligned text report of an evaluation (per trip, per season and checkpoint, baselines, targets).</summary>
    internal static class EvaluationReport
    {
        private static readonly double[] Later = { 0.25, 0.5, 0.75 };

        private static string F(double v, string fmt = "F1") => double.IsNaN(v) ? "-" : v.ToString(fmt, CultureInfo.InvariantCulture);

        private static string[] Groups(EvaluationSummary s) => EvaluationSummary.Seasons.Where(s.HasSeason).Append("all").ToArray();

        private static string? Season(string g) => g == "all" ? null : g;

        public static void WriteTrips(EvaluationSummary s, TextWriter o)
        {
            o.WriteLine("err % = (forecast - measured) / measured battery energy for the rest of the trip; soc50 = arrival SOC forecast at 50 % minus logged, pp");
            o.WriteLine($"{"trip",-8} {"season",-6} {"km",5} {"kWh",5} {"amb C",5} | {"dep",6} {"25%",6} {"50%",6} {"75%",6} | {"sticker",7} {"guess",6} | {"soc50",5} | {"inband",6} | {"k",4} {"dP W",5}");
            foreach (TripEvaluation t in s.Trips)
            {
                string Err(int i) => i < t.Checkpoints.Count ? F(t.Checkpoints[i].ErrorPercent) : "-";
                Checkpoint? dep = t.Checkpoints.FirstOrDefault();
                Checkpoint? half = t.Checkpoints.Count > 2 ? t.Checkpoints[2] : null;
                int inBand = t.Checkpoints.Count(c => c.InBand);
                o.WriteLine($"{t.Trip,-8} {t.Season,-6} {F(t.DistanceKm),5} {F(t.MeasuredKwh, "F2"),5} {F(t.AmbientC),5} | {Err(0),6} {Err(1),6} {Err(2),6} {Err(3),6} | {(dep == null ? "-" : F(dep.LabelErrorPercent)),7} {(dep == null ? "-" : F(dep.GuessErrorPercent)),6} | {(half == null ? "-" : F(half.ArrivalSocErrorPp)),5} | {inBand + "/" + t.Checkpoints.Count,6} | {F(t.LearnedScale, "F2"),4} {F(t.LearnedAuxW, "F0"),5}");
            }
        }

        public static void WriteSummary(EvaluationSummary s, TextWriter o)
        {
            o.WriteLine("departure: energy for the whole trip, MAPE and bias (%), beside the window sticker (EPA label Wh/km) and the guess-o-meter");
            o.WriteLine($"{"group",-7} {"n",3} | {"MAPE",5} {"bias",5} | {"sticker",7} {"guess",6}");
            foreach (string g in Groups(s))
            {
                o.WriteLine($"{g,-7} {s.Count(Season(g)),3} | {F(s.DepartureMape(Season(g))),5} {F(s.DepartureBias(Season(g))),5} | {F(s.StickerDepartureMape(Season(g))),7} {F(s.GuessDepartureMape(Season(g))),6}");
            }

            o.WriteLine();
            o.WriteLine("en route: remaining-energy MAPE (%) | arrival SOC error, pp, mean abs / P90 | 10-90 % band coverage (%); model (sticker, guess)");
            o.WriteLine($"{"group",-7} {"at",4} | {"remaining-energy MAPE",-22} | {"arrival SOC mean abs",-22} | {"arrival SOC P90",-22} | {"cover",5}");
            foreach (string g in Groups(s))
            {
                string? se = Season(g);
                foreach (double f in Later)
                {
                    string rem = $"{F(s.RemainingMape(f, se))} ({F(s.StickerRemainingMape(f, se))}, {F(s.GuessRemainingMape(f, se))})";
                    string mean = $"{F(s.ArrivalSocMeanAbsPp(f, se), "F2")} ({F(s.StickerArrivalSocMeanAbsPp(f, se), "F2")}, {F(s.GuessArrivalSocMeanAbsPp(f, se), "F2")})";
                    string p90 = $"{F(s.ArrivalSocP90Pp(f, se), "F2")} ({F(s.StickerArrivalSocP90Pp(f, se), "F2")}, {F(s.GuessArrivalSocP90Pp(f, se), "F2")})";
                    o.WriteLine($"{g,-7} {F(f * 100, "F0") + "%",4} | {rem,-22} | {mean,-22} | {p90,-22} | {F(s.CoveragePercentAt(f, se)),5}");
                }
            }

            o.WriteLine($"band coverage at departure: {string.Join(", ", Groups(s).Select(g => $"{g} {F(s.CoveragePercentAt(0, Season(g)))} %"))}");
        }

        public static void WriteTargets(EvaluationSummary s, TextWriter o)
        {
            foreach (var t in s.Targets())
            {
                o.WriteLine($"target {t.Name,-30} {F(t.Value, "F2"),6}  ({t.Target})  {(t.Met ? "MET" : "NOT MET")}");
            }

            o.WriteLine(s.AllTargetsMet ? "all targets met" : "targets NOT all met");
        }

        /// <summary>One line per plan: the headline figures side by side (nav beside oracle).</summary>
        public static void WriteHeadline(string name, EvaluationSummary s, TextWriter o)
        {
            o.WriteLine($"{name,-7} departure MAPE summer {F(s.DepartureMape("summer"))} % / winter {F(s.DepartureMape("winter"))} % (sticker {F(s.StickerDepartureMape("summer"))} / {F(s.StickerDepartureMape("winter"))}); arrival SOC at 50 % {F(s.ArrivalSocMeanAbsPp(0.5, null), "F2")} pp mean, {F(s.ArrivalSocP90Pp(0.5, null), "F2")} P90; coverage {string.Join("/", TripEvalFractions().Select(f => F(s.CoveragePercentAt(f))))} %");
        }

        private static double[] TripEvalFractions() => TripEvaluator.Fractions;

        public static void Write(EvaluationSummary s, VehicleParams vp, TextWriter o)
        {
            WriteTrips(s, o);
            o.WriteLine();
            WriteSummary(s, o);
        }
    }
}
