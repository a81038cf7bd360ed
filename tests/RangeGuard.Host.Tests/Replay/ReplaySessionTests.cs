using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Profiles;
using RangeGuard.Host.Replay;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Replay
{
    [TestClass]
    public class ReplaySessionTests
    {
        private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "can", name);

        [TestMethod]
        public void Run_should_give_the_documented_egolf_values_when_replaying_the_ovms_fixture()
        {
            // Values stated upstream in kcan-synthetic.crtd's header: SoC 60.5 %, 0 A / 355 V, 0 km/h.
            ReplayResult result = ReplaySession.Run(Fixture("kcan-synthetic.crtd"), ProfileCatalog.Load("vw-egolf"), 100);
            ReplaySample last = result.Last!;
            Assert.AreEqual(60.5f, last.Values[InputId.SocPercent]);
            Assert.AreEqual(355f, last.Values[InputId.PackVoltageV]);
            Assert.AreEqual(0f, last.Values[InputId.PackCurrentA]);
            Assert.AreEqual(0f, last.Values[InputId.SpeedKmh]);
            Assert.IsTrue(last.Fresh[InputId.SocPercent] && last.Fresh[InputId.PackVoltageV] && last.Fresh[InputId.SpeedKmh]);
            Assert.AreEqual(20, result.Reader.Frames);
            Assert.AreEqual(20, result.Slcan.Delivered);
            Assert.AreEqual(0L, result.Decoder.DecodeErrors);
        }

        [TestMethod]
        public void Run_should_give_plausible_kona_values_and_ignore_bus_1_when_replaying_the_2019_log()
        {
            ReplayResult result = ReplaySession.Run(Fixture("230112-7-2019-pcan-ccan-power-off-on-ready-off.csv.gz"), ProfileCatalog.Load("hyundai-kona"), 1000);
            Assert.AreEqual(39546, result.Reader.Frames);

            // BMS frames exist only from 1955.79 s to 1962.69 s: sample at 1962 s, while they are fresh.
            ReplaySample ready = result.Samples.Find(s => s.TimeMs >= 1962000)!;
            Assert.IsTrue(ready.Fresh[InputId.SocPercent], "SOC fresh while the BMS talks");
            Assert.AreEqual(36.5f, ready.Values[InputId.SocPercent]);
            Assert.IsTrue(ready.Values[InputId.PackVoltageV] >= 354.8f && ready.Values[InputId.PackVoltageV] <= 355.1f, "VBatt " + ready.Values[InputId.PackVoltageV]);
            Assert.IsTrue(ready.Values[InputId.PackCurrentA] >= 0f && ready.Values[InputId.PackCurrentA] <= 3.4f, "IBatt " + ready.Values[InputId.PackCurrentA]);
            Assert.AreEqual(22f, ready.Values[InputId.BatteryTempMinC]);
            Assert.AreEqual(23f, ready.Values[InputId.BatteryTempMaxC]);
            Assert.AreEqual(26716.5f, ready.Values[InputId.OdometerKm], 0.05f);

            // Bus 1 (CCAN) carries 0x595/0x596 with other content: a decoder ignoring the bus would show 254 °C or 355 A.
            Assert.IsTrue(result.Decoder.FilteredFrames > 0, "bus-1 frames filtered");
            Assert.AreEqual(0L, result.Decoder.OutOfRangeValues, "no implausible value reached the state");

            // Some samples before the BMS woke up (1955.79 s) show SOC as stale, never as a made-up value.
            ReplaySample early = result.Samples[0];
            Assert.IsFalse(early.Fresh[InputId.SocPercent], "SOC stale before the first BMS frame");
        }

        [TestMethod]
        public void Load_should_name_the_profile_when_it_is_unknown()
        {
            var ex = Assert.ThrowsExactly<ArgumentException>(() => ProfileCatalog.Load("no-such-car"));
            StringAssert.Contains(ex.Message, "no-such-car");
            StringAssert.Contains(ex.Message, "vw-egolf");
        }
    }
}
