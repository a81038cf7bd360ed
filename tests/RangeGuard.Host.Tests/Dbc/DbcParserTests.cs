using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Dbc;

namespace RangeGuard.Host.Tests.Dbc
{
    /// <summary>The DBC reader on small hand-written files: one feature or one kind of damage each.</summary>
    [TestClass]
    public class DbcParserTests
    {
        private static string Problems(DbcFile dbc) => string.Join("\n", dbc.Issues);

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

            // Mode is the only "M", but Sub (m3M) makes the layout extended: Volt has no SG_MUL_VAL_ saying which switch.
            Assert.IsTrue(temp.IsUsable, temp.Problem);
            Assert.AreSame(m.FindSignal("Mode"), temp.MuxSwitch);
            DbcSignal volt = m.FindSignal("Volt")!;
            Assert.IsFalse(volt.IsUsable);
            StringAssert.Contains(volt.Problem, "no SG_MUL_VAL_ names which one");

            RangeGuard.Dbc.SignalDef def = m.ToSignalDef(temp);
            Assert.IsTrue(def.IsMultiplexed);
            Assert.AreEqual(0, def.MuxStartBit);
            Assert.AreEqual(4, def.MuxLength);
            Assert.AreEqual(1u, def.MuxValue);
        }

        [TestMethod]
        public void Parse_should_resolve_extended_multiplexing_and_refuse_what_one_switch_cannot_decode()
        {
            const string text = "BO_ 200 EXT: 8 A\n" +
                " SG_ Top M : 0|2@1+ (1,0) [0|3] \"\" A\n" +
                " SG_ Inner m1M : 2|2@1+ (1,0) [0|3] \"\" A\n" +
                " SG_ Deep m2 : 8|8@1+ (1,0) [0|255] \"\" A\n" +
                " SG_ ByTop m0 : 16|8@1+ (2,0) [0|510] \"\" A\n" +
                " SG_ Ranged m0 : 24|8@1+ (1,0) [0|255] \"\" A\n" +
                " SG_ Picked m0 : 32|8@1+ (1,0) [0|255] \"\" A\n" +
                "SG_MUL_VAL_ 200 Inner Top 1-1;\n" +
                "SG_MUL_VAL_ 200 Deep Inner 2-2;\n" +
                "SG_MUL_VAL_ 200 ByTop Top 0-0;\n" +
                "SG_MUL_VAL_ 200 Ranged Top 0-1, 3-3;\n" +
                "SG_MUL_VAL_ 200 Picked Top 2-2;\n";
            DbcMessage m = DbcParser.Parse(text, "ext.dbc").Messages[0];
            Assert.IsTrue(m.FindSignal("ByTop")!.IsUsable, m.FindSignal("ByTop")!.Problem);
            Assert.AreSame(m.FindSignal("Top"), m.FindSignal("ByTop")!.MuxSwitch);
            StringAssert.Contains(m.FindSignal("Deep")!.Problem, "nested multiplexing: its switch Inner is itself multiplexed");
            StringAssert.Contains(m.FindSignal("Ranged")!.Problem, "several values of Top (0-1, 3)");
            Assert.AreEqual(2u, m.FindSignal("Picked")!.MuxValue, "SG_MUL_VAL_ wins over the m0 of the SG_ line");
            Assert.AreEqual(2u, m.ToSignalDef(m.FindSignal("Picked")!).MuxValue);
        }

        [TestMethod]
        public void Parse_should_mark_signal_unusable_when_it_runs_past_the_dlc_or_8_bytes()
        {
            const string text = "BO_ 100 FD: 64 A\n SG_ Low : 0|8@1+ (1,0) [0|255] \"\" A\n SG_ High : 100|8@1+ (1,0) [0|255] \"\" A\n" +
                "BO_ 101 SHORT: 2 A\n SG_ Over : 8|16@1+ (1,0) [0|255] \"\" A\n SG_ MotoOver : 7|24@0+ (1,0) [0|1] \"\" A\n SG_ Ok : 7|16@0+ (1,0) [0|1] \"\" A\n";
            DbcFile dbc = DbcParser.Parse(text, "fit.dbc");
            Assert.IsTrue(dbc.FindMessage(100)!.FindSignal("Low")!.IsUsable);
            DbcSignal high = dbc.FindMessage(100)!.FindSignal("High")!;
            Assert.IsFalse(high.IsUsable);
            StringAssert.Contains(high.Problem, "beyond the 8 bytes");
            DbcSignal over = dbc.FindMessage(101)!.FindSignal("Over")!;
            Assert.IsFalse(over.IsUsable);
            Assert.AreEqual("bits up to 23 run past the declared length (DLC 2)", over.Problem);
            Assert.IsFalse(dbc.FindMessage(101)!.FindSignal("MotoOver")!.IsUsable);
            Assert.IsTrue(dbc.FindMessage(101)!.FindSignal("Ok")!.IsUsable);
            Assert.AreEqual(4, dbc.Issues.Count, Problems(dbc)); // DLC 64 note + High + Over + MotoOver
            Assert.AreEqual(3, dbc.Issues[1].Line);
            Assert.AreEqual(DbcIssueKind.Unusable, dbc.Issues[1].Kind);
            Assert.AreEqual("FD.High", dbc.Issues[1].Subject);
        }

        [TestMethod]
        public void Parse_should_skip_each_bad_statement_with_its_line_and_reason_and_read_the_rest()
        {
            const string text =
                "VERSION \"\"\n" +                                               // 1
                " SG_ Orphan : 0|8@1+ (1,0) [0|1] \"\" A\n" +                    // 2 no message yet
                "BO_ 100 M: 8 A\n" +                                             // 3
                " SG_ BadOrder : 0|8@2+ (1,0) [0|1] \"\" A\n" +                  // 4
                " SG_ BadScale : 0|8@1+ (1;0) [0|1] \"\" A\n" +                  // 5
                " SG_ ZeroLen : 0|0@1+ (1,0) [0|1] \"\" A\n" +                   // 6
                " SG_ BadMux Q : 0|8@1+ (1,0) [0|1] \"\" A\n" +                  // 7
                " SG_ Good : 8|8@1+ (1,0) [0|255] \"\" A\n" +                    // 8
                "BO_ 0x64 HEX: 8 A\n" +                                          // 9 hex ids are not DBC
                " SG_ LostChild : 0|8@1+ (1,0) [0|1] \"\" A\n" +                 // 10
                "FOO_ bar;\n" +                                                  // 11
                "BO_ 200 N: 8 A\n" +                                             // 12
                " SG_ Y : 0|8@1+ (1,0) [0|1] \"\" A\n";                          // 13
            DbcFile dbc = DbcParser.Parse(text, "bad.dbc");
            string[] expected =
            {
                "bad.dbc:2: signal Orphan skipped: SG_ outside a BO_ message",
                "bad.dbc:4: signal M.BadOrder skipped: expected @0/@1 followed by + or -, got '@2+'",
                "bad.dbc:5: signal M.BadScale skipped: expected ',' near ';0) [0|1] \"\" A'",
                "bad.dbc:6: signal M.ZeroLen skipped: length 0 must be at least 1",
                "bad.dbc:7: signal M.BadMux skipped: bad multiplexer indicator 'Q'",
                "bad.dbc:9: BO_ skipped: expected ':' near 'HEX: 8 A'",
                "bad.dbc:10: signal LostChild skipped: its BO_ at line 9 could not be read",
                "bad.dbc:11: unknown keyword 'FOO_': line skipped",
            };
            CollectionAssert.AreEqual(expected, dbc.Issues.Select(i => i.ToString()).ToArray(), Problems(dbc));
            Assert.IsTrue(dbc.Issues.All(i => i.Kind == DbcIssueKind.Skipped));
            Assert.AreEqual("M.BadScale", dbc.Issues[2].Subject, "a profile naming it can say why it is missing");
            Assert.AreEqual(2, dbc.Messages.Count);
            Assert.AreEqual("Good", dbc.FindMessage(100)!.Signals.Single().Name);
            Assert.AreEqual("Y", dbc.FindMessage(200)!.Signals.Single().Name);
        }

        [TestMethod]
        public void Parse_should_recover_from_an_unterminated_string_and_from_a_missing_semicolon()
        {
            const string unterminated = "BO_ 100 M: 8 A\n SG_ X : 0|8@1+ (1,0) [0|1] \"\" A\n\n" +
                "CM_ SG_ 100 X \"starts here; and never ends\n\n" +                                  // 4
                "BO_ 200 N: 8 A\n SG_ Y : 0|8@1+ (1,0) [0|1] \"\" A\n";                            // 6-7
            DbcFile dbc = DbcParser.Parse(unterminated, "cm.dbc");
            Assert.AreEqual("cm.dbc:4: unterminated string in CM_ statement: skipped up to line 5", dbc.Issues.Single().ToString());
            Assert.AreEqual(DbcIssueKind.Skipped, dbc.Issues[0].Kind);
            Assert.AreEqual("Y", dbc.FindMessage(200)!.Signals.Single().Name, "reading goes on at the next keyword line");

            const string noSemicolon = "BO_ 200 N: 8 A\n SG_ Y : 0|8@1+ (1,0) [0|1] \"\" A\n" +
                "CM_ BO_ 200 \"no semicolon\"\n" +                                                 // 3
                "VAL_ 200 Y 0 \"Off\" 1 \"On\"\n";                                                // 4: last line, no ';'
            dbc = DbcParser.Parse(noSemicolon, "semi.dbc");
            Assert.AreEqual("no semicolon", dbc.FindMessage(200)!.Comment);
            Assert.AreEqual(2, dbc.FindMessage(200)!.FindSignal("Y")!.Values.Count, "VAL_ read although the file ends without ';'");
            CollectionAssert.AreEqual(new[]
            {
                "semi.dbc:3: CM_ statement has no terminating ';' before line 4: read up to line 3",
                "semi.dbc:4: VAL_ statement has no terminating ';' before the end of the file: read up to line 4",
            }, dbc.Issues.Select(i => i.ToString()).ToArray());
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
            Assert.AreEqual("line one; with semicolon\nline \"two\"\nBO_ 999 NOT_A_MESSAGE: 8 A", dbc.FindMessage(100)!.FindSignal("X")!.Comment);
        }

        [TestMethod]
        public void Parse_should_attach_value_tables_comments_and_value_types()
        {
            const string text = "\uFEFFVERSION \"\"\r\nBU_:\r\n\tECU_A\r\n\tECU_B ECU_C\r\n\r\n" +
                "BO_ 300 M: 8 ECU_A\r\n SG_ Mode : 0|2@1+ (1,0) [0|3] \"\" ECU_B\r\n SG_ Temp : 8|8@1- (1,0) [-128|127] \"C\" ECU_B\r\n" +
                " SG_ F : 32|32@1- (1,0) [0|0] \"\" ECU_B\r\n\r\n" +
                "VAL_TABLE_ Modes 0 \"Off\" 1 \"On\" ;\r\n" +
                "CM_ BO_ 300 \"The message\";\r\nCM_ SG_ 300 Mode \"The mode\";\r\n" +
                "VAL_ 300 Mode 0 \"Off\" 1 \"Eco\" 2 \"Normal\" 3 \"SNA\" ;\r\nVAL_ 300 Temp -128 \"SNA\" ;\r\nVAL_ 300 Nope 1 \"x\" ;\r\n" +
                "SIG_VALTYPE_ 300 F : 1;\r\n";
            DbcFile dbc = DbcParser.Parse(text, "crlf.dbc");
            CollectionAssert.AreEqual(new[] { "ECU_A", "ECU_B", "ECU_C" }, dbc.Nodes.ToArray(), "node list over three lines, CRLF, BOM");
            DbcMessage m = dbc.Messages.Single();
            Assert.AreEqual("The message", m.Comment);
            DbcSignal mode = m.FindSignal("Mode")!;
            Assert.AreEqual("The mode", mode.Comment);
            Assert.AreEqual(3L, mode.FindValue("sna"));
            Assert.AreEqual(-128L, m.FindSignal("Temp")!.FindValue("SNA"));
            Assert.AreEqual("C", m.FindSignal("Temp")!.Unit, "no CR in the unit");
            Assert.AreEqual(2, dbc.ValueTables["Modes"].Count);
            DbcSignal f = m.FindSignal("F")!;
            Assert.AreEqual(DbcValueType.Float32, f.ValueType);
            Assert.IsFalse(f.IsUsable);
            StringAssert.Contains(f.Problem, "IEEE float");
            StringAssert.Contains(Problems(dbc), "crlf.dbc:16: VAL_ names signal M.Nope, which is not defined: ignored");
        }

        [TestMethod]
        public void Parse_should_read_ids_as_written_by_real_tools()
        {
            const string text = "BO_ 2566848512 EXT_FLAG: 8 A\n SG_ A : 0|8@1+ (1,0) [0|1] \"\" A\n" +   // 0x80000000 | 0x18FF0000
                "BO_ 274923520 NO_FLAG: 1 A\n SG_ B : 0|1@0+ (1,0) [0|1] \"\" A\n" +             // 0x10630000, GMLAN style
                "BO_ 3221225472 VECTOR__INDEPENDENT_SIG_MSG: 0 Vector__XXX\n SG_ C : 0|8@1+ (1,0) [0|1] \"\" A\n SG_ D : 8|8@1+ (1,0) [0|1] \"\" A\n" +
                "BO_ 5 DUP: 8 A\nBO_ 5 DUP2: 8 A\n";
            DbcFile dbc = DbcParser.Parse(text, "ids.dbc");
            Assert.AreEqual("EXT_FLAG", dbc.FindMessage(0x18FF0000, isExtended: true)!.Name);
            DbcMessage noFlag = dbc.FindMessage(0x10630000, isExtended: true)!;
            Assert.AreEqual("NO_FLAG", noFlag.Name);
            Assert.IsTrue(noFlag.FindSignal("B")!.IsUsable);
            Assert.IsNull(dbc.FindMessage(0x10630000, isExtended: false));
            DbcMessage independent = dbc.FindMessage("VECTOR__INDEPENDENT_SIG_MSG")!;
            Assert.IsFalse(independent.IsValidId);
            Assert.IsTrue(independent.Signals.All(s => !s.IsUsable));
            Assert.AreEqual("DUP", dbc.FindMessage(5)!.Name, "the first of two messages with one id");
            string[] issues = dbc.Issues.Select(i => i.ToString()).ToArray();
            CollectionAssert.AreEqual(new[]
            {
                "ids.dbc:3: message NO_FLAG id 274923520 (0x10630000) is above 0x7FF without the extended flag (bit 31): read as a 29-bit id",
                "ids.dbc:5: message VECTOR__INDEPENDENT_SIG_MSG id 3221225472 is not a valid 11-bit or (bit 31 + 29-bit) id; its signals are unusable",
                "ids.dbc:9: message id 5 (DUP2) already defined by DUP at line 8; lookups by id find the first",
            }, issues, "one issue for the container message, none per signal");
        }

        [TestMethod]
        public void Parse_should_read_every_signal_when_dbc_is_large()
        {
            string text = SyntheticDbc.Generate(2000, 8);
            Assert.IsTrue(text.Length > 500_000, $"large: {text.Length} chars");
            DbcFile dbc = DbcParser.Parse(text, "large.dbc");
            Assert.AreEqual(2000, dbc.Messages.Count);
            Assert.AreEqual(16000, dbc.SignalCount);
            Assert.AreEqual(0, dbc.Issues.Count, Problems(dbc));
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
            Assert.AreEqual(2, dbc.Messages[1999].FindSignal("S1999_0")!.Values.Count, "VAL_ applied to the last message");
        }
    }
}
