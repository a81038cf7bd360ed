using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Dbc;
using RangeGuard.Host.Dbc;

namespace RangeGuard.Host.Tests.Dbc
{
    /// <summary>
    /// The DBC reader on real files: every DBC in the repository (the vehicles' own and the opendbc fixtures of
    /// Tesla, GM, VW, Mazda and Ford in tests/fixtures/dbc, see its ATTRIBUTION.md).
    /// </summary>
    [TestClass]
    public class DbcRealFileTests
    {
        internal static DbcFile Fixture(string name) => DbcParser.ParseFile(RepoFiles.Fixture("dbc", name));

        internal static DbcFile VehicleDbc(string id, string name) => DbcParser.ParseFile(RepoFiles.Vehicle(id, name));

        private static string Problems(DbcFile dbc) => string.Join("\n", dbc.Issues);

        // file -> messages, signals, issues, unusable signals (a change here is a change in what the reader accepts)
        private static readonly Dictionary<string, (int Messages, int Signals, int Issues, int Unusable)> s_expected = new()
        {
            ["rangeguard-ref.dbc"] = (4, 13, 0, 0),
            ["vwegolf.dbc"] = (27, 60, 0, 0),
            ["pcan.dbc"] = (107, 445, 1, 0),
            ["tesla_can.dbc"] = (44, 572, 1, 0),
            ["gm_global_a_lowspeed_1818125.dbc"] = (367, 3210, 0, 0),
            ["gm_global_a_lowspeed.dbc"] = (13, 27, 14, 0),
            ["vw_pq.dbc"] = (86, 1331, 22, 14),
            ["mazda_rx8.dbc"] = (7, 17, 0, 0),
            ["ford_fusion_2018_adas.dbc"] = (64, 256, 0, 0),
        };

        [TestMethod]
        public void Every_dbc_in_the_repository_should_be_read_without_skipping_a_statement()
        {
            string[] files = Directory.GetFiles(RepoFiles.Root, "*.dbc", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .ToArray();
            CollectionAssert.AreEquivalent(s_expected.Keys.ToArray(), files.Select(Path.GetFileName).ToArray(), "a new DBC in the repository needs a row here");
            foreach (string file in files)
            {
                DbcFile dbc = DbcParser.ParseFile(file);
                var (messages, signals, issues, unusable) = s_expected[dbc.FileName];
                string what = $"{dbc.FileName}:\n{Problems(dbc)}";
                Assert.AreEqual(messages, dbc.Messages.Count, what);
                Assert.AreEqual(signals, dbc.SignalCount, what);
                Assert.AreEqual(issues, dbc.Issues.Count, what);
                Assert.AreEqual(unusable, dbc.Messages.Sum(m => m.Signals.Count(s => !s.IsUsable)), what);
                Assert.IsFalse(dbc.Issues.Any(i => i.Kind == DbcIssueKind.Skipped), what);
            }
        }

        [TestMethod]
        public void Vwegolf_should_read_all_messages_and_signals()
        {
            DbcFile dbc = VehicleDbc("vw-egolf", "vwegolf.dbc");
            Assert.AreEqual(11, dbc.Nodes.Count);
            DbcMessage power = dbc.FindMessage(0x191)!;
            Assert.AreEqual("BMS_PowerBus", power.Name);
            Assert.AreEqual(8, power.Dlc);
            Assert.AreEqual("BMS", power.Transmitter);
            DbcSignal current = power.FindSignal("BatCurrent")!;
            Assert.AreEqual(12, current.StartBit);
            Assert.AreEqual(12, current.Length);
            Assert.IsFalse(current.IsMotorola);
            Assert.IsFalse(current.IsSigned);
            Assert.AreEqual(1.0, current.Factor);
            Assert.AreEqual(-2047.0, current.Offset);
            Assert.AreEqual(2048.0, current.Max);
            Assert.AreEqual("A", current.Unit);
            CollectionAssert.AreEqual(new[] { "OVMS" }, current.Receivers.ToArray());
            StringAssert.Contains(dbc.FindMessage(0x131)!.Comment, "0xFE is a startup sentinel");

            // 29-bit ids are written with bit 31 set: BO_ 2536711425 = 0x80000000 | 0x17332501.
            DbcMessage bap = dbc.FindMessage("BAP_ClimaCmd")!;
            Assert.AreEqual(2536711425u, bap.DbcId);
            Assert.AreEqual(0x17332501u, bap.Id);
            Assert.IsTrue(bap.IsExtended);
            Assert.AreSame(bap, dbc.FindMessage(0x17332501, isExtended: true));
            Assert.IsNull(dbc.FindMessage(0x17332501, isExtended: false));
        }

        [TestMethod]
        public void Pcan_should_read_motorola_signed_and_the_fd_length_message()
        {
            DbcFile dbc = VehicleDbc("hyundai-kona", "pcan.dbc");
            Assert.AreEqual(82, dbc.Messages.Sum(m => m.Signals.Count(s => s.IsMotorola)), "kona-ev-dbc README: 82 Motorola signals");
            DbcSignal soc = dbc.FindMessage(0x594)!.FindSignal("SoC_Maybe")!;
            Assert.AreEqual(47, soc.StartBit);
            Assert.IsTrue(soc.IsMotorola);
            Assert.AreEqual(0.5, soc.Factor);
            DbcSignal ibatt = dbc.FindMessage(0x595)!.FindSignal("IBatt")!;
            Assert.IsTrue(ibatt.IsSigned);
            Assert.AreEqual(0.1, ibatt.Factor);
            Assert.AreEqual("°C", dbc.FindMessage(0x596)!.FindSignal("uwe596_6_TAkkuL")!.Unit, "UTF-8 unit");

            // DLC 64 (CAN FD) message: kept, noted; its signals all lie in the first 8 bytes, so stay usable.
            DbcMessage fd = dbc.FindMessage("FATC_5F5")!;
            Assert.AreEqual(64, fd.Dlc);
            Assert.IsTrue(fd.Signals.TrueForAll(s => s.IsUsable));
            Assert.AreEqual("pcan.dbc:631: message FATC_5F5 declares DLC 64 (CAN FD); classic frames carry at most 8 bytes, signals beyond 64 bits are unusable", dbc.Issues.Single().ToString());
        }

        [TestMethod]
        public void Reference_dbc_should_read_with_comments_attributes_and_values()
        {
            DbcFile dbc = VehicleDbc("rangeguard-ref", "rangeguard-ref.dbc");
            Assert.AreEqual("RangeGuard reference vehicle 1.0", dbc.Version);
            DbcSignal tmax = dbc.FindMessage(0x110)!.FindSignal("BatteryTempMax")!;
            Assert.IsTrue(tmax.IsMotorola);
            Assert.AreEqual(11, tmax.StartBit);
            Assert.AreEqual(-100.0, tmax.Offset);
            Assert.AreEqual(3L, dbc.FindMessage(0x100)!.FindSignal("ChargingState")!.FindValue("DcCharging"));
        }

        [TestMethod]
        public void Tesla_should_read_a_node_list_over_several_lines_multiplexing_and_value_tables()
        {
            DbcFile dbc = Fixture("tesla_can.dbc");
            CollectionAssert.AreEqual(new[] { "NEO", "MCU", "GTW", "EPAS", "DI", "ESP", "SBW", "STW", "APP", "DAS", "XXX" }, dbc.Nodes.ToArray());
            Assert.AreEqual(16, dbc.ValueTables.Count);
            DbcSignal speed = dbc.FindMessage("DI_torque2")!.FindSignal("DI_vehicleSpeed")!;
            Assert.AreEqual("MPH", speed.Unit);
            Assert.AreEqual(4095L, speed.FindValue("SNA"));
            DbcMessage ui = dbc.FindMessage("UI_autopilotControl")!;
            DbcSignal hov = ui.FindSignal("UI_hovEnabled")!;
            Assert.AreEqual(DbcMuxRole.Multiplexed, hov.MuxRole);
            Assert.AreSame(ui.FindSignal("UI_autopilotControlIndex"), hov.MuxSwitch);
            Assert.AreEqual("tesla_can.dbc:783: VAL_ names signal UI_driverAssistRoadSign.UI_mapSpeedLimit, which is not defined: ignored", dbc.Issues.Single().ToString());
        }

        [TestMethod]
        public void Gm_should_read_thousands_of_signals_and_29_bit_ids_with_or_without_the_flag()
        {
            DbcFile big = Fixture("gm_global_a_lowspeed_1818125.dbc");
            Assert.AreEqual(365, big.Messages.Count(m => m.IsExtended));
            Assert.IsTrue(big.Messages.All(m => m.IsValidId));

            DbcFile gmlan = Fixture("gm_global_a_lowspeed.dbc");
            DbcMessage door = gmlan.FindMessage("DriverDoorStatus")!;
            Assert.IsTrue(door.IsExtended);
            Assert.AreEqual(0x10630000u, door.Id);
            Assert.AreSame(door, gmlan.FindMessage(0x10630000, isExtended: true));
            Assert.IsTrue(door.Signals.All(s => s.IsUsable));
            Assert.AreEqual(13, gmlan.Issues.Count(i => i.Message.Contains("without the extended flag")), Problems(gmlan));
        }

        [TestMethod]
        public void Vw_pq_should_resolve_sg_mul_val_and_decode_a_negative_factor()
        {
            DbcFile dbc = Fixture("vw_pq.dbc");
            DbcMessage brake = dbc.FindMessage("Bremse_1")!;
            DbcSignal inverse = brake.FindSignal("BR1_MSR_Mo_inv")!;
            Assert.IsTrue(inverse.IsUsable, inverse.Problem);
            Assert.AreEqual(-0.39, inverse.Factor);
            Assert.AreEqual("BR1_MSR_Anf", inverse.MuxSwitchName);
            Assert.AreSame(brake.FindSignal("BR1_MSR_Anf"), inverse.MuxSwitch);
            Assert.AreEqual(1u, inverse.MuxValue);

            // Decoded by the device's codec: switch bit 1 set, byte 5 = 100 -> 100 * -0.39 + 99.45 = 60.45 %.
            SignalDef def = brake.ToSignalDef(inverse);
            var frame = new CanFrame { Id = 0x1A0, Length = 8 };
            frame.SetByte(0, 0x02);
            frame.SetByte(5, 100);
            Assert.AreEqual(DecodeStatus.Ok, SignalCodec.Decode(ref frame, ref def, out ulong raw, out float value));
            Assert.AreEqual(100UL, raw);
            Assert.AreEqual(60.45f, value, 1e-4f);
            frame.SetByte(0, 0x00);
            Assert.AreEqual(DecodeStatus.MuxMismatch, SignalCodec.Decode(ref frame, ref def, out _, out _), "m0 side of the switch");

            // A bare "m" indicator is read as the switch that SG_MUL_VAL_ names; signals past DLC 2 are reported, not fatal.
            DbcMessage motor2 = dbc.FindMessage("Motor_2")!;
            Assert.AreEqual(DbcMuxRole.Multiplexor, motor2.FindSignal("MO2_Mp_Code")!.MuxRole);
            Assert.IsTrue(motor2.FindSignal("MO2_Getr_Code")!.IsUsable);
            Assert.AreEqual(2u, motor2.FindSignal("MO2_Getr_Code")!.MuxValue);
            DbcSignal past = dbc.FindMessage("Lenkhilfe_1")!.FindSignal("LH1_EPS_Diagmode")!;
            Assert.AreEqual("bits up to 16 run past the declared length (DLC 2)", past.Problem);
        }

        [TestMethod]
        public void Mazda_crlf_and_ford_negative_factors_should_read_cleanly()
        {
            DbcFile mazda = Fixture("mazda_rx8.dbc");
            StringAssert.Contains(File.ReadAllText(RepoFiles.Fixture("dbc", "mazda_rx8.dbc")), "\r\n", "the fixture really has CRLF line ends");
            Assert.IsTrue(mazda.Messages.SelectMany(m => m.Signals).All(s => !s.Unit.Contains('\r') && !s.Receivers.Any(r => r.Contains('\r'))));
            Assert.AreEqual("deg", mazda.FindMessage("steering")!.FindSignal("SteeringAngle")!.Unit);

            DbcFile ford = Fixture("ford_fusion_2018_adas.dbc");
            var negative = ford.Messages.SelectMany(m => m.Signals).Where(s => s.Factor < 0).ToList();
            Assert.AreEqual(64, negative.Count);
            Assert.IsTrue(negative.All(s => s.IsUsable));
        }
    }
}
