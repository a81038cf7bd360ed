using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Running.Sweep;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>A non-recurrent jam with the real agent on the virtual board.</summary>
    [TestClass]
    public class TrafficJamTests
    {
        [TestMethod]
        public void A_jam_should_not_take_back_the_arrival_warning_of_a_driver_who_goes_on_as_before()
        {
            // Sweep variant 106 at seed 7001 (a pure function of scenario, index and seed): the driver keeps 130-145 km/h
            // against the advised cap and meets a 3 km jam at 35 km/h at km 88-91 (its second, at km 180, is past where it
            // strands). Learning the jam as the driver's pace (speed factor to its 0.7 floor) lifted the median arrival from
            // ~1.5 % to ~17 % and cleared RG-ARRIVE-LOW at km 89, for ~30 km, on a car that strands at km 178.5.
            SweepVariant v = SweepVariant.Draw(ScenarioCatalog.Load("dc-fast-charge-precondition"), 106, 7001);
            TrafficJam jam = v.Traffic.Single(j => j.FromM < 100_000);
            Assert.AreEqual(88, jam.FromM / 1000, 1, "jam from km");
            RunResult r = SweepVariantRuns.Run("dc-fast-charge-precondition", 106, 7001, followAdvice: false);

            Assert.AreEqual(Outcome.Strands, r.Outcome);
            Assert.IsTrue(r.Alerts.Any(a => a.Code == "RG-ARRIVE-LOW" && a.PositionM < jam.FromM), "arrival warning up before the jam");
            BoardAlert? cleared = r.ClearedAlerts.FirstOrDefault(c => c.Code == "RG-ARRIVE-LOW" && c.PositionM < 130_000);
            Assert.IsNull(cleared, $"RG-ARRIVE-LOW cleared at km {cleared?.PositionM / 1000:0.0}");
        }
    }
}
