using System;
using System.Collections.Generic;
using System.Linq;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>
    /// Departure error as a function of trips driven: a run with the learners carried trip to trip against the preset with
    /// a fresh learner on the same trips. Target (issue 10): over the trips after the first LearnTrips, departure MAPE at
    /// least 25 % lower than the preset's, and no worse than the preset's over the first LearnTrips.
    /// </summary>
    public static class LearningCurve
    {
        public const int LearnTrips = 10;
        public const double RequiredReduction = 0.25;

        public sealed record Blocks(double LearnedFirst, double PresetFirst, double LearnedAfter, double PresetAfter, int After)
        {
            public bool FirstNotHurt => LearnedFirst <= PresetFirst;
            public bool Pays => After > 0 && LearnedAfter <= (1 - RequiredReduction) * PresetAfter;
        }

        public static Blocks Compare(EvaluationSummary learned, EvaluationSummary preset)
        {
            double[] l = Departure(learned), p = Departure(preset);
            int n = Math.Min(l.Length, p.Length), k = Math.Min(LearnTrips, n);
            double M(double[] a, int from, int to) => to > from ? a.Skip(from).Take(to - from).Average(Math.Abs) : double.NaN;
            return new Blocks(M(l, 0, k), M(p, 0, k), M(l, k, n), M(p, k, n), n - k);
        }

        /// <summary>The car's constants in a learned state (EnergyForecaster.SaveLearnedState), as the forecaster applies them.</summary>
        public static string Describe(string carState)
        {
            var c = new RangeGuard.Learning.CarCalibrationLearner();
            if (!c.TryLoadState(carState.Split('|')[0]))
            {
                return "(state not readable)";
            }

            return FormattableString.Invariant($"drive × {c.DriveScale:F3}, base load {c.BaseLoadW:F0} W per planned hour, start-up {c.StartupWh:F0} Wh, heating × {c.HeatingScale:F2}, cooling × {c.CoolingScale:F2} ({c.TripCount} trips); usable energy per SOC point × {c.UsableScaleAt(20f):F3} at 20 % SOC, × {c.UsableScaleAt(80f):F3} at 80 % ({c.SocTripCount} trips)");
        }

        public static double[] Departure(EvaluationSummary s) =>
            s.Trips.Select(t => t.Checkpoints.Count > 0 ? t.Checkpoints[0].ErrorPercent : double.NaN).ToArray();

        public static void Write(EvaluationSummary learned, EvaluationSummary preset, System.IO.TextWriter o)
        {
            static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
            double[] l = Departure(learned), p = Departure(preset);
            o.WriteLine("learning curve (the device: preset, no host calibration): departure error % by trips driven, the car's constants learned trip to trip | preset, fresh each trip");
            o.WriteLine($"{"#",3} {"trip",-8} {"season",-6} | {"learned",7} {"preset",7}");
            for (int i = 0; i < Math.Min(l.Length, p.Length); i++)
            {
                o.WriteLine($"{i + 1,3} {learned.Trips[i].Trip,-8} {learned.Trips[i].Season,-6} | {F(l[i]),7} {F(p[i]),7}");
            }

            var blocks = new System.Text.StringBuilder("departure MAPE by trips driven, learned vs preset:");
            int count = Math.Min(l.Length, p.Length);
            for (int from = 0; from < count; from += 5)
            {
                int to = Math.Min(count, from + 5);
                double ml = l.Skip(from).Take(to - from).Average(Math.Abs), mp = p.Skip(from).Take(to - from).Average(Math.Abs);
                blocks.Append(System.FormattableString.Invariant($" {from + 1}-{to}: {F(ml)} vs {F(mp)} %;"));
            }

            o.WriteLine(blocks.ToString().TrimEnd(';'));
            string? state = learned.Trips.Count > 0 ? learned.Trips[^1].CarState : null;
            if (state != null)
            {
                o.WriteLine($"learned after {learned.Trips.Count} trips: {Describe(state)}");
            }

            Blocks b = Compare(learned, preset);
            o.WriteLine($"departure MAPE trips 1-{LearnTrips}: learned {F(b.LearnedFirst)} % vs preset {F(b.PresetFirst)} % ({(b.FirstNotHurt ? "not hurt" : "HURT")}); trips {LearnTrips + 1}-{LearnTrips + b.After}: learned {F(b.LearnedAfter)} % vs preset {F(b.PresetAfter)} % ({(b.Pays ? "pays" : "does NOT pay")}: target <= {F((1 - RequiredReduction) * b.PresetAfter)} %)");
        }
    }
}
