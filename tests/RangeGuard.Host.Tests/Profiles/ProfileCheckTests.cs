using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Logs;
using RangeGuard.Host.Profiles;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Profiles
{
    [TestClass]
    public class ProfileCheckTests
    {
        private static ProfileCheckResult Check(string profile, string log) =>
            ProfileCheck.Run(ProfileCatalog.Load(profile), CanLogReader.ReadFile(RepoFiles.Fixture("can", log), out _));

        [TestMethod]
        public void Check_should_report_what_each_kona_input_got_from_the_2019_log()
        {
            ProfileCheckResult r = Check("hyundai-kona", "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv.gz");
            Assert.AreEqual(39546, r.Frames);

            // BMS frames (10 Hz) from 1955.79 s to 1962.69 s: 70 frames of 0x595 on bus 0; the bus-1 copies never count.
            InputCheck voltage = r.Inputs[InputId.PackVoltageV];
            Assert.AreEqual(70, voltage.Frames);
            Assert.AreEqual(70, voltage.Values);
            Assert.AreEqual(354.8f, voltage.Min, 1e-3f);
            Assert.AreEqual(355.1f, voltage.Max, 1e-3f);
            Assert.AreEqual(0, voltage.OutOfRange, "bus-1 content (355 A, 254 °C) is filtered, not rejected");
            Assert.IsTrue(r.OtherBusFrames > 0);

            // Stale until the BMS woke up, plus nothing at the end: the log's first frame is 3.9 s before the first BMS frame.
            InputCheck soc = r.Inputs[InputId.SocPercent];
            Assert.AreEqual(36.5f, soc.First);
            Assert.AreEqual(36.5f, soc.Last);
            Assert.AreEqual(soc.FirstMs - r.FirstMs, soc.StaleMs, 1.0, "stale only before the first value");

            InputCheck avg = r.Inputs[InputId.BatteryTempAvgC];
            Assert.AreEqual(22.5f, avg.First, "combined (low + high) / 2 through the device's dispatcher");
            Assert.AreEqual(2, avg.Signals.Count);
            Assert.IsFalse(r.Inputs[InputId.AmbientTempC].IsMapped);
            Assert.AreEqual(0, r.Inputs[InputId.AmbientTempC].Values);

            // Unused ids, busiest first: 100 Hz messages lead, and no mapped id appears among them.
            Assert.IsTrue(r.UnusedIds.Count > 100);
            Assert.IsTrue(r.UnusedIds[0].Frames >= r.UnusedIds[1].Frames && r.UnusedIds[1].Frames >= r.UnusedIds[^1].Frames);
            Assert.IsFalse(r.UnusedIds.Any(u => u.Id == 0x595));
        }

        [TestMethod]
        public void Check_should_count_sentinels_and_rejected_values_of_the_egolf_fixture()
        {
            ProfileCheckResult r = Check("vw-egolf", "kcan-synthetic.crtd");
            Assert.AreEqual(20, r.Frames);
            Assert.AreEqual(60.5f, r.Inputs[InputId.SocPercent].Last);
            Assert.AreEqual(355f, r.Inputs[InputId.PackVoltageV].Last);
            Assert.AreEqual(0, r.UnusedIds.Sum(u => u.Frames) + r.MatchedFrames - r.Frames + r.OtherBusFrames, "every frame is counted once");
        }
    }
}
