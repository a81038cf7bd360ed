using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>A cool pack heated from a slow AC charger (in bursts, or for a whole stop), with the real agent on the virtual board.</summary>
    [TestClass]
    public class ChargeHeaterBurstTests
    {
        [TestMethod]
        public void The_charge_time_should_hold_through_the_heaters_bursts_without_a_false_critical()
        {
            // Sweep variant 36 of broder-2013 at seed 1 (chargers x 0.73, following the advice): at Norwich (AC, derated) the
            // truth's BMS heats the 10-14 °C pack in bursts from the charger. Taking one burst's battery power as the charge
            // rate turned the ~350-minute charge into 1,383 minutes at 11:22 and raised RG-STRANDED ("leaving at 16:02 with
            // 35 %") for two minutes; the car left at 46 % and arrived.
            RunResult r = SweepVariantRuns.Run("broder-2013", 36, 1, followAdvice: true, recordTrace: true);

            ChargeSession norwich = r.ChargeSessions.Single(c => c.Where.StartsWith("Norwich", StringComparison.Ordinal));
            double fromS = norwich.StartS, toS = norwich.StartS + norwich.Minutes * 60;
            Assert.IsFalse(r.Alerts.Any(a => a.Code == "RG-STRANDED" && a.ElapsedS >= fromS && a.ElapsedS <= toS),
                "no RG-STRANDED while charging at Norwich: " + string.Join(" | ", r.Alerts.Where(a => a.Code == "RG-STRANDED").Select(a => a.Text)));

            // The truth's whole charge to the advised SOC (392 min); minutes charged + minutes advised stay within the 15 %
            // of it all session (350-375 min with the bursts held; 1,473 at the burst of minute 90 before).
            ChargeAdviceCheck check = r.ChargeAdvice.Single(c => c.Charger == norwich.Where);
            AssertAdviceSteady(r, norwich, check.TruthMinutes, "the truth's");
        }

        [TestMethod]
        public void The_charge_time_should_hold_while_the_heater_runs_past_the_models_own_threshold()
        {
            // broder-2013 as driven at Norwich: the truth heats the -4 °C pack with 3.8 of the charger's 5.6 kW up to 13 °C, the
            // model its own pack only to 5 °C. Past 5 °C the measured shortfall was taken for a charger at a third of its
            // rating: from minute 22 the advice read about 1,050 minutes for 14 minutes. The pack's temperature rise shows the
            // heater: nothing is measured while it lasts.
            RunResult r = SweepVariantRuns.BuiltIn("broder-2013", followAdvice: false, recordTrace: true);
            ChargeSession norwich = r.ChargeSessions.Single(c => c.Where.StartsWith("Norwich", StringComparison.Ordinal));
            ChargeAdviceCheck check = r.ChargeAdvice.Single(c => c.Charger == norwich.Where);

            // Steady against the advice at the start of the stop (283 min; ChargeAdviceTests holds it to 15 % of the truth's
            // 320). Against the truth it reads short by up to about a quarter once the pack passes 5 °C (the preset's heating
            // is the gentler: simulator README), but it never reads long.
            foreach (var (atMin, total) in Totals(r, norwich).Where(x => (int)(x.AtMin * 60) % 300 < 10))
            {
                Console.WriteLine($"minute {atMin:0}: advised {total - atMin:0} min, charged + advised {total:0} (truth {check.TruthMinutes:0})");
            }

            double worst = AssertAdviceSteady(r, norwich, check.AdvisedMinutes, "the advice at the start's");
            Assert.IsTrue(worst > 0.05, "the case under test: the model's heating ends before the truth's (worst " + worst.ToString("P0") + ")");
            Assert.IsTrue(MaxTotal(r, norwich) < 1.15 * check.TruthMinutes, "never long against the truth's " + check.TruthMinutes.ToString("0") + " min");
        }

        /// <summary>Minutes charged + minutes advised, sample by sample, from two minutes into the stop until it ends or the agent's own heating begins.</summary>
        private static System.Collections.Generic.IEnumerable<(double AtMin, double Total)> Totals(RunResult r, ChargeSession session)
        {
            double fromS = session.StartS, toS = session.StartS + session.Minutes * 60;
            RunTrace t = r.Trace!;
            for (int i = 0; i < t.Count; i++)
            {
                double el = t.ElapsedS[i];
                if (el < fromS + 120 || el > toS || double.IsNaN(t.AdviceChargeMinutes[i]))
                {
                    continue;
                }

                if (t.HeaterRequest[i])
                {
                    yield break; // the agent's own heating before the departure: minutes that do not charge
                }

                yield return ((el - fromS) / 60, (el - fromS) / 60 + t.AdviceChargeMinutes[i]);
            }
        }

        private static double MaxTotal(RunResult r, ChargeSession session) => Totals(r, session).Max(x => x.Total);

        /// <summary>The totals stay within 15 % of <paramref name="reference"/> minutes while the truth's heater runs in the stop; the worst relative error.</summary>
        private static double AssertAdviceSteady(RunResult r, ChargeSession session, double reference, string what)
        {
            RunTrace t = r.Trace!;
            Assert.IsTrue(Enumerable.Range(0, t.Count).Any(i => t.ElapsedS[i] >= session.StartS && t.ElapsedS[i] <= session.StartS + session.Minutes * 60
                && t.HeaterKw[i] > 0), "the truth's heater ran during the charge (the case under test)");
            var worst = Totals(r, session).Select(x => (x.AtMin, Err: Math.Abs(x.Total / reference - 1))).MaxBy(x => x.Err);
            Assert.IsTrue(worst.Err < 0.15, $"elapsed + advised minutes within 15 % of {what} {reference:0} min; worst {worst.Err:P0} at minute {worst.AtMin:0}");
            return worst.Err;
        }
    }
}
