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

        private static void WriteTable(TextWriter w, string[] head, List<string[]> rows, bool markdown)
        {
            if (markdown)
            {
                w.WriteLine("| " + string.Join(" | ", head) + " |");
                w.WriteLine("|" + string.Concat(head.Select((_, i) => i < 2 ? "---|" : "---:|")));
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
                w.WriteLine(string.Join("  ", r.Select((c, i) => i < 2 ? c.PadRight(width[i]) : c.PadLeft(width[i]))));
            }
        }
    }
}
