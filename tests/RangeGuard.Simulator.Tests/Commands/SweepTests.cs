using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Commands;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Running.Sweep;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>The sweep at a small N (CI's sanity check; the README's figures come from `sweep -n 200`).</summary>
    [TestClass]
    public class SweepTests
    {
        [TestMethod]
        public void A_variant_should_be_a_pure_function_of_scenario_index_and_seed_and_change_only_truth_forecast_and_driver()
        {
            Scenario s = ScenarioCatalog.Load("broder-2013");
            SweepVariant a = SweepVariant.Draw(s, 7, 1), b = SweepVariant.Draw(s, 7, 1), c = SweepVariant.Draw(s, 8, 1), d = SweepVariant.Draw(s, 7, 2);
            Assert.AreEqual(a.Seed, b.Seed);
            Assert.AreEqual(a.ForecastTempErrorC, b.ForecastTempErrorC);
            Assert.AreNotEqual(a.ForecastTempErrorC, c.ForecastTempErrorC);
            Assert.AreNotEqual(a.ForecastTempErrorC, d.ForecastTempErrorC);

            var draws = Enumerable.Range(0, 400).Select(i => SweepVariant.Draw(s, i, 1)).ToList();
            double sdTemp = Math.Sqrt(draws.Average(v => v.ForecastTempErrorC * v.ForecastTempErrorC));
            Assert.AreEqual(SweepVariant.TempErrorSigmaC, sdTemp, 0.25, "forecast temperature error σ");
            Assert.IsTrue(draws.All(v => v.SpeedFactor >= SweepVariant.SpeedBiasMin && v.SpeedFactor <= SweepVariant.SpeedBiasMax));
            Assert.IsTrue(draws.All(v => v.ChargerPowerFactor >= SweepVariant.ChargerFactorMin && v.ChargerPowerFactor <= 1));
            Assert.AreEqual(0.5, draws.Count(v => v.Traffic.Count == 0) / 400.0, 0.08, "half the variants without a jam");
            Assert.IsTrue(draws.SelectMany(v => v.Traffic).All(j => j.FromM >= 0 && j.ToM <= s.Route.LengthM && j.ToM > j.FromM));

            Scenario v7 = a.Apply(s);
            Assert.AreSame(s.Weather, v7.Weather, "the truth's weather itself is the scenario's");
            Assert.AreEqual(a.ForecastTempErrorC, v7.Perturb.ForecastTempErrorC, 1e-12);
            Assert.AreEqual(a.HeadwindErrorMps, v7.Perturb.HeadwindMps, 1e-12, "a wind the forecast lacks: truth only");
            Assert.AreEqual(a.SpeedFactor, v7.Driver.SpeedFactor, 1e-12);
            Assert.AreEqual(s.Itinerary.Count, v7.Itinerary.Count);
            Assert.AreEqual(1.0, s.Perturb.ChargerPowerFactor, "the scenario itself is untouched");
        }

        [TestMethod]
        public void A_stranding_should_count_the_critical_still_up_and_its_lead_and_a_good_ending_any_critical_as_false()
        {
            var r = new RunResult { FollowedAdvice = false, Outcome = Outcome.Strands, StrandedAtM = 100_000, SimulatedS = 10_000, DistanceKm = 100 };
            r.Alerts.Add(new BoardAlert(0, 1_000, 10_000, "RG-STRANDED", AlertSeverity.Critical, "early, cleared"));
            r.ClearedAlerts.Add(new BoardAlert(0, 2_000, 20_000, "RG-STRANDED", AlertSeverity.Critical, "cleared"));
            r.Alerts.Add(new BoardAlert(0, 8_000, 80_000, "RG-STRANDED", AlertSeverity.Critical, "again"));
            r.Alerts.Add(new BoardAlert(0, 9_000, 90_000, "RG-STRANDED", AlertSeverity.Critical, "worse", Worse: true));
            r.Alerts.Add(new BoardAlert(0, 500, 5_000, "RG-ARRIVE-LOW", AlertSeverity.Advisory, "advisory"));
            SweepRun s = SweepRun.From("x", 0, r, 0);
            Assert.IsTrue(s.CriticalUpAtStranding);
            Assert.AreEqual(2000.0 / 60, s.LeadMinutes, 1e-9, "from the raise still up, not the cleared one nor the re-alert");
            Assert.AreEqual(20, s.LeadKm, 1e-9);
            Assert.IsTrue(s.StrandingWarnedInTime, "33 min and 20 km before");
            Assert.AreEqual(2, s.Criticals, "raises, not re-alerts");
            Assert.AreEqual(1, s.Advisories);

            var fine = new RunResult { FollowedAdvice = true, Outcome = Outcome.Arrives, FinalSocPercent = 12, DistanceKm = 50 };
            fine.Alerts.Add(new BoardAlert(0, 100, 1_000, "RG-PONR", AlertSeverity.Critical, "needless"));
            Assert.IsTrue(SweepRun.From("x", 0, fine, 0).FalseCritical, "a critical on a run that ended with ≥ 10 %");
            var tight = new RunResult { Outcome = Outcome.Arrives, FinalSocPercent = 9, DistanceKm = 50 };
            tight.Alerts.Add(fine.Alerts[0]);
            Assert.IsFalse(SweepRun.From("x", 0, tight, 0).FalseCritical, "ended below 10 %");
        }

        [TestMethod]
        public void A_small_sweep_should_run_both_driver_modes_reproducibly_and_report_against_the_targets()
        {
            Scenario s = ScenarioCatalog.Load("dc-fast-charge-precondition");
            var o = new SweepRunner.Options(2, 5, 2);
            var first = SweepRunner.Run(new[] { s }, o, _ => new AgentBoard());
            var again = SweepRunner.Run(new[] { s }, o, _ => new AgentBoard());
            Assert.AreEqual(4, first.Count);
            Assert.AreEqual(2, first.Count(r => r.FollowedAdvice));
            CollectionAssert.AreEqual(first.Select(r => (r.Variant, r.FollowedAdvice, r.FinalSocPercent, r.Criticals, r.Advisories)).ToList(),
                again.Select(r => (r.Variant, r.FollowedAdvice, r.FinalSocPercent, r.Criticals, r.Advisories)).ToList(), "same seed, same runs");
            Assert.IsTrue(first.All(r => r.DistanceKm > 200), "the whole trip driven");

            var text = new StringWriter();
            SweepReport.Write(text, first, "rangeguard sweep dc-fast-charge-precondition -n 2 --seed 5", 1, 2, markdown: true);
            string md = text.ToString();
            StringAssert.Contains(md, "| dc-fast-charge-precondition | as driven | 2 |");
            StringAssert.Contains(md, "| all | both | 4 |");
            StringAssert.Contains(md, "False criticals");
            StringAssert.Contains(md, "Following the advice reaches the destination");
            // The charge-time advice of the variants' stops (the station gives U(0.6, 1.0) of its rating): a row per driver mode.
            StringAssert.Contains(md, "Charge-time advice against the truth");
            StringAssert.Contains(md, "| dc-fast-charge-precondition | as driven | Motorway DC 150 | 2 |");
            Assert.IsTrue(first.All(r => r.ChargeAdvice.Count == 1 && double.IsFinite(r.ChargeAdvice[0].ErrorPercent)), "each run's stop audited");
        }

        [TestMethod]
        public void The_command_should_write_the_json_and_reject_bad_arguments()
        {
            string dir = Path.Combine(Path.GetTempPath(), "rg-sweep-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string scenario = Path.Combine(dir, "mini.json");
            File.WriteAllText(scenario, RangeGuard.Simulator.Tests.Scenarios.ScenarioJson.Valid);
            string json = Path.Combine(dir, "runs.json");
            var output = new StringWriter();
            var err = new StringWriter();
            int code = SweepCommand.Execute(new[] { scenario }, 3, 1, 2, false, json, true, output, err);
            Assert.AreEqual(ExitCodes.Ok, code, output + "\n" + err);
            StringAssert.Contains(output.ToString(), "rangeguard sweep");
            JsonNode doc = JsonNode.Parse(File.ReadAllText(json))!;
            Assert.AreEqual(6, doc["runs"]!.AsArray().Count);
            Assert.AreEqual("mini", (string?)doc["runs"]![0]!["scenario"]);

            Assert.AreEqual(ExitCodes.BadInput, SweepCommand.Execute(new[] { scenario }, 0, 1, 2, false, null, false, output, err));
            Assert.AreEqual(ExitCodes.BadInput, SweepCommand.Execute(new[] { "no-such-scenario" }, 2, 1, 2, false, null, false, output, err));
            StringAssert.Contains(err.ToString(), "rangeguard sweep: --variants: must be within 1..100000");
        }
    }
}
