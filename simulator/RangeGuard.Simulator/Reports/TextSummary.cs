using System;
using System.Collections.Generic;
using System.IO;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Reports
{
    /// <summary>
    /// The plain-text run summary: header, timeline (steps, alerts, advice), then the itinerary as run, charge sessions,
    /// outcome and checks. Piped output prints the header first and streams the timeline as it happens (<see cref="Timeline"/>).
    /// </summary>
    public static class TextSummary
    {
        /// <summary>The whole summary at once: header, timeline, results (a run whose timeline was not streamed).</summary>
        public static void Write(TextWriter w, Scenario s, RunResult r, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<CheckItem>? checks)
        {
            WriteHeader(w, s, r.BoardName, r.FollowedAdvice);
            foreach (TimelineEntry e in timeline)
            {
                w.WriteLine(Timeline.Format(s, e));
            }

            WriteResults(w, s, r, timeline, checks);
        }

        /// <summary>What runs: scenario, vehicle, board, driver; then the timeline's heading (its entries follow).</summary>
        public static void WriteHeader(TextWriter w, Scenario s, string boardName, bool followsAdvice)
        {
            w.WriteLine($"Scenario {s.Name}: {s.Description}");
            w.WriteLine($"Vehicle {s.Vehicle.Name}; board: {boardName}; driver {(followsAdvice ? "follows advice" : "ignores advice (as driven)")}");
            w.WriteLine();
            w.WriteLine("Timeline (itinerary steps; alerts raised and cleared; advice given and withdrawn):");
        }

        /// <summary>After the timeline: its counts, the board's account, the itinerary as run, charging, outcome, checks.</summary>
        public static void WriteResults(TextWriter w, Scenario s, RunResult r, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<CheckItem>? checks)
        {
            w.WriteLine(Counts(r, timeline));
            if (r.BoardSummary != null)
            {
                w.WriteLine($"Board: {r.BoardSummary}");
            }

            if (r.FollowedAdvice)
            {
                w.WriteLine($"Advice the driver acted on came from: {r.AdviceSource}");
            }

            w.WriteLine();
            w.WriteLine("Itinerary as run:");
            foreach (StepRecord st in r.Steps)
            {
                w.WriteLine($"  {Clock(s, st.StartS)}  #{st.Index,-2} {st.Label,-46} km {st.StartKm,6:0.0} -> {st.EndKm,6:0.0}  SOC {st.SocStart,5:0.0} -> {st.SocEnd,5:0.0} %  pack {st.BatteryTempEndC,5:0.0} °C  display {st.DisplayedRangeEndKm,4:0} km{(st.FollowedAdvice ? "  [advised]" : "")}");
            }

            if (r.ChargeSessions.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("Charging:");
                foreach (ChargeSession c in r.ChargeSessions)
                {
                    w.WriteLine($"  {Clock(s, c.StartS)}  {c.Where,-34} {(c.IsDc ? "DC" : "AC")} {c.Minutes,5:0} min  SOC {c.SocFrom,5:0.0} -> {c.SocTo,5:0.0} %  {c.GridKwh,5:0.0} kWh ({c.AvgKw:0.0} kW avg)  pack {c.BatteryTempStartC:0} -> {c.BatteryTempEndC:0} °C");
                }
            }

            if (r.ChargeAdvice.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("Charge-time advice vs the truth (a truth car charged from the state at the advice to the advised SOC):");
                foreach (ChargeAdviceCheck c in r.ChargeAdvice)
                {
                    w.WriteLine($"  {c.Charger,-34} advised {c.AdvisedMinutes,4:0} min to {c.ToSocPercent,3:0} % from {c.FromSocPercent,4:0.0} % (pack {c.PackTempC:0} °C); the truth takes {c.TruthMinutes,4:0} min ({c.ErrorPercent:+0.0;-0.0} %)"
                        + (double.IsNaN(c.SettledTotalMinutes) ? string.Empty
                            : $"; after {ChargeAdviceCheck.SettleMinutes:0} min charged + advised {c.SettledTotalMinutes:0} min to {c.SettledToSocPercent:0} %, the truth {c.SettledTruthMinutes:0} ({c.SettledErrorPercent:+0.0;-0.0} %)"));
                }
            }

            w.WriteLine();
            w.WriteLine(r.Outcome == Outcome.Strands
                ? $"Outcome: STRANDED at km {r.StrandedAtM / 1000:0.0}, {Math.Abs(r.StrandedOffsetKm):0.0} km {(r.StrandedOffsetKm < 0 ? "before" : "after")} {r.StrandedNear}, {Clock(s, r.SimulatedS)} ({r.StrandReason})"
                : $"Outcome: arrived at {r.ArrivedAt}, {Clock(s, r.SimulatedS)}, SOC {r.FinalSocPercent:0.0} %");
            w.WriteLine($"Distance {r.DistanceKm:0.0} km; minimum SOC {r.MinSocPercent:0.0} % at km {r.MinSocAtKm:0.0}; battery out {r.BatteryOutKwh:0.0} kWh, in {r.BatteryInKwh:0.0} kWh (regen {r.RegenKwh:0.0}); grid {r.GridKwh:0.0} kWh; cabin {r.HvacKwh:0.0} kWh; battery heater {r.BatteryHeaterKwh:0.0} kWh");
            w.WriteLine($"Simulated {r.SimulatedS / 3600:0.0} h in {r.WallS:0.000} s ({r.RealTimeFactor:N0}× real time)");
            if (checks != null)
            {
                w.WriteLine();
                w.WriteLine("Checks:");
                foreach (CheckItem c in checks)
                {
                    string tag = c.Status switch { CheckStatus.Passed => "PASS", CheckStatus.Failed => "FAIL", _ => "SKIP" };
                    w.WriteLine($"  {tag}  {c.What}: {c.Detail}");
                }
            }
        }

        /// <summary>"12 alerts raised, 10 cleared; advice given 5 times, withdrawn 4 times" (or why there are none).</summary>
        private static string Counts(RunResult r, IReadOnlyList<TimelineEntry> timeline)
        {
            if (!r.BoardHasAgent)
            {
                return "No alerts and no advice: no agent on this board.";
            }

            int raised = 0, cleared = 0, given = 0, withdrawn = 0;
            foreach (TimelineEntry e in timeline)
            {
                raised += e.Kind == TimelineKind.Alert ? 1 : 0;
                cleared += e.Kind == TimelineKind.Cleared ? 1 : 0;
                given += e.Kind == TimelineKind.Advice ? 1 : 0;
                withdrawn += e.Kind == TimelineKind.Withdrawn ? 1 : 0;
            }

            return $"{Plural(raised, "alert")} raised, {cleared} cleared; advice given {Plural(given, "time")}, withdrawn {Plural(withdrawn, "time")}.";
        }

        private static string Plural(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

        public static string Clock(Scenario s, double elapsedS)
        {
            DateTimeOffset t = s.Start.AddSeconds(elapsedS);
            int day = (int)(t.Date - s.Start.Date).TotalDays + 1;
            return $"d{day} {t:HH:mm}";
        }
    }
}
