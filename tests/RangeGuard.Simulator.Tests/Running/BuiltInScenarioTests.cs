using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Running
{
    [TestClass]
    public class BuiltInScenarioTests
    {
        private static RunResult Run(string name, bool follow)
            => new ScenarioRunner(ScenarioCatalog.Load(name), new NullBoard(), new RunOptions { FollowAdvice = follow }).Run();

        [TestMethod]
        public void Every_built_in_scenario_should_load_and_run_in_both_driver_modes()
        {
            var names = ScenarioCatalog.Names();
            Assert.IsTrue(names.Count >= 5, string.Join(", ", names));
            foreach (string n in names)
            {
                Scenario s = ScenarioCatalog.Load(n);
                Assert.IsTrue(s.Description.Length > 10, n);
                foreach (bool follow in new[] { false, true })
                {
                    RunResult r = new ScenarioRunner(s, new NullBoard(), new RunOptions { FollowAdvice = follow }).Run();
                    Assert.IsTrue(r.Ticks > 100 && r.Trace!.Count > 10, $"{n}: ran {r.Ticks} ticks");
                    // Outcome checks hold with the null board; alert checks are skipped (no agent).
                    foreach (CheckItem c in ExpectationChecker.Check(s, r))
                    {
                        Assert.AreNotEqual(CheckStatus.Failed, c.Status, $"{n} ({(follow ? "following advice" : "as driven")}): {c.What}: {c.Detail}");
                    }
                }
            }
        }

        [TestMethod]
        public void Broder_2013_as_driven_should_strand_near_Branford_without_an_agent()
        {
            // Tolerance: from 10 km before the Branford exit (km 715.7) up to the East Haven charger (km 723.3), which it must not reach.
            RunResult r = Run("broder-2013", follow: false);
            Assert.AreEqual(Outcome.Strands, r.Outcome);
            Assert.IsTrue(r.StrandedAtM >= 706_000 && r.StrandedAtM < 723_300, $"stranded at km {r.StrandedAtM / 1000:0.0}");
            Assert.AreEqual(15, r.Steps.Count, "the tow ends the day during the last step (Norwich toward Milford)");
            Assert.IsTrue(r.MinSocPercent < 8, $"min SOC {r.MinSocPercent:0.0}");
        }

        [TestMethod]
        public void Broder_2013_as_driven_should_follow_the_published_timeline()
        {
            RunResult r = Run("broder-2013", follow: false);
            // Newark: 49 min to 90 % ([NYT1], Musk); Milford NB: stopped at 72 % within 58 min; Norwich: about 28 % (Musk).
            Assert.AreEqual(90, r.ChargeSessions[0].SocTo, 0.5);
            Assert.AreEqual(72, r.ChargeSessions[1].SocTo, 0.5);
            Assert.IsTrue(r.ChargeSessions[1].Minutes <= 58.1);
            Assert.AreEqual(28, r.ChargeSessions[2].SocTo, 2.0);
            Assert.IsTrue(r.ChargeSessions[1].SocFrom < 8, $"arrived at Milford with {r.ChargeSessions[1].SocFrom:0.0} % ('zero miles')");
        }

        [TestMethod]
        public void Broder_2013_car_range_display_should_match_the_published_readings()
        {
            // [NYT1]: 25 mi at 08:30 after the night, 19 mi after 30 min of heat; Musk: 32 mi when leaving Norwich; 185 mi at 72 % in Milford.
            RunResult r = Run("broder-2013", follow: false);
            Assert.AreEqual(25 * 1.609, r.Steps[9].DisplayedRangeEndKm, 8);
            Assert.AreEqual(19 * 1.609, r.Steps[10].DisplayedRangeEndKm, 8);
            Assert.AreEqual(32 * 1.609, r.Steps[13].DisplayedRangeEndKm, 8);
            Assert.AreEqual(185 * 1.609, r.Steps[5].DisplayedRangeEndKm, 25);
        }

        [TestMethod]
        public void Broder_2013_following_the_scripted_advice_should_reach_Milford()
        {
            RunResult r = Run("broder-2013", follow: true);
            Assert.AreEqual(Outcome.Arrives, r.Outcome);
            Assert.AreEqual("scripted", r.AdviceSource);
            Assert.IsTrue(r.FinalSocPercent > 10);
        }

        [TestMethod]
        public void Summer_commute_should_complete_with_plenty_left()
        {
            RunResult r = Run("summer-commute", follow: false);
            Assert.AreEqual(Outcome.Arrives, r.Outcome);
            Assert.IsTrue(r.MinSocPercent > 60, $"min SOC {r.MinSocPercent:0.0}");
            Assert.AreEqual(0, r.Alerts.Count);
            Assert.AreEqual(56.9, r.DistanceKm, 0.3);
        }

        [TestMethod]
        public void Cold_night_should_strand_unplugged_and_arrive_plugged()
        {
            Assert.AreEqual(Outcome.Strands, Run("cold-night-unplugged", false).Outcome);
            Assert.AreEqual(Outcome.Arrives, Run("cold-night-unplugged", true).Outcome);
        }

        [TestMethod]
        public void Runs_should_be_deterministic()
        {
            RunResult a = Run("broder-2013", false), b = Run("broder-2013", false);
            Assert.AreEqual(a.StrandedAtM, b.StrandedAtM);
            Assert.AreEqual(a.Ticks, b.Ticks);
        }
    }
}
