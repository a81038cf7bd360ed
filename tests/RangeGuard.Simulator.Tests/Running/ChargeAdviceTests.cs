using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Tests.Running
{
    /// <summary>
    /// Charge-time advice against the truth, per built-in scenario: the "N min to X %" the agent advises at the start of every
    /// charge stop (both driver modes) must be within 15 % of the time the truth car takes from that state to X %, and so
    /// must the minutes charged + advised after 10 minutes of measured charge (where the stop lasts that long).
    /// </summary>
    [TestClass]
    public class ChargeAdviceTests
    {
        public const double TolerancePercent = 15;

        private static readonly string[] Tested =
        {
            "broder-2013", "cold-night-unplugged", "dc-fast-charge-precondition", "summer-commute", "winter-mountain-pass",
        };

        private static List<ChargeAdviceCheck> Audit(string name)
        {
            Scenario s = ScenarioCatalog.Load(name);
            var all = new List<ChargeAdviceCheck>();
            foreach (bool follow in new[] { false, true })
            {
                all.AddRange(new ScenarioRunner(s, new AgentBoard(), new RunOptions { FollowAdvice = follow, RecordTrace = false }).Run().ChargeAdvice);
            }

            return all;
        }

        private static void AssertWithinTolerance(IReadOnlyCollection<ChargeAdviceCheck> checks, int atLeast, string name)
        {
            Assert.IsTrue(checks.Count >= atLeast, $"{name}: {checks.Count} advised charge stops, expected at least {atLeast}");
            foreach (ChargeAdviceCheck c in checks)
            {
                Assert.IsTrue(System.Math.Abs(c.ErrorPercent) <= TolerancePercent,
                    $"{name} at {c.Charger}: advised {c.AdvisedMinutes:0.0} min for {c.FromSocPercent:0.0} -> {c.ToSocPercent:0.0} % " +
                    $"(pack {c.PackTempC:0.0} °C), the truth takes {c.TruthMinutes:0.0} min ({c.ErrorPercent:+0.0;-0.0} %)");
                Assert.IsTrue(double.IsNaN(c.SettledTotalMinutes) || System.Math.Abs(c.SettledErrorPercent) <= TolerancePercent,
                    $"{name} at {c.Charger} after {ChargeAdviceCheck.SettleMinutes:0} min: charged + advised {c.SettledTotalMinutes:0.0} min to " +
                    $"{c.SettledToSocPercent:0.0} %, the truth takes {c.SettledTruthMinutes:0.0} min ({c.SettledErrorPercent:+0.0;-0.0} %)");
            }

        }

        [TestMethod]
        public void Every_built_in_scenario_should_have_a_charge_time_test()
        {
            foreach (string n in ScenarioCatalog.Names())
            {
                CollectionAssert.Contains(Tested, n, $"add a charge-advice test for {n}");
            }
        }

        [TestMethod]
        public void Broder_2013_charge_advice_should_be_within_15_percent_at_Newark_Milford_and_Norwich()
        {
            List<ChargeAdviceCheck> checks = Audit("broder-2013");
            AssertWithinTolerance(checks, 5, "broder-2013");
            ChargeAdviceCheck newark = checks.First(c => c.Charger.StartsWith("Newark", System.StringComparison.Ordinal));
            Assert.AreEqual(100, newark.ToSocPercent, 0.01, "to 100 % at Newark: the taper and the CV tail dominate");
            ChargeAdviceCheck norwich = checks.First(c => c.Charger.StartsWith("Norwich", System.StringComparison.Ordinal));
            Assert.IsTrue(norwich.PackTempC < 0, "as driven, Norwich charges a cold-soaked pack: the heater takes its share");
            Assert.IsTrue(checks.All(c => !double.IsNaN(c.SettledTotalMinutes)), "every stop lasts 10 minutes: each has its second look");
        }

        [TestMethod]
        public void Cold_night_charge_advice_should_be_within_15_percent()
            => AssertWithinTolerance(Audit("cold-night-unplugged"), 1, "cold-night-unplugged");

        [TestMethod]
        public void Dc_fast_charge_advice_should_be_within_15_percent_although_the_station_outrates_the_car()
        {
            // The 150 kW station, the truth car takes at most 77 kW (the forecaster's preset says 150): measured at the charger.
            List<ChargeAdviceCheck> checks = Audit("dc-fast-charge-precondition");
            AssertWithinTolerance(checks, 2, "dc-fast-charge-precondition");
        }

        [TestMethod]
        public void Winter_mountain_pass_charge_advice_should_be_within_15_percent()
            => AssertWithinTolerance(Audit("winter-mountain-pass"), 1, "winter-mountain-pass");

        [TestMethod]
        public void Summer_commute_has_no_charge_stop_and_its_work_charger_should_be_modelled_within_15_percent()
        {
            // No charge stop and no charge advice in either mode; so the model at the route's only charger (7.2 kW AC at
            // work) against the truth car, 20 -> 80 % with a 20 °C pack (nothing measured at the charger to correct it).
            Assert.AreEqual(0, Audit("summer-commute").Count);
            Scenario s = ScenarioCatalog.Load("summer-commute");
            ChargerSpec work = s.Chargers.Single();
            VehicleParams vp = VehicleParams.Preset(ForecasterPresets.For(s.Vehicle.Id, out _));
            double truth = ChargeAdviceAudit.TruthMinutes(s.Vehicle, 20, 80, 20, 20, 20, work.PowerKw, work.IsDc);
            double model = vp.Battery.ChargeMinutes(20f, 80f, 20f, 20f, (float)work.PowerKw, work.IsDc, vp.AuxBaseW / 1000f, 1f, -1f);
            double err = (model - truth) / truth * 100;
            Assert.IsTrue(System.Math.Abs(err) <= TolerancePercent, $"model {model:0.0} min, truth {truth:0.0} min ({err:+0.0;-0.0} %)");
        }
    }
}
