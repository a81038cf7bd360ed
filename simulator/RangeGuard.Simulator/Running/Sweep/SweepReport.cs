using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RangeGuard.Simulator.Running.Sweep
{
    /// <summary>The sweep's tables (text or Markdown), its verdict on the issue's targets, and the per-run JSON.</summary>
    public static class SweepReport
    {
        public const double FalseCriticalTargetPercent = 1;
        public const double AdviceSuccessTargetPercent = 98;

        public sealed record Verdict(bool StrandingsMet, bool FalseCriticalsMet, bool AdviceMet, string Text)
        {
            public bool AllMet => StrandingsMet && FalseCriticalsMet && AdviceMet;
        }

        /// <summary>One row per scenario and driver mode, then the totals per mode and over everything.</summary>
        public static List<SweepStats> Rows(IReadOnlyList<SweepRun> runs)
        {
            var rows = new List<SweepStats>();
            foreach (string s in runs.Select(r => r.Scenario).Distinct())
            {
                foreach (bool follow in new[] { false, true })
                {
                    rows.Add(new SweepStats(s, Mode(follow), runs.Where(r => r.Scenario == s && r.FollowedAdvice == follow).ToList()));
                }
            }

            rows.Add(new SweepStats("all", Mode(false), runs.Where(r => !r.FollowedAdvice).ToList()));
            rows.Add(new SweepStats("all", Mode(true), runs.Where(r => r.FollowedAdvice).ToList()));
            rows.Add(new SweepStats("all", "both", runs));
            return rows;
        }

        public static Verdict Judge(IReadOnlyList<SweepRun> runs)
        {
            var all = new SweepStats("all", "both", runs);
            var following = new SweepStats("all", Mode(true), runs.Where(r => r.FollowedAdvice).ToList());
            bool strandOk = all.StrandingsWarnedInTime == all.Strandings;
            bool falseOk = all.FalseCriticalPercent <= FalseCriticalTargetPercent;
            bool adviceOk = following.ArrivedPercent >= AdviceSuccessTargetPercent;
            string text = string.Join(Environment.NewLine, new[]
            {
                $"- Every stranding preceded by a critical alert ≥ {SweepRun.LeadTargetMinutes:0} min and ≥ {SweepRun.LeadTargetKm:0} km before: " +
                $"{all.StrandingsWarnedInTime} of {all.Strandings} ({all.StrandingsWithCritical} with a critical up at all) — {(strandOk ? "met" : "MISSED")}",
                $"- False criticals (a critical on a run that ended with ≥ {SweepRun.FalseCriticalEndSocPercent:0} %) ≤ {FalseCriticalTargetPercent:0} %: " +
                $"{all.FalseCriticals} of {all.Runs} runs = {F(all.FalseCriticalPercent, "0.0")} % — {(falseOk ? "met" : "MISSED")}",
                $"- Following the advice reaches the destination in ≥ {AdviceSuccessTargetPercent:0} % of variants: " +
                $"{following.Arrived} of {following.Runs} = {F(following.ArrivedPercent, "0.0")} % — {(adviceOk ? "met" : "MISSED")}",
            });
            return new Verdict(strandOk, falseOk, adviceOk, text);
        }

        public static void Write(TextWriter w, IReadOnlyList<SweepRun> runs, string command, double wallS, int threads, bool markdown)
        {
            int variants = runs.Count == 0 ? 0 : runs.Max(r => r.Variant) + 1;
            int scenarios = runs.Select(r => r.Scenario).Distinct().Count();
            w.WriteLine(markdown ? $"`{command}`" : command);
            w.WriteLine();
            w.WriteLine($"{scenarios} scenario(s) × {variants} variants × 2 driver modes = {runs.Count:N0} runs with the agent on the virtual board, " +
                        $"{threads} thread(s), {wallS:0} s wall ({runs.Sum(r => r.WallS):0} s of runs).");
            w.WriteLine($"Variants: {SweepVariant.Describe()}.");
            w.WriteLine();
            string[] head =
            {
                "scenario", "driver", "runs", "strandings", "critical ≥ 20 min & ≥ 15 km before", "shortest lead (min / km)", "median lead (min / km)",
                "runs with a critical", "false criticals", "advisories / 100 km", "warnings / 100 km", "arrived",
            };
            var table = new List<string[]>();
            foreach (SweepStats s in Rows(runs))
            {
                table.Add(new[]
                {
                    s.Scenario, s.Mode, s.Runs.ToString(CultureInfo.InvariantCulture), s.Strandings.ToString(CultureInfo.InvariantCulture),
                    s.Strandings == 0 ? "—" : $"{s.StrandingsWarnedInTime} of {s.Strandings}",
                    s.StrandingsWithCritical == 0 ? "—" : $"{F(s.MinLeadMinutes, "0")} / {F(s.MinLeadKm, "0")}",
                    s.StrandingsWithCritical == 0 ? "—" : $"{F(s.MedianLeadMinutes, "0")} / {F(s.MedianLeadKm, "0")}",
                    s.WithCritical.ToString(CultureInfo.InvariantCulture),
                    $"{s.FalseCriticals} ({F(s.FalseCriticalPercent, "0.0")} %)",
                    F(s.AdvisoriesPer100Km, "0.00"), F(s.WarningsPer100Km, "0.00"),
                    $"{s.Arrived} ({F(s.ArrivedPercent, "0.0")} %)",
                });
            }

            WriteTable(w, head, table, markdown);
            w.WriteLine();
            w.WriteLine("Targets (all scenarios, both driver modes unless stated):");
            w.WriteLine(Judge(runs).Text);
            w.WriteLine();
            WriteChargeAdvice(w, runs, markdown);
        }

        /// <summary>
        /// The charge-time advice of every stop against the truth's time to the advised SOC: at the start (the plan knows the
        /// charger's rating, the variant's stall may give less) and after <see cref="ChargeAdviceCheck.SettleMinutes"/> of
        /// measured charge (minutes charged + minutes advised then), per scenario, charger and driver mode.
        /// </summary>
        public static void WriteChargeAdvice(TextWriter w, IReadOnlyList<SweepRun> runs, bool markdown)
        {
            var stops = runs.SelectMany(r => r.ChargeAdvice.Select(c => (r.Scenario, Mode: Mode(r.FollowedAdvice), Check: c))).ToList();
            w.WriteLine($"Charge-time advice against the truth's time to the advised SOC (error %: at the start of the stop; after " +
                        $"{ChargeAdviceCheck.SettleMinutes:0} min charging, minutes charged + minutes advised then; the issue's bound is ±15 %):");
            w.WriteLine();
            string[] head =
            {
                "scenario", "driver", "charger", "stops", "at the start: within ±15 %", "median (min … max)",
                $"after {ChargeAdviceCheck.SettleMinutes:0} min: stops", "within ±15 %", "median (min … max)",
            };
            var table = new List<string[]>();
            var chargerOrder = stops.Select(x => x.Check.Charger).Distinct().ToList();
            foreach (var g in stops.GroupBy(x => (x.Scenario, x.Check.Charger, x.Mode))
                         .OrderBy(g => g.Key.Scenario, StringComparer.Ordinal).ThenBy(g => chargerOrder.IndexOf(g.Key.Charger)).ThenBy(g => g.Key.Mode, StringComparer.Ordinal))
            {
                double[] start = g.Select(x => x.Check.ErrorPercent).Where(double.IsFinite).OrderBy(x => x).ToArray();
                double[] settled = g.Select(x => x.Check.SettledErrorPercent).Where(double.IsFinite).OrderBy(x => x).ToArray();
                table.Add(new[]
                {
                    g.Key.Scenario, g.Key.Mode, g.Key.Charger, g.Count().ToString(CultureInfo.InvariantCulture),
                    Within(start), Spread(start), settled.Length.ToString(CultureInfo.InvariantCulture), Within(settled), Spread(settled),
                });
            }

            if (table.Count == 0)
            {
                w.WriteLine("(no charge stop with a charge-time advice)");
                return;
            }

            WriteTable(w, head, table, markdown, leftColumns: 3);
        }

        private static string Within(double[] errors) =>
            errors.Length == 0 ? "—" : $"{errors.Count(e => Math.Abs(e) <= 15)} of {errors.Length}";

        private static string Spread(double[] sorted) =>
            sorted.Length == 0 ? "—" : $"{Signed(sorted[sorted.Length / 2])} ({Signed(sorted[0])} … {Signed(sorted[^1])})";

        private static string Signed(double v)
        {
            double r = Math.Round(v);
            return r == 0 ? "0" : r.ToString("+0;-0", CultureInfo.InvariantCulture);
        }

        public static void WriteJson(string path, IReadOnlyList<SweepRun> runs, string command)
        {
            using FileStream f = File.Create(path);
            using var j = new Utf8JsonWriter(f, new JsonWriterOptions { Indented = true });
            j.WriteStartObject();
            j.WriteString("command", command);
            j.WriteString("variants", SweepVariant.Describe());
            j.WriteStartArray("runs");
            foreach (SweepRun r in runs)
            {
                j.WriteStartObject();
                j.WriteString("scenario", r.Scenario);
                j.WriteNumber("variant", r.Variant);
                j.WriteString("driver", Mode(r.FollowedAdvice));
                j.WriteBoolean("stranded", r.Stranded);
                Num(j, "strandedAtKm", r.StrandedAtKm);
                Num(j, "distanceKm", r.DistanceKm);
                Num(j, "finalSocPercent", r.FinalSocPercent);
                Num(j, "minSocPercent", r.MinSocPercent);
                j.WriteBoolean("criticalUpAtStranding", r.CriticalUpAtStranding);
                Num(j, "leadMinutes", r.LeadMinutes);
                Num(j, "leadKm", r.LeadKm);
                if (r.LeadCode != null)
                {
                    j.WriteString("leadCode", r.LeadCode);
                }

                j.WriteNumber("criticals", r.Criticals);
                j.WriteNumber("warnings", r.Warnings);
                j.WriteNumber("advisories", r.Advisories);
                j.WriteBoolean("falseCritical", r.FalseCritical);
                j.WriteStartArray("chargeAdvice");
                foreach (ChargeAdviceCheck c in r.ChargeAdvice)
                {
                    j.WriteStartObject();
                    j.WriteString("charger", c.Charger);
                    Num(j, "powerKw", c.PowerKw);
                    Num(j, "toSocPercent", c.ToSocPercent);
                    Num(j, "advisedMinutes", c.AdvisedMinutes);
                    Num(j, "truthMinutes", c.TruthMinutes);
                    Num(j, "errorPercent", c.ErrorPercent);
                    Num(j, "settledToSocPercent", c.SettledToSocPercent);
                    Num(j, "settledTotalMinutes", c.SettledTotalMinutes);
                    Num(j, "settledTruthMinutes", c.SettledTruthMinutes);
                    Num(j, "settledErrorPercent", c.SettledErrorPercent);
                    j.WriteEndObject();
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        private static string Mode(bool follow) => follow ? "following advice" : "as driven";

        private static void Num(Utf8JsonWriter j, string name, double v)
        {
            if (double.IsFinite(v))
            {
                j.WriteNumber(name, Math.Round(v, 2));
            }
            else
            {
                j.WriteNull(name);
            }
        }

        private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

        private static void WriteTable(TextWriter w, string[] head, List<string[]> rows, bool markdown, int leftColumns = 2)
        {
            if (markdown)
            {
                w.WriteLine("| " + string.Join(" | ", head) + " |");
                w.WriteLine("|" + string.Concat(head.Select((_, i) => i < leftColumns ? "---|" : "---:|")));
                foreach (string[] r in rows)
                {
                    w.WriteLine("| " + string.Join(" | ", r) + " |");
                }

                return;
            }

            int[] width = head.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            w.WriteLine(string.Join("  ", head.Select((h, i) => h.PadRight(width[i]))));
            foreach (string[] r in rows)
            {
                w.WriteLine(string.Join("  ", r.Select((c, i) => i < leftColumns ? c.PadRight(width[i]) : c.PadLeft(width[i]))));
            }
        }
    }
}
