using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Running.Sweep;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>A driver who keeps far above the advised speed cap, with the real agent on the virtual board.</summary>
    [TestClass]
    public class IgnoredCapTests
    {
        private static RunResult Run(bool follow)
        {
            // Sweep variant 106 at seed 7001: the driver keeps 130-145 km/h against the advised cap (114 km/h at km 50, falling)
            // and strands 1.5 km before the charger; the median arrival at that pace was 0-2 % from km 36 on.
            return SweepVariantRuns.Run("dc-fast-charge-precondition", 106, 7001, follow);
        }

        [TestMethod]
        public void A_driver_who_ignores_the_cap_should_hear_the_critical_20_minutes_before_stranding()
        {
            RunResult r = Run(follow: false);
            Assert.AreEqual(Outcome.Strands, r.Outcome);
            SweepRun run = SweepRun.From("dc-fast-charge-precondition", 106, r, 0);
            // Before NothingReachableRule.IgnoredCapMs: 16 min / 39 km, when no slower pace arrived any more.
            Assert.IsTrue(run.StrandingWarnedInTime, $"critical {run.LeadMinutes:0} min / {run.LeadKm:0} km before");
            BoardAlert critical = r.Alerts.First(a => a.Code == "RG-STRANDED");
            StringAssert.Contains(critical.Text, "not reachable at this pace");
            StringAssert.Contains(critical.Text, "stay below");
        }

        [TestMethod]
        public void The_same_variant_following_the_advice_should_arrive_without_a_critical()
        {
            RunResult r = Run(follow: true);
            Assert.AreNotEqual(Outcome.Strands, r.Outcome);
            Assert.IsFalse(r.Alerts.Any(a => a.Severity == AlertSeverity.Critical), string.Join(" | ", r.Alerts.Select(a => a.Code + ": " + a.Text)));
        }
    }
}
