using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    public enum CheckStatus
    {
        Passed,
        Failed,
        Skipped,
    }

    public sealed record CheckItem(string What, CheckStatus Status, string Detail);

    /// <summary>Asserts a run against the scenario's expectations for the driver mode that was run (what `run --check` prints).</summary>
    public static class ExpectationChecker
    {
        public static List<CheckItem> Check(Scenario s, RunResult r)
        {
            var items = new List<CheckItem>();
            Expectations? e = r.FollowedAdvice ? s.ExpectFollowingAdvice : s.ExpectAsDriven;
            string mode = r.FollowedAdvice ? "followingAdvice" : "asDriven";
            if (e == null)
            {
                items.Add(new CheckItem($"expect.{mode}", CheckStatus.Skipped, "the scenario states no expectations for this mode"));
                return items;
            }

            if (e.Outcome != null)
            {
                string got = r.Outcome == Outcome.Strands ? $"strands at km {r.StrandedAtM / 1000:0.0}" : "arrives";
                items.Add(Item($"outcome {e.Outcome.Value.ToString().ToLowerInvariant()}", r.Outcome == e.Outcome, got));
            }

            if (!double.IsNaN(e.StrandedFromM) && r.Outcome == Outcome.Strands)
            {
                bool ok = r.StrandedAtM >= e.StrandedFromM && r.StrandedAtM <= e.StrandedToM;
                items.Add(Item($"stranded between km {e.StrandedFromM / 1000:0.#} and {e.StrandedToM / 1000:0.#}", ok,
                    $"km {r.StrandedAtM / 1000:0.0} ({Math.Abs(r.StrandedOffsetKm):0.0} km {(r.StrandedOffsetKm < 0 ? "before" : "after")} {r.StrandedNear})"));
            }

            if (!double.IsNaN(e.MinSocLow))
            {
                items.Add(Item($"minimum SOC within [{e.MinSocLow:0.#}, {e.MinSocHigh:0.#}] %",
                    r.MinSocPercent >= e.MinSocLow && r.MinSocPercent <= e.MinSocHigh, $"{r.MinSocPercent:0.0} % at km {r.MinSocAtKm:0.0}"));
            }

            if (!double.IsNaN(e.FinalSocLow))
            {
                items.Add(Item($"final SOC within [{e.FinalSocLow:0.#}, {e.FinalSocHigh:0.#}] %",
                    r.FinalSocPercent >= e.FinalSocLow && r.FinalSocPercent <= e.FinalSocHigh, $"{r.FinalSocPercent:0.0} %"));
            }

            if (e.MaxAlertSeverity != null)
            {
                int worst = -1;
                foreach (BoardAlert a in r.Alerts)
                {
                    worst = Math.Max(worst, (int)a.Severity);
                }

                string allowed = e.MaxAlertSeverity < 0 ? "no alerts" : $"no alert above {(AlertSeverity)e.MaxAlertSeverity.Value}";
                items.Add(!r.BoardHasAgent
                    ? new CheckItem(allowed, CheckStatus.Skipped, $"board '{r.BoardName}' runs no agent")
                    : Item(allowed, worst <= e.MaxAlertSeverity, worst < 0 ? "none raised" : $"worst {(AlertSeverity)worst}"));
            }

            foreach (AlertExpectation x in e.Alerts)
            {
                string what = $"alert {x.Code}{(x.MinSeverity != null ? $" (>= {x.MinSeverity})" : "")} {Before(x, s)}";
                if (!r.BoardHasAgent)
                {
                    items.Add(new CheckItem(what, CheckStatus.Skipped, $"board '{r.BoardName}' runs no agent"));
                    continue;
                }

                BoardAlert? hit = FindAlert(x, s, r);
                items.Add(Item(what, hit != null, hit == null ? "not raised in time" : $"at km {hit.PositionM / 1000:0.0}: {hit.Text}"));
            }

            if (e.NoFalseCritical)
            {
                items.Add(!r.BoardHasAgent
                    ? new CheckItem("no false critical", CheckStatus.Skipped, $"board '{r.BoardName}' runs no agent")
                    : NoFalseCritical(s, r));
            }

            return items;
        }

        /// <summary>
        /// A critical alert is false when the truth, from the alert on, reaches the next charge stop (or the end of the run)
        /// without stranding and with more than that stop's reserve (the charger reserve, or the destination reserve at the end).
        /// </summary>
        public static CheckItem NoFalseCritical(Scenario s, RunResult r)
        {
            const string what = "no false critical (truth then arrives above the reserve)";
            foreach (BoardAlert a in r.Alerts)
            {
                if (a.Severity < AlertSeverity.Critical)
                {
                    continue;
                }

                double arriveSoc = double.NaN;
                double reserve = s.DestinationReservePercent;
                string where = "the end";
                foreach (StepRecord st in r.Steps)
                {
                    if (st.Kind == StepKind.Charge && st.StartS > a.ElapsedS)
                    {
                        arriveSoc = st.SocStart;
                        reserve = s.ChargerReservePercent;
                        where = st.Label;
                        break;
                    }
                }

                bool endsRun = double.IsNaN(arriveSoc);
                if (endsRun && r.Outcome == Outcome.Strands)
                {
                    continue;
                }

                arriveSoc = endsRun ? r.FinalSocPercent : arriveSoc;
                if (arriveSoc > reserve)
                {
                    return Item(what, false, $"{a.Code} at km {a.PositionM / 1000:0.0} ({a.Text}) but the car reached {where} with {arriveSoc:0.0} % > {reserve:0.#} %");
                }
            }

            return Item(what, true, "none");
        }

        public static bool AllPassed(IEnumerable<CheckItem> items)
        {
            foreach (CheckItem i in items)
            {
                if (i.Status == CheckStatus.Failed)
                {
                    return false;
                }
            }

            return true;
        }

        private static BoardAlert? FindAlert(AlertExpectation x, Scenario s, RunResult r)
        {
            double stepStartS = double.PositiveInfinity;
            if (x.BeforeStep >= 0)
            {
                foreach (StepRecord st in r.Steps)
                {
                    if (st.Index == x.BeforeStep)
                    {
                        stepStartS = st.StartS;
                    }
                }
            }

            foreach (BoardAlert a in r.Alerts)
            {
                if (!string.Equals(a.Code, x.Code, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (x.MinSeverity != null && a.Severity < x.MinSeverity.Value)
                {
                    continue;
                }

                bool inTime = (double.IsNaN(x.AfterM) || a.PositionM >= x.AfterM)
                    && (double.IsNaN(x.BeforeM) || a.PositionM < x.BeforeM)
                    && (x.BeforeTime == null || a.TimeUnixMs < x.BeforeTime.Value.ToUnixTimeMilliseconds())
                    && (x.BeforeStep < 0 || (a.ElapsedS < stepStartS && !ClearedBetween(r, a, stepStartS)));
                if (inTime)
                {
                    return a;
                }
            }

            return null;
        }

        /// <summary>A warning before a decision counts only if it is still up when the decision (the step) comes.</summary>
        private static bool ClearedBetween(RunResult r, BoardAlert a, double untilS)
        {
            foreach (BoardAlert c in r.ClearedAlerts)
            {
                if (string.Equals(c.Code, a.Code, StringComparison.OrdinalIgnoreCase) && c.ElapsedS > a.ElapsedS && c.ElapsedS <= untilS)
                {
                    return true;
                }
            }

            return false;
        }

        private static string Before(AlertExpectation x, Scenario s)
        {
            var parts = new List<string>();
            if (!double.IsNaN(x.AfterM))
            {
                parts.Add($"from km {x.AfterM / 1000:0.#}");
            }

            if (!double.IsNaN(x.BeforeM))
            {
                parts.Add($"before km {x.BeforeM / 1000:0.#}");
            }

            if (x.BeforeTime != null)
            {
                parts.Add($"before {x.BeforeTime.Value:yyyy-MM-dd HH:mm}");
            }

            if (x.BeforeStep >= 0)
            {
                parts.Add($"up at step {x.BeforeStep} ({s.Itinerary[x.BeforeStep].Label})");
            }

            return string.Join(", ", parts);
        }

        private static CheckItem Item(string what, bool ok, string detail)
            => new(what, ok ? CheckStatus.Passed : CheckStatus.Failed, detail);
    }
}
