using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Dbc;

namespace RangeGuard.Host.Tests.Dbc
{
    [TestClass]
    public class DbcParserTests
    {
        internal static string FixturePath(params string[] parts) => Path.Combine(AppContext.BaseDirectory, "fixtures", Path.Combine(parts));

        internal static DbcFile Fixture(string name) => DbcParser.ParseFile(FixturePath("dbc", name));

        private static DbcFormatException ParseError(string text)
        {
            return Assert.ThrowsExactly<DbcFormatException>(() => DbcParser.Parse(text, "bad.dbc"));
        }

        [TestMethod]
        public void Parse_should_read_all_messages_and_signals_when_file_is_vwegolf()
        {
            DbcFile dbc = Fixture("vwegolf.dbc");
            Assert.AreEqual(27, dbc.Messages.Count);
            Assert.AreEqual(60, dbc.SignalCount);
            Assert.AreEqual(11, dbc.Nodes.Count);
            Assert.AreEqual(0, dbc.Issues.Count, string.Join("\n", dbc.Issues));

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
            Assert.AreEqual(-2047.0, current.Min);
            Assert.AreEqual(2048.0, current.Max);
            Assert.AreEqual("A", current.Unit);
            CollectionAssert.AreEqual(new[] { "OVMS" }, new System.Collections.Generic.List<string>(current.Receivers));

            // 29-bit ids are written with bit 31 set: BO_ 2536711425 = 0x80000000 | 0x17332501.
            DbcMessage bap = dbc.FindMessage("BAP_ClimaCmd")!;
            Assert.AreEqual(2536711425u, bap.DbcId);
            Assert.AreEqual(0x17332501u, bap.Id);
            Assert.IsTrue(bap.IsExtended);
            Assert.AreSame(bap, dbc.FindMessage(0x17332501, isExtended: true));
            Assert.IsNull(dbc.FindMessage(0x17332501, isExtended: false));
        }

        [TestMethod]
        public void Parse_should_read_motorola_signed_and_fd_message_when_file_is_pcan()
        {
            DbcFile dbc = Fixture("pcan.dbc");
            Assert.AreEqual(107, dbc.Messages.Count);
            Assert.AreEqual(445, dbc.SignalCount);
            int motorola = 0;
            foreach (DbcMessage m in dbc.Messages)
            {
                motorola += m.Signals.FindAll(s => s.IsMotorola).Count;
            }

            Assert.AreEqual(82, motorola, "README: 82 Motorola signals");

            DbcSignal soc = dbc.FindMessage(0x594)!.FindSignal("SoC_Maybe")!;
            Assert.AreEqual(47, soc.StartBit);
            Assert.AreEqual(8, soc.Length);
            Assert.IsTrue(soc.IsMotorola);
            Assert.AreEqual(0.5, soc.Factor);
            Assert.AreEqual(255.0, soc.Max);

            DbcSignal ibatt = dbc.FindMessage(0x595)!.FindSignal("IBatt")!;
            Assert.IsTrue(ibatt.IsSigned);
            Assert.IsFalse(ibatt.IsMotorola);
            Assert.AreEqual(0.1, ibatt.Factor);
            Assert.AreEqual(-1000.0, ibatt.Min);

            Assert.AreEqual("°C", dbc.FindMessage(0x596)!.FindSignal("uwe596_6_TAkkuL")!.Unit, "UTF-8 unit");

            // DLC 64 (CAN FD) message: kept, reported; its signals all lie in the first 8 bytes, so stay usable.
            DbcMessage fd = dbc.FindMessage("FATC_5F5")!;
            Assert.AreEqual(64, fd.Dlc);
            Assert.AreEqual(4, fd.Signals.Count);
            Assert.IsTrue(fd.Signals.TrueForAll(s => s.IsUsable));
            Assert.AreEqual(1, dbc.Issues.Count);
            StringAssert.Contains(dbc.Issues[0].ToString(), "pcan.dbc:631: message FATC_5F5 declares DLC 64");

            DbcSignal speed = dbc.FindMessage(0x450)!.FindSignal("Speed")!;
            Assert.AreEqual(3, dbc.FindMessage(0x450)!.Dlc);
            Assert.AreEqual(7, speed.StartBit);
            Assert.IsTrue(speed.IsMotorola);
        }

        [TestMethod]
        public void Parse_should_read_reference_dbc_with_comments_attributes_and_values()
        {
            DbcFile dbc = Fixture("rangeguard-ref.dbc");
            Assert.AreEqual("RangeGuard reference vehicle 1.0", dbc.Version);
            Assert.AreEqual(4, dbc.Messages.Count);
            Assert.AreEqual(13, dbc.SignalCount);
            Assert.AreEqual(0, dbc.Issues.Count, string.Join("\n", dbc.Issues));
            DbcSignal tmax = dbc.FindMessage(0x110)!.FindSignal("BatteryTempMax")!;
            Assert.IsTrue(tmax.IsMotorola);
            Assert.AreEqual(11, tmax.StartBit);
            Assert.AreEqual(-100.0, tmax.Offset);
        }

        [TestMethod]
        public void Parse_should_read_multiplexing_and_odd_whitespace()
        {
            const string text = "VERSION \"\"\n\nNS_ :\n  CM_\n\nBS_:\nBU_: A\n" +
                "// a comment line\n" +
                "BO_ 1024 MUXED : 8 A\n" +
                "\t SG_  Mode M  :  0|4@1+  ( 1 , 0 )  [ 0 | 15 ]  \"\"  A\r\n" +
                " SG_ Temp m1 : 8|8@1- (0.5,-40) [-40|87.5] \"°C\" A,B\n" +
                " SG_ Volt m2 : 15|12@0+ (0.25,0) [0|1023.75] \"V\" A\n" +
                " SG_ Sub m3M : 32|8@1+ (1,0) [0|255] \"\" A\n" +
                "SG_MUL_VAL_ 1024 Temp Mode 1-1;\n";
            DbcFile dbc = DbcParser.Parse(text, "mux.dbc");
            DbcMessage m = dbc.Messages[0];
            Assert.AreEqual(4, m.Signals.Count);
            Assert.AreEqual(DbcMuxRole.Multiplexor, m.FindSignal("Mode")!.MuxRole);
            DbcSignal temp = m.FindSignal("Temp")!;
            Assert.AreEqual(DbcMuxRole.Multiplexed, temp.MuxRole);
            Assert.AreEqual(1u, temp.MuxValue);
            Assert.AreEqual(2, temp.Receivers.Count);
            Assert.AreEqual(-40.0, temp.Offset);
            Assert.IsTrue(m.FindSignal("Sub")!.IsNestedMultiplexor);
            Assert.AreEqual(3u, m.FindSignal("Sub")!.MuxValue);

            RangeGuard.Dbc.SignalDef def = m.ToSignalDef(m.FindSignal("Volt")!);
            Assert.IsTrue(def.IsMultiplexed);
            Assert.AreEqual(0, def.MuxStartBit);
            Assert.AreEqual(4, def.MuxLength);
            Assert.AreEqual(2u, def.MuxValue);
        }

        [TestMethod]
        public void Parse_should_mark_signal_unusable_when_it_exceeds_dlc_or_8_bytes()
        {
            const string text = "BO_ 100 FD: 64 A\n SG_ Low : 0|8@1+ (1,0) [0|255] \"\" A\n SG_ High : 100|8@1+ (1,0) [0|255] \"\" A\n" +
                "BO_ 101 SHORT: 2 A\n SG_ Over : 8|16@1+ (1,0) [0|255] \"\" A\n SG_ MotoOver : 7|24@0+ (1,0) [0|1] \"\" A\n SG_ Ok : 7|16@0+ (1,0) [0|1] \"\" A\n";
            DbcFile dbc = DbcParser.Parse(text, "fit.dbc");
            Assert.IsTrue(dbc.FindMessage(100)!.FindSignal("Low")!.IsUsable);
            DbcSignal high = dbc.FindMessage(100)!.FindSignal("High")!;
            Assert.IsFalse(high.IsUsable);
            StringAssert.Contains(high.Problem, "beyond the 8 bytes");
            Assert.IsFalse(dbc.FindMessage(101)!.FindSignal("Over")!.IsUsable);
            StringAssert.Contains(dbc.FindMessage(101)!.FindSignal("Over")!.Problem, "do not fit DLC 2");
            Assert.IsFalse(dbc.FindMessage(101)!.FindSignal("MotoOver")!.IsUsable);
            Assert.IsTrue(dbc.FindMessage(101)!.FindSignal("Ok")!.IsUsable);
            Assert.AreEqual(4, dbc.Issues.Count, string.Join("\n", dbc.Issues)); // DLC 64 + High + Over + MotoOver
            Assert.AreEqual(3, dbc.Issues[1].Line);
        }

        [TestMethod]
        public void Parse_should_name_file_line_and_reason_when_dbc_is_malformed()
        {
            DbcFormatException e = ParseError("VERSION \"\"\n SG_ X : 0|8@1+ (1,0) [0|1] \"\" A\n");
            Assert.AreEqual(2, e.Line);
            Assert.AreEqual("bad.dbc", e.File);
            StringAssert.Contains(e.Message, "bad.dbc:2: SG_ outside a BO_");

            e = ParseError("BO_ 100 M: 8 A\n SG_ X : 0|8@2+ (1,0) [0|1] \"\" A\n");
            Assert.AreEqual(2, e.Line);
            StringAssert.Contains(e.Reason, "@0/@1");

            e = ParseError("BO_ 100 M: 8 A\n SG_ X : 0|8@1+ (1;0) [0|1] \"\" A\n");
            StringAssert.Contains(e.Reason, "expected ','");

            e = ParseError("BO_ 100 M: 8 A\n SG_ X : 0|8@1+ (1,0) [0|1] \"unit A\n");
            StringAssert.Contains(e.Reason, "unterminated string");

            e = ParseError("BO_ 0x64 M: 8 A\n");
            Assert.AreEqual(1, e.Line);
            StringAssert.Contains(e.Reason, "expected ':' near 'M: 8 A'");

            e = ParseError("BO_ 100 M: 8 A\n SG_ X : 0|0@1+ (1,0) [0|1] \"\" A\n");
            StringAssert.Contains(e.Reason, "length 0");

            e = ParseError("BO_ 100 M: 8 A\n\nCM_ SG_ 100 X \"starts here\nand has an \\\" escaped quote but never ends;\n\nBO_ 200 N: 8 A\n");
            Assert.AreEqual(3, e.Line, e.Message);
            StringAssert.Contains(e.Reason, "unterminated string in CM_");

            e = ParseError("BO_ 100 M: 8 A\nBA_ \"GenMsgCycleTime\" BO_ 100 10\n");
            Assert.AreEqual(2, e.Line);
            StringAssert.Contains(e.Reason, "no terminating ';'");

            e = ParseError("BO_ 100 M: 8 A\nFOO_ bar;\n");
            Assert.AreEqual(2, e.Line);
            StringAssert.Contains(e.Reason, "unknown keyword 'FOO_'");

            e = ParseError("BO_ 100 M: 8 A\n SG_ X Q : 0|8@1+ (1,0) [0|1] \"\" A\n");
            StringAssert.Contains(e.Reason, "bad multiplexer indicator 'Q'");
        }

        [TestMethod]
        public void Parse_should_skip_multiline_comments_with_escaped_quotes()
        {
            const string text = "BO_ 100 M: 8 A\n SG_ X : 0|8@1+ (1,0) [0|1] \"\" A\n\n" +
                "CM_ SG_ 100 X \"line one; with semicolon\nline \\\"two\\\"\nBO_ 999 NOT_A_MESSAGE: 8 A\";\n" +
                "BO_ 200 N: 8 A\n SG_ Y : 0|8@1+ (1,0) [0|1] \"\" A\n";
            DbcFile dbc = DbcParser.Parse(text, "cm.dbc");
            Assert.AreEqual(2, dbc.Messages.Count);
            Assert.IsNull(dbc.FindMessage(999));
            Assert.AreEqual("Y", dbc.FindMessage(200)!.Signals[0].Name);
        }

        [TestMethod]
        public void Parse_should_read_every_signal_when_dbc_is_large()
        {
            string text = SyntheticDbc.Generate(2000, 8);
            Assert.IsTrue(text.Length > 500_000, $"large: {text.Length} chars");
            DbcFile dbc = DbcParser.Parse(text, "large.dbc");
            Assert.AreEqual(2000, dbc.Messages.Count);
            Assert.AreEqual(16000, dbc.SignalCount);
            Assert.AreEqual(0, dbc.Issues.Count);
            DbcMessage last = dbc.Messages[1999];
            Assert.IsTrue(last.IsExtended);
            Assert.AreEqual((uint)(0x18000000 + 1999), last.Id);
            DbcSignal s = last.FindSignal("S1999_3")!;
            Assert.AreEqual(31, s.StartBit);
            Assert.IsTrue(s.IsMotorola);
            Assert.IsTrue(s.IsSigned);
            Assert.AreEqual("°C", s.Unit);
            Assert.AreEqual(-10.0, s.Offset);
            Assert.AreEqual(8, dbc.FindMessage(1)!.Signals.Count);
        }
    }
}
