using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running.Sweep
{
    /// <summary>
    /// What one sweep run says about alert quality: the outcome; for a stranding, the critical alert that was up when the
    /// car stopped (the earliest raise of a critical still active then) and how long and how far before it came; the alert
    /// raises by severity (re-alerts of a worsening alert are not counted) and the distance driven; the charge-time advice
    /// of each stop against the truth (<see cref="ChargeAdviceCheck"/>).
    /// </summary>
    public sealed record SweepRun(string Scenario, int Variant, bool FollowedAdvice, bool Stranded, double StrandedAtKm,
        double DistanceKm, double FinalSocPercent, double MinSocPercent, bool CriticalUpAtStranding, double LeadMinutes, double LeadKm,
        string? LeadCode, int Criticals, int Warnings, int Advisories, double WallS, IReadOnlyList<ChargeAdviceCheck> ChargeAdvice)
    {
        /// <summary>A run that ended with at least this SOC had no business seeing a critical alert, %.</summary>
        public const double FalseCriticalEndSocPercent = 10;

        /// <summary>Targets: a critical alert at least this long and this far before every stranding.</summary>
        public const double LeadTargetMinutes = 20;
        public const double LeadTargetKm = 15;

        /// <summary>A critical alert was raised on a run that ended with ≥ 10 % (the definition).</summary>
        public bool FalseCritical => Criticals > 0 && !Stranded && FinalSocPercent >= FalseCriticalEndSocPercent;

        /// <summary>Stranded with a critical alert up that came ≥ 20 min and ≥ 15 km before.</summary>
        public bool StrandingWarnedInTime => Stranded && CriticalUpAtStranding && LeadMinutes >= LeadTargetMinutes && LeadKm >= LeadTargetKm;

        public static SweepRun From(string scenario, int variant, RunResult r, double wallS)
        {
            int crit = 0, warn = 0, adv = 0;
            foreach (BoardAlert a in r.Alerts)
            {
                if (a.Worse)
                {
                    continue;
                }

                switch (a.Severity)
                {
                    case AlertSeverity.Critical:
                        crit++;
                        break;
                    case AlertSeverity.Warning:
                        warn++;
                        break;
                    case AlertSeverity.Advisory:
                        adv++;
                        break;
                }
            }

            bool stranded = r.Outcome == Outcome.Strands;
            BoardAlert? lead = stranded ? CriticalUpAt(r, r.SimulatedS) : null;
            return new SweepRun(scenario, variant, r.FollowedAdvice, stranded, stranded ? r.StrandedAtM / 1000 : double.NaN, r.DistanceKm,
                r.FinalSocPercent, r.MinSocPercent, lead != null,
                lead != null ? (r.SimulatedS - lead.ElapsedS) / 60 : double.NaN,
                lead != null ? (r.StrandedAtM - lead.PositionM) / 1000 : double.NaN,
                lead?.Code, crit, warn, adv, wallS, r.ChargeAdvice.ToArray());
        }

        /// <summary>The earliest raise of a critical alert still up (not cleared since) at <paramref name="atS"/>.</summary>
        public static BoardAlert? CriticalUpAt(RunResult r, double atS)
        {
            BoardAlert? best = null;
            var lastClear = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (BoardAlert c in r.ClearedAlerts)
            {
                if (c.ElapsedS <= atS)
                {
                    lastClear[c.Code] = Math.Max(lastClear.TryGetValue(c.Code, out double t) ? t : double.NegativeInfinity, c.ElapsedS);
                }
            }

            foreach (BoardAlert a in r.Alerts)
            {
                if (a.Severity < AlertSeverity.Critical || a.ElapsedS > atS)
                {
                    continue;
                }

                double cleared = lastClear.TryGetValue(a.Code, out double t) ? t : double.NegativeInfinity;
                if (a.ElapsedS >= cleared && (best == null || a.ElapsedS < best.ElapsedS))
                {
                    best = a;
                }
            }

            return best;
        }
    }
}
