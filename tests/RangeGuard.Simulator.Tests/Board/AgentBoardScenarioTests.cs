using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>The built-in scenarios with the real agent on the virtual board (what `run --check` asserts, plots off).</summary>
    [TestClass]
    public class AgentBoardScenarioTests
    {
        private static RunResult Run(string name, bool follow, IVirtualBoard? board = null)
            => new ScenarioRunner(ScenarioCatalog.Load(name), board ?? new AgentBoard(), new RunOptions { FollowAdvice = follow, RecordTrace = false }).Run();

        private static double StepStartS(RunResult r, int index) => r.Steps.Single(s => s.Index == index).StartS;

        /// <summary>The alert with this code was raised before <paramref name="beforeS"/> and not cleared until then.</summary>
        private static BoardAlert? UpAt(RunResult r, string code, double beforeS) => r.Alerts.LastOrDefault(a => a.Code == code && a.ElapsedS < beforeS
            && !r.ClearedAlerts.Any(c => c.Code == code && c.ElapsedS > a.ElapsedS && c.ElapsedS <= beforeS));

        [TestMethod]
        public void Every_built_in_scenario_should_pass_its_checks_with_the_agent_in_both_driver_modes()
        {
            foreach (string n in ScenarioCatalog.Names())
            {
                Scenario s = ScenarioCatalog.Load(n);
                foreach (bool follow in new[] { false, true })
                {
                    var board = new AgentBoard();
                    RunResult r = Run(n, follow, board);
                    Assert.IsTrue(r.BoardHasAgent);
                    Assert.IsNull(board.LastPlanError, $"{n}: every plan accepted");
                    Assert.AreEqual(0, board.Agent.Counters.Exceptions, n);
                    Assert.AreEqual(0, board.Dispatcher.Counters.DecodeErrors + board.Dispatcher.Counters.UnknownIdFrames, n);
                    foreach (CheckItem c in ExpectationChecker.Check(s, r))
                    {
                        Assert.AreNotEqual(CheckStatus.Failed, c.Status, $"{n} ({(follow ? "following advice" : "as driven")}): {c.What}: {c.Detail}");
                    }
                }
            }
        }

        [TestMethod]
        public void Broder_2013_as_driven_should_warn_before_each_bad_decision_and_strand_near_Branford()
        {
            RunResult r = Run("broder-2013", follow: false);
            Assert.AreEqual(Outcome.Strands, r.Outcome);
            Assert.IsTrue(r.StrandedAtM >= 706_000 && r.StrandedAtM < 723_300, $"km {r.StrandedAtM / 1000:0.0}");

            // Leaving Newark at 90 % (step 2): "charge here" is up, a warning.
            BoardAlert? newark = UpAt(r, "RG-CHARGE-REQ", StepStartS(r, 2));
            Assert.IsNotNull(newark, "RG-CHARGE-REQ up when leaving Newark");
            Assert.AreEqual(AlertSeverity.Warning, newark.Severity);
            StringAssert.Contains(newark.Text, "Newark DE Supercharger");

            // The NJ Turnpike leg (starts at km 188.8): Milford is reachable only slower, so the arrival advisory with a speed
            // cap speaks before it. The driver left at 90 % against the advised 100 % and keeps the turnpike's pace against
            // the cap: two minutes on, "not reachable at this pace" (critical, with the cap; NothingReachableRule.IgnoredCapMs),
            // never "nothing reachable". It clears before Milford: the driver slows in the city and turns the heat down, and
            // the car gets there with 5 %.
            BoardAlert turnpike = r.Alerts.First(a => a.Code == "RG-ARRIVE-LOW");
            Assert.IsTrue(turnpike.PositionM < 188_800, $"at km {turnpike.PositionM / 1000:0.0}");
            StringAssert.Contains(turnpike.Text, "at Milford CT Supercharger NB");
            StringAssert.Contains(turnpike.Text, "stay below");
            BoardAlert[] early = r.Alerts.Where(a => a.Code == "RG-STRANDED" && a.PositionM < 495_000).ToArray();
            Assert.AreEqual(1, early.Length, "one critical before Milford");
            Assert.IsTrue(early[0].ElapsedS - StepStartS(r, 2) >= 120 && early[0].ElapsedS - StepStartS(r, 2) < 300,
                $"{(early[0].ElapsedS - StepStartS(r, 2)) / 60:0.0} min after leaving Newark");
            StringAssert.Contains(early[0].Text, "Milford CT Supercharger NB not reachable at this pace");
            StringAssert.Contains(early[0].Text, "stay below");
            Assert.IsTrue(r.ClearedAlerts.Any(c => c.Code == "RG-STRANDED" && c.ElapsedS > early[0].ElapsedS && c.PositionM < 495_000), "cleared before Milford");

            // Parking unplugged at Groton (step 9) on a 10 °F night: plug in tonight, raised during the night's first hour.
            BoardAlert soak = r.Alerts.First(a => a.Code == "RG-COLD-SOAK");
            double night = StepStartS(r, 9);
            Assert.IsTrue(soak.ElapsedS >= night && soak.ElapsedS < night + 3600, $"{(soak.ElapsedS - night) / 60:0} min after parking");
            StringAssert.Contains(soak.Text, "by 08:30", "local time of the departure");

            // Unplugging at Norwich at about 28 % (step 14): charge required up, and before leaving already the critical that
            // the plan is not reachable with the charge taken by the planned departure, with the minutes needed.
            BoardAlert? norwich = UpAt(r, "RG-CHARGE-REQ", StepStartS(r, 14));
            Assert.IsNotNull(norwich, "RG-CHARGE-REQ up when unplugging at Norwich");
            StringAssert.Contains(norwich.Text, "Norwich Public Utilities");
            BoardAlert? leaving = UpAt(r, "RG-STRANDED", StepStartS(r, 14));
            Assert.IsNotNull(leaving, "RG-STRANDED up before leaving Norwich");
            Assert.AreEqual(AlertSeverity.Critical, leaving.Severity);
            Assert.IsTrue(leaving.ElapsedS >= StepStartS(r, 13) && leaving.PositionM > 640_000, $"at the Norwich charger, km {leaving.PositionM / 1000:0.0}");
            StringAssert.Contains(leaving.Text, "Leaving at 10:53");
            StringAssert.Contains(leaving.Text, "not reachable");
            StringAssert.Contains(leaving.Text, "min here");
            Assert.IsTrue(r.StrandedAtM - leaving.PositionM > 15_000 && r.SimulatedS - leaving.ElapsedS > 20 * 60, "well ahead of the stranding");

            // No flapping: no alert code raised more than 6 times in 25 h.
            foreach (var g in r.Alerts.GroupBy(a => a.Code))
            {
                Assert.IsTrue(g.Count() <= 6, $"{g.Key} x{g.Count()}");
            }
        }

        [TestMethod]
        public void Broder_2013_following_the_live_advice_should_reach_Milford_without_a_tow()
        {
            RunResult r = Run("broder-2013", follow: true);
            Assert.AreEqual(Outcome.Arrives, r.Outcome, $"stranded at km {r.StrandedAtM / 1000:0.0}");
            Assert.AreEqual("board", r.AdviceSource, "the agent's advice, not the scripted ifAdvised steps");
            Assert.IsFalse(r.Steps.Any(s => s.FollowedAdvice), "no scripted step used");
            Assert.IsTrue(r.ChargeSessions[0].SocTo > 99, "charged fully at Newark as advised");
            Assert.IsTrue(r.ChargeSessions.Any(c => c.Where.StartsWith("night at Groton", StringComparison.Ordinal)), "plugged in at Groton as advised");
            Assert.IsTrue(r.MinSocPercent > 5, $"min SOC {r.MinSocPercent:0.0}");
        }

        [TestMethod]
        public void Summer_commute_should_raise_no_alert_at_all()
        {
            foreach (bool follow in new[] { false, true })
            {
                RunResult r = Run("summer-commute", follow);
                Assert.AreEqual(0, r.Alerts.Count, string.Join("; ", r.Alerts.Select(a => a.Code + " " + a.Text)));
            }
        }

        [TestMethod]
        public void Dc_preconditioning_should_start_before_the_charger_and_arrive_with_a_warmer_pack_than_without()
        {
            var board = new AgentBoard();
            RunResult with = Run("dc-fast-charge-precondition", false, board);
            RunResult without = Run("dc-fast-charge-precondition", false, new NullBoard());
            BoardAlert on = with.Alerts.First(a => a.Code == "RG-PRECOND-ON");
            Assert.IsTrue(on.PositionM < 180_000 - 10_000, $"started at km {on.PositionM / 1000:0.0}");
            Assert.IsTrue(board.Heater.Switches.Count >= 2 && board.Heater.OnTimeMs > 10 * 60_000, $"heater on {board.Heater.OnTimeMs / 60000} min");
            double warm = with.ChargeSessions[0].BatteryTempStartC, cold = without.ChargeSessions[0].BatteryTempStartC;
            Assert.IsTrue(warm > cold + 5, $"pack at the charger {warm:0.0} °C vs {cold:0.0} °C without");
            Assert.IsTrue(with.ChargeSessions[0].SocTo > without.ChargeSessions[0].SocTo, "a warm pack charges more in the same 25 min");
        }

        [TestMethod]
        public void Cold_night_should_raise_the_cold_soak_alert_and_a_following_driver_plugs_in()
        {
            RunResult asDriven = Run("cold-night-unplugged", false);
            BoardAlert soak = asDriven.Alerts.First(a => a.Code == "RG-COLD-SOAK");
            Assert.AreEqual(AlertSeverity.Advisory, soak.Severity);
            StringAssert.Contains(soak.Text, "Plug in tonight");
            RunResult following = Run("cold-night-unplugged", true);
            Assert.AreEqual(Outcome.Arrives, following.Outcome);
            Assert.AreEqual("board", following.AdviceSource);
        }
    }
}
