using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>The alert checks the agent board is held to: "up at the step" and "from km … before km …".</summary>
    [TestClass]
    public class AlertCheckTests
    {
        private static RunResult Result(params BoardAlert[] alerts)
        {
            var r = new RunResult { BoardHasAgent = true, BoardName = "test", FollowedAdvice = false, Outcome = Outcome.Strands, StrandedAtM = 716_000, MinSocPercent = 1 };
            r.Alerts.AddRange(alerts);
            for (int i = 0; i < 15; i++)
            {
                r.Steps.Add(new StepRecord(i, "s" + i, StepKind.Drive, i * 1000, i * 1000 + 999, 0, 0, 0, 0, 0, 0, false));
            }

            return r;
        }

        private static CheckItem Item(RunResult r, string startsWith) => ExpectationChecker.Check(ScenarioCatalog.Load("broder-2013"), r).First(c => c.What.StartsWith(startsWith, System.StringComparison.Ordinal));

        [TestMethod]
        public void An_alert_cleared_before_the_decision_step_should_not_count()
        {
            var raised = new BoardAlert(0, 1500, 173_800, "RG-CHARGE-REQ", AlertSeverity.Warning, "Charge at Newark");
            RunResult up = Result(raised);
            Assert.AreEqual(CheckStatus.Passed, Item(up, "alert RG-CHARGE-REQ (>= Warning) up at step 2").Status);

            RunResult cleared = Result(raised);
            cleared.ClearedAlerts.Add(raised with { ElapsedS = 1900, Text = "cleared" });
            Assert.AreEqual(CheckStatus.Failed, Item(cleared, "alert RG-CHARGE-REQ (>= Warning) up at step 2").Status);
        }

        [TestMethod]
        public void A_stranded_alert_from_an_earlier_leg_should_not_count_for_leaving_Norwich()
        {
            var early = new BoardAlert(0, 1500, 173_800, "RG-STRANDED", AlertSeverity.Critical, "strands in 267 km");
            Assert.AreEqual(CheckStatus.Failed, Item(Result(early), "alert RG-STRANDED (>= Critical) from km 640").Status);
            var norwich = new BoardAlert(0, 13_500, 640_100, "RG-STRANDED", AlertSeverity.Critical, "Leaving at 10:53 with 29 %: ... not reachable");
            Assert.AreEqual(CheckStatus.Passed, Item(Result(early, norwich), "alert RG-STRANDED (>= Critical) from km 640").Status, "at the charger, before step 14");
            var onTheRoad = norwich with { ElapsedS = 14_000 };
            Assert.AreEqual(CheckStatus.Failed, Item(Result(early, onTheRoad), "alert RG-STRANDED (>= Critical) from km 640").Status, "only once on the road: too late");
        }

        /// <summary>Drive, charge (arrive 37.7 %), drive, park, drive, charge (arrive at Milford with milfordSoc), drive to the end.</summary>
        private static RunResult Trip(double milfordSoc, Outcome outcome, params BoardAlert[] alerts)
        {
            var r = new RunResult { BoardHasAgent = true, BoardName = "test", Outcome = outcome, FinalSocPercent = 30 };
            r.Alerts.AddRange(alerts);
            StepKind[] kinds = { StepKind.Drive, StepKind.Charge, StepKind.Drive, StepKind.Park, StepKind.Drive, StepKind.Charge, StepKind.Drive };
            double[] socStart = { 90, 37.7, 100, 52, 52, milfordSoc, 72 };
            for (int i = 0; i < kinds.Length; i++)
            {
                r.Steps.Add(new StepRecord(i, "s" + i, kinds[i], i * 1000, i * 1000 + 999, 0, 0, socStart[i], 0, 0, 0, false));
            }

            return r;
        }

        [TestMethod]
        public void A_critical_should_be_false_when_the_truth_then_reaches_the_next_charger_above_its_reserve()
        {
            Scenario s = ScenarioCatalog.Load("broder-2013"); // charger reserve 8 %, destination 10 %
            var newark = new BoardAlert(0, 2000, 173_800, "RG-STRANDED", AlertSeverity.Critical, "strands in 290 km");
            CheckItem wolf = ExpectationChecker.NoFalseCritical(s, Trip(15.5, Outcome.Arrives, newark));
            Assert.AreEqual(CheckStatus.Failed, wolf.Status, wolf.Detail);
            StringAssert.Contains(wolf.Detail, "15.5 % > 8 %");

            Assert.AreEqual(CheckStatus.Passed, ExpectationChecker.NoFalseCritical(s, Trip(5.1, Outcome.Arrives, newark)).Status, "arrived below the charger reserve");
            var warning = newark with { Severity = AlertSeverity.Warning };
            Assert.AreEqual(CheckStatus.Passed, ExpectationChecker.NoFalseCritical(s, Trip(15.5, Outcome.Arrives, warning)).Status, "only criticals count");
        }

        [TestMethod]
        public void A_critical_on_the_last_leg_should_be_judged_by_the_outcome()
        {
            Scenario s = ScenarioCatalog.Load("broder-2013");
            var last = new BoardAlert(0, 6100, 640_100, "RG-STRANDED", AlertSeverity.Critical, "strands in 79 km");
            Assert.AreEqual(CheckStatus.Passed, ExpectationChecker.NoFalseCritical(s, Trip(5, Outcome.Strands, last)).Status, "stranded: true alarm");
            Assert.AreEqual(CheckStatus.Failed, ExpectationChecker.NoFalseCritical(s, Trip(5, Outcome.Arrives, last)).Status, "arrived with 30 % > 10 %");
        }
    }
}
