#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;
using RangeGuard.Dbc;
using RangeGuard.State;

namespace RangeGuard.Tests.Dbc
{
    [TestClass]
    public class SignalDispatcherTests
    {
        private static SignalDispatcher NewDispatcher()
        {
            return new SignalDispatcher(SignalMapLoader.Load(SignalMapLoaderTests.EGolfLikeMap), new VehicleState());
        }

        private static CanFrame Frame(uint id, byte bus, params byte[] bytes)
        {
            CanFrame f = SignalCodecTests.Frame(id, bytes);
            f.Bus = bus;
            return f;
        }

        [TestMethod]
        public void Process_should_set_soc_and_keep_previous_when_sentinel_FE_arrives()
        {
            SignalDispatcher d = NewDispatcher();
            VehicleState s = d.State;
            Assert.AreEqual(1, d.Process(Frame(0x131, 0, 0, 0, 0, 0xC8, 0, 0, 0, 0), 1000));
            Check.Near(100.0, s.GetLast(InputId.SocPercent), 0, "C8 -> 100 %");
            d.Process(Frame(0x131, 0, 0, 0, 0, 0x64, 0, 0, 0, 0), 2000);
            Check.Near(50.0, s.GetLast(InputId.SocPercent), 0, "64 -> 50 %");
            Assert.AreEqual(0, d.Process(Frame(0x131, 0, 0, 0, 0, 0xFE, 0, 0, 0, 0), 3000));
            Check.Near(50.0, s.GetLast(InputId.SocPercent), 0, "FE discarded, previous kept");
            Assert.AreEqual(2000L, s.GetTime(InputId.SocPercent), "time of the good value");
            Assert.AreEqual(1L, d.Counters.SentinelsDiscarded);
            Assert.AreEqual(3L, d.Counters.FramesReceived);
            Assert.AreEqual(5000L, s.GetMaxAge(InputId.SocPercent), "maxage from the map");
            Assert.IsFalse(s.IsStale(InputId.SocPercent, 7000));
            Assert.IsTrue(s.IsStale(InputId.SocPercent, 7001), "the kept value goes stale 5 s after it was received");
        }

        [TestMethod]
        public void Process_should_reject_not_clamp_when_value_is_implausible()
        {
            SignalDispatcher d = NewDispatcher();
            VehicleState s = d.State;
            // 0x191 BatCurrent raw 2047 (0 A), BatVoltage raw 1420 (355 V).
            d.Process(Frame(0x191, 0, 0x00, 0xF0, 0x7F, 0x8C, 0x05, 0, 0, 0), 100);
            Check.Near(0.0, s.GetLast(InputId.PackCurrentA), 0, "0 A");
            Check.Near(355.0, s.GetLast(InputId.PackVoltageV), 0, "355 V");

            // OVMS "d[2] = FF" invalid frame: BatCurrent 2033 A (> map max 1000), BatVoltage 0 V (< map min 100): both rejected.
            Assert.AreEqual(0, d.Process(Frame(0x191, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0), 200));
            Assert.AreEqual(2L, d.Counters.OutOfRangeValues);
            Check.Near(0.0, s.GetLast(InputId.PackCurrentA), 0, "kept");
            Check.Near(355.0, s.GetLast(InputId.PackVoltageV), 0, "kept");
            Assert.AreEqual(100L, s.GetTime(InputId.PackVoltageV));

            // A value inside the map limits (0..300) must also pass the state limits: both are checked.
            s.SetLimits(InputId.SpeedKmh, 0f, 200f);
            d.Process(Frame(0x0FD, 0, 0, 0, 0, 0, 0x50, 0x46, 0, 0), 300); // 0x4650 = 18000 -> 180 km/h
            Check.Near(180.0, s.GetLast(InputId.SpeedKmh), 1e-3, "180 km/h");
            d.Process(Frame(0x0FD, 0, 0, 0, 0, 0, 0x20, 0x4E, 0, 0), 400); // 0x4E20 = 20000 -> 200.00 km/h: at the limit, kept
            Check.Near(200.0, s.GetLast(InputId.SpeedKmh), 1e-3, "200 km/h");
            d.Process(Frame(0x0FD, 0, 0, 0, 0, 0, 0xB0, 0x4F, 0, 0), 500); // 0x4FB0 = 20400 -> 204 km/h: rejected by the state limit
            Check.Near(200.0, s.GetLast(InputId.SpeedKmh), 1e-3, "204 rejected");
            Assert.AreEqual(3L, d.Counters.OutOfRangeValues);
        }

        [TestMethod]
        public void Process_should_count_decode_error_when_frame_is_short()
        {
            SignalDispatcher d = NewDispatcher();
            d.Process(Frame(0x0FD, 0, 0, 0, 0, 0, 0xE8), 10); // speed needs 6 bytes
            Assert.AreEqual(1L, d.Counters.DecodeErrors);
            Assert.IsFalse(d.State.HasValue(InputId.SpeedKmh));
            d.Process(Frame(0x0FD, 0, 0, 0, 0, 0, 0xE8, 0x03, 0, 0), 20);
            Check.Near(10.0, d.State.GetLast(InputId.SpeedKmh), 1e-4, "E8 03 -> 1000 * 0.01 = 10 km/h");
        }

        [TestMethod]
        public void Process_should_ignore_other_buses_and_count_unknown_ids()
        {
            SignalDispatcher d = NewDispatcher();
            VehicleState s = d.State;
            // 0x596 is bus-0 only: the bus-1 frame with 254/255 must not become a battery temperature.
            d.Process(Frame(0x596, 1, 0, 0x79, 0, 0, 0, 0, 0xFE, 0xFF), 10);
            Assert.IsFalse(s.HasValue(InputId.BatteryTempMinC));
            Assert.AreEqual(1L, d.Counters.FilteredFrames);
            d.Process(Frame(0x596, 0, 0x00, 0x79, 0, 0, 0, 0, 0x16, 0x17), 20);
            Check.Near(22.0, s.GetLast(InputId.BatteryTempMinC), 0, "min 22");
            Check.Near(22.5, s.GetLast(InputId.BatteryTempAvgC), 0, "avg (22+23)/2");
            d.Process(Frame(0x7DF, 0, 1, 2, 3), 30);
            Assert.AreEqual(1L, d.Counters.UnknownIdFrames);
            Assert.AreEqual(3L, d.Counters.FramesReceived);
        }

        [TestMethod]
        public void Process_should_apply_mux_scale_and_add_when_extended_multiplexed()
        {
            SignalDispatcher d = NewDispatcher();
            CanFrame f = Frame(0x17332510, 0, 3, 0x10, 0x00, 0, 0, 0, 0, 0);
            f.IsExtended = true;
            d.Process(f, 1);
            // raw 16 * 1 * scale -1 + 5 = -11 W: implausible for HVAC (limits 0..20000) -> rejected.
            Assert.AreEqual(1L, d.Counters.OutOfRangeValues);
            d.State.SetLimits(InputId.HvacPowerW, -100f, 100f);
            d.Process(f, 2);
            Check.Near(-11.0, d.State.GetLast(InputId.HvacPowerW), 0, "-16+5");
            CanFrame otherMux = Frame(0x17332510, 0, 4, 0x20, 0x00, 0, 0, 0, 0, 0);
            otherMux.IsExtended = true;
            Assert.AreEqual(0, d.Process(otherMux, 3));
            Assert.AreEqual(2L, d.State.GetTime(InputId.HvacPowerW));
            Assert.AreEqual(0L, d.Counters.DecodeErrors, "mux mismatch is no error");
        }

        [TestMethod]
        public void Process_should_combine_only_plausible_parts_when_one_is_out_of_range()
        {
            SignalDispatcher d = NewDispatcher();
            // TAkkuL 22, TAkkuH 0xFE = 254 (implausible): avg uses the good part only.
            d.Process(Frame(0x596, 0, 0, 0, 0, 0, 0, 0, 0x16, 0xFE), 5);
            Check.Near(22.0, d.State.GetLast(InputId.BatteryTempAvgC), 0, "avg of the plausible part");
            Assert.AreEqual(1L, d.Counters.OutOfRangeValues);
        }
    }
}
