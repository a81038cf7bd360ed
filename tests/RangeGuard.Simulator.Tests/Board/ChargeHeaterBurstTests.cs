using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>A cool pack heated in bursts at a slow AC charger, with the real agent on the virtual board.</summary>
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
            ChargeAdviceCheck check = r.ChargeAdvice.Single(c => c.Charger.StartsWith("Norwich", StringComparison.Ordinal));
            RunTrace t = r.Trace!;
            double worst = 0, worstAtMin = 0;
            int heaterSamples = 0;
            for (int i = 0; i < t.Count; i++)
            {
                double el = t.ElapsedS[i];
                if (el < fromS + 120 || el > toS || double.IsNaN(t.AdviceChargeMinutes[i]))
                {
                    continue;
                }

                heaterSamples += t.HeaterKw[i] > 0 ? 1 : 0;
                double total = (el - fromS) / 60 + t.AdviceChargeMinutes[i];
                double err = Math.Abs(total / check.TruthMinutes - 1);
                if (err > worst)
                {
                    worst = err;
                    worstAtMin = (el - fromS) / 60;
                }
            }

            Assert.IsTrue(heaterSamples > 0, "the truth's heater ran during the charge (the case under test)");
            Assert.IsTrue(worst < 0.15, $"elapsed + advised minutes within 15 % of the truth's {check.TruthMinutes:0} min; worst {worst:P0} at minute {worstAtMin:0}");
        }
    }
}
