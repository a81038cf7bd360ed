using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Dbc;
using RangeGuard.Host.Dbc;
using RangeGuard.Host.Vehicles;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Profiles
{
    /// <summary>The built-in vehicles' maps decode known frames (OVMS golden values, the Kona log, the simulator's values).</summary>
    [TestClass]
    public class ProfileDecodingTests
    {
        internal static SignalMap Map(string vehicleId) => SignalMapLoader.Load(VehicleCatalog.Find(vehicleId)!.BuildMap().MapText);

        internal static SignalDispatcher Dispatcher(string vehicleId) => new(Map(vehicleId), new VehicleState());

        internal static CanFrame Frame(uint id, byte bus, params byte[] bytes)
        {
            var f = new CanFrame { Id = id, Length = (byte)bytes.Length, Bus = bus, TimestampMs = -1 };
            for (int i = 0; i < bytes.Length; i++)
            {
                f.SetByte(i, bytes[i]);
            }

            return f;
        }

        [TestMethod]
        public void EGolf_map_should_decode_ovms_golden_frames()
        {
            SignalDispatcher d = Dispatcher("vw-egolf");
            VehicleState s = d.State;

            d.Process(Frame(0x131, 3, 0x00, 0x00, 0x00, 0xC8, 0x00, 0x00, 0x00, 0x00), 1000);
            Assert.AreEqual(100f, s.GetLast(InputId.SocPercent), "C8 -> 100 %");
            d.Process(Frame(0x131, 3, 0x00, 0x00, 0x00, 0x64, 0x00, 0x00, 0x00, 0x00), 2000);
            Assert.AreEqual(50f, s.GetLast(InputId.SocPercent), "64 -> 50 %");
            d.Process(Frame(0x131, 3, 0x00, 0x00, 0x00, 0xFE, 0x00, 0x00, 0x00, 0x00), 3000);
            Assert.AreEqual(50f, s.GetLast(InputId.SocPercent), "FE sentinel discarded, previous kept");
            Assert.AreEqual(2000L, s.GetTime(InputId.SocPercent));
            Assert.AreEqual(1L, d.Counters.SentinelsDiscarded);

            d.Process(Frame(0x0FD, 3, 0x00, 0x00, 0x00, 0x00, 0xE8, 0x03, 0x00, 0x00), 3000);
            Assert.AreEqual(10f, s.GetLast(InputId.SpeedKmh), 1e-4f, "E8 03 = 1000 * 0.01 -> 10 km/h");

            // kcan-synthetic.crtd: 0x191 raw I 2047, raw V 1420 -> 0 A / 355 V.
            d.Process(Frame(0x191, 3, 0x00, 0xF0, 0x7F, 0x8C, 0x05, 0x00, 0x00, 0x00), 3000);
            Assert.AreEqual(0f, s.GetLast(InputId.PackCurrentA));
            Assert.AreEqual(355f, s.GetLast(InputId.PackVoltageV));
            d.Process(Frame(0x191, 3, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00), 3100);
            Assert.AreEqual(355f, s.GetLast(InputId.PackVoltageV), "d[2]=FF frame rejected (0 V < 100 V)");
            Assert.AreEqual(0f, s.GetLast(InputId.PackCurrentA), "d[2]=FF frame rejected (2033 A > 1000 A)");

            // 0x59E d[2] = FE: 87 C sentinel.
            d.Process(Frame(0x59E, 3, 0x00, 0x00, 0x5A, 0x00, 0x00, 0x00, 0x00, 0x00), 3200);
            Assert.AreEqual(5f, s.GetLast(InputId.BatteryTempAvgC), "0x5A = 90 * 0.5 - 40 = 5 C");
            d.Process(Frame(0x59E, 3, 0x00, 0x00, 0xFE, 0x00, 0x00, 0x00, 0x00, 0x00), 3300);
            Assert.AreEqual(5f, s.GetLast(InputId.BatteryTempAvgC));
            Assert.AreEqual(2L, d.Counters.SentinelsDiscarded);

            // 0x6B7: Odometer 0|20 = 0x01E240 = 123456 km; OutsideTemp byte 7 = 0x50 = 80 * 0.5 - 50 = -10 C.
            d.Process(Frame(0x6B7, 3, 0x40, 0xE2, 0x01, 0x00, 0x00, 0x00, 0x00, 0x50), 3400);
            Assert.AreEqual(123456f, s.GetLast(InputId.OdometerKm));
            Assert.AreEqual(-10f, s.GetLast(InputId.AmbientTempC));
        }

        [TestMethod]
        public void Kona_map_should_decode_log_frames_on_bus_0_and_ignore_bus_1()
        {
            SignalDispatcher d = Dispatcher("hyundai-kona");
            VehicleState s = d.State;

            d.Process(Frame(0x595, 0, 0x1A, 0x00, 0xB5, 0xB5, 0x00, 0x00, 0xDF, 0x0D), 1955796);
            Assert.AreEqual(355.1f, s.GetLast(InputId.PackVoltageV), 1e-3f);
            Assert.AreEqual(0f, s.GetLast(InputId.PackCurrentA));
            Assert.AreEqual(0f, s.GetLast(InputId.ChargingState), "no charger detected");

            d.Process(Frame(0x596, 0, 0x00, 0x79, 0x00, 0x00, 0x00, 0x00, 0x16, 0x17), 1955797);
            Assert.AreEqual(22f, s.GetLast(InputId.BatteryTempMinC));
            Assert.AreEqual(23f, s.GetLast(InputId.BatteryTempMaxC));
            Assert.AreEqual(22.5f, s.GetLast(InputId.BatteryTempAvgC));

            d.Process(Frame(0x5D0, 0, 0x9D, 0x13, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00), 1955800);
            Assert.AreEqual(26716.5f, s.GetLast(InputId.OdometerKm), 0.01f);

            d.Process(Frame(0x542, 0, 0x49, 0x17, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF), 1955801);
            Assert.AreEqual(36.5f, s.GetLast(InputId.SocPercent));

            // Bus 1 (CCAN) copies with other content: never decoded.
            long filtered = d.Counters.FilteredFrames;
            d.Process(Frame(0x596, 1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFE, 0xFF), 1955900);
            d.Process(Frame(0x595, 1, 0x00, 0x00, 0x00, 0x00, 0x0F, 0x0DDF & 0xFF, 0x00, 0x00), 1955900);
            Assert.AreEqual(22f, s.GetLast(InputId.BatteryTempMinC));
            Assert.AreEqual(0f, s.GetLast(InputId.PackCurrentA));
            Assert.AreEqual(filtered + 2, d.Counters.FilteredFrames);
            Assert.AreEqual(0L, d.Counters.OutOfRangeValues);

            // Wheel speeds 0x386: FL/FR/RL/RR = 1600/1601/1599/1600 * 0.03125 -> mean 50 km/h.
            d.Process(Frame(0x386, 0, 0x40, 0x06, 0x41, 0x06, 0x3F, 0x06, 0x40, 0x06), 1956000);
            Assert.AreEqual(50f, s.GetLast(InputId.SpeedKmh), 1e-4f);

            // Heater 0x5F6 HeaterPower 54|10 (x10 W): raw 150 = 0b0010010110 -> byte6 bits 6,7 = 0b10, byte7 = 0b00100101.
            d.Process(Frame(0x5F6, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x25), 1956100);
            Assert.AreEqual(1500f, s.GetLast(InputId.HvacPowerW));
            Assert.IsFalse(s.HasValue(InputId.AmbientTempC), "no ambient in pcan.dbc");
        }

        [TestMethod]
        public void Reference_map_should_round_trip_simulator_values_through_the_dbc()
        {
            SignalMap map = Map("rangeguard-ref");
            SignalDispatcher d = new(map, new VehicleState());
            DbcFile dbc = RangeGuard.Host.Tests.Dbc.DbcRealFileTests.VehicleDbc("rangeguard-ref", "rangeguard-ref.dbc");
            double[] truth = new double[InputId.Count];
            truth[InputId.SocPercent] = 57.3;
            truth[InputId.PackVoltageV] = 388.4;
            truth[InputId.PackCurrentA] = -42.7;
            truth[InputId.ChargingState] = 2;
            truth[InputId.BatteryTempMinC] = -12.3;
            truth[InputId.BatteryTempMaxC] = 31.7;
            truth[InputId.BatteryTempAvgC] = 9.9;
            truth[InputId.SpeedKmh] = 118.25;
            truth[InputId.AmbientTempC] = -7.5;
            truth[InputId.OdometerKm] = 12345.67;
            truth[InputId.HvacPowerW] = 2750;

            // Encode as the simulator will: one frame per message, each mapping's SignalDef writes its value.
            foreach (DbcMessage message in dbc.Messages)
            {
                CanFrame f = new() { Id = message.Id, Length = (byte)message.Dlc };
                for (int i = map.FindFirst(message.Id, false); i >= 0 && i < map.Count && map.KeyAt(i) == message.Id; i++)
                {
                    SignalMapping m = map.Get(i);
                    Assert.IsTrue(SignalCodec.TryEncode(ref f, ref m.Signal, truth[m.Input]), m.SignalName);
                }

                d.Process(ref f, 5000);
            }

            for (int input = 0; input < InputId.Count; input++)
            {
                Assert.IsTrue(d.State.TryGet(input, 5000, out float v), InputId.Name(input));
                Assert.AreEqual(truth[input], v, 0.051, InputId.Name(input));
            }

            Assert.AreEqual(0L, d.Counters.DecodeErrors + d.Counters.OutOfRangeValues + d.Counters.UnknownIdFrames);
        }
    }
}
