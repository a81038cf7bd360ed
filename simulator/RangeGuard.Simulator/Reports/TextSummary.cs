using System;
using System.Collections.Generic;
using System.IO;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Reports
{
    /// <summary>The plain-text run summary: step log, charge sessions, alert timeline, outcome, checks.</summary>
    public static class TextSummary
    {
        public static void Write(TextWriter w, Scenario s, RunResult r, IReadOnlyList<CheckItem>? checks)
        {
            w.WriteLine($"Scenario {s.Name}: {s.Description}");
            w.WriteLine($"Vehicle {s.Vehicle.Name}; board: {r.BoardName}; driver {(r.FollowedAdvice ? $"follows advice (source: {r.AdviceSource})" : "ignores advice (as driven)")}");
            if (r.BoardSummary != null)
            {
                w.WriteLine($"Board: {r.BoardSummary}");
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
                    w.WriteLine($"  {c.Charger,-34} advised {c.AdvisedMinutes,4:0} min to {c.ToSocPercent,3:0} % from {c.FromSocPercent,4:0.0} % (pack {c.PackTempC:0} °C); the truth takes {c.TruthMinutes,4:0} min ({c.ErrorPercent:+0.0;-0.0} %)");
                }
            }

            w.WriteLine();
            w.WriteLine(r.Alerts.Count == 0 ? (r.BoardHasAgent ? "Alerts: none." : "Alerts: none (no agent on this board).") : "Alert timeline:");
            foreach (BoardAlert a in r.Alerts)
            {
                w.WriteLine($"  {Clock(s, a.ElapsedS)}  km {a.PositionM / 1000,6:0.0}  {a.Severity,-8} {a.Code,-22} {a.Text}");
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

        public static string Clock(Scenario s, double elapsedS)
        {
            DateTimeOffset t = s.Start.AddSeconds(elapsedS);
            int day = (int)(t.Date - s.Start.Date).TotalDays + 1;
            return $"d{day} {t:HH:mm}";
        }
    }
}
