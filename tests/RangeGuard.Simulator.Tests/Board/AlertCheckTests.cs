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

        private static CheckItem Item(RunResult r, string startsWith) => ExpectationChecker.Check(ScenarioCatalog.Load("broder-2013"), r).First(c => c.What.StartsWith(startsWith, System.StringComparison.Ordinal) );

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
            var norwich = new BoardAlert(0, 14_000, 640_100, "RG-STRANDED", AlertSeverity.Critical, "strands in 77 km");
            Assert.AreEqual(CheckStatus.Passed, Item(Result(early, norwich), "alert RG-STRANDED (>= Critical) from km 640").Status);
        }
    }
}
