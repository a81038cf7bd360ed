#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;
using RangeGuard.Can.Slcan;

namespace RangeGuard.Tests.Can
{
    [TestClass]
    public class SlcanParserTests
    {
        private static SlcanLineKind Parse(string line, out CanFrame frame, out int value)
        {
            byte[] bytes = SlcanTestSupport.Ascii(line);
            return SlcanParser.Parse(bytes, 0, bytes.Length, out frame, out value);
        }

        private static SlcanLineKind Kind(string line)
        {
            CanFrame frame;
            int value;
            return Parse(line, out frame, out value);
        }

        [TestMethod]
        public void Parse_should_give_id_0x123_and_8_bytes_when_standard_frame_is_full()
        {
            CanFrame f;
            int v;
            Assert.AreEqual(SlcanLineKind.Frame, Parse("t1238DEADBEEF01020304", out f, out v));
            Assert.AreEqual(0x123u, f.Id);
            Assert.IsFalse(f.IsExtended);
            Assert.IsFalse(f.IsRemote);
            Assert.AreEqual((byte)8, f.Length);

            // Wire order DE AD BE EF 01 02 03 04; byte 0 is the low byte of Data.
            Assert.AreEqual(0x04030201EFBEADDEUL, f.Data);
            Assert.AreEqual((byte)0xDE, f.GetByte(0));
            Assert.AreEqual((byte)0x04, f.GetByte(7));
            Assert.AreEqual(-1L, f.TimestampMs, "no timestamp");
        }

        [TestMethod]
        public void Parse_should_give_largest_extended_id_when_T_frame_has_dlc_0()
        {
            CanFrame f;
            int v;
            Assert.AreEqual(SlcanLineKind.Frame, Parse("T1FFFFFFF0", out f, out v));
            Assert.AreEqual(0x1FFFFFFFu, f.Id);
            Assert.IsTrue(f.IsExtended);
            Assert.AreEqual((byte)0, f.Length);
            Assert.AreEqual(0UL, f.Data);
        }

        [TestMethod]
        public void Parse_should_give_remote_frames_with_length_and_no_data()
        {
            CanFrame f;
            int v;
            Assert.AreEqual(SlcanLineKind.Frame, Parse("r1230", out f, out v));
            Assert.AreEqual(0x123u, f.Id);
            Assert.IsTrue(f.IsRemote);
            Assert.IsFalse(f.IsExtended);
            Assert.AreEqual((byte)0, f.Length);

            // R + 00000001 + DLC 5: a remote request for 5 bytes carries no data characters.
            Assert.AreEqual(SlcanLineKind.Frame, Parse("R000000015", out f, out v));
            Assert.AreEqual(1u, f.Id);
            Assert.IsTrue(f.IsRemote);
            Assert.IsTrue(f.IsExtended);
            Assert.AreEqual((byte)5, f.Length);
            Assert.AreEqual(0UL, f.Data);
        }

        [TestMethod]
        public void Parse_should_read_timestamp_when_4_hex_digits_follow_the_payload()
        {
            CanFrame f;
            int v;

            // id 000, 2 bytes 11 22, timestamp 0x04D2 = 1234 ms.
            Assert.AreEqual(SlcanLineKind.Frame, Parse("t0002112204D2", out f, out v));
            Assert.AreEqual(0u, f.Id);
            Assert.AreEqual((byte)2, f.Length);
            Assert.AreEqual(0x2211UL, f.Data);
            Assert.AreEqual(1234L, f.TimestampMs);

            // Largest id and largest timestamp 0xEA5F = 59999.
            Assert.AreEqual(SlcanLineKind.Frame, Parse("t7FF0EA5F", out f, out v));
            Assert.AreEqual(0x7FFu, f.Id);
            Assert.AreEqual(59999L, f.TimestampMs);

            // Remote with timestamp: r 456 3 + 0010.
            Assert.AreEqual(SlcanLineKind.Frame, Parse("r45630010", out f, out v));
            Assert.AreEqual((byte)3, f.Length);
            Assert.AreEqual(16L, f.TimestampMs);

            // Extended, 3 bytes, lower-case hex accepted.
            Assert.AreEqual(SlcanLineKind.Frame, Parse("T123456783aabbcc", out f, out v));
            Assert.AreEqual(0x12345678u, f.Id);
            Assert.AreEqual(0xCCBBAAUL, f.Data);
        }

        [TestMethod]
        public void Parse_should_name_the_first_problem_when_a_frame_line_is_bad()
        {
            Assert.AreEqual(SlcanLineKind.IdOutOfRange, Kind("t8000"), "0x800 is no 11-bit id");
            Assert.AreEqual(SlcanLineKind.IdOutOfRange, Kind("T200000000"), "0x20000000 is no 29-bit id");
            Assert.AreEqual(SlcanLineKind.BadHex, Kind("t12G0"), "G in id");
            Assert.AreEqual(SlcanLineKind.BadHex, Kind("t1231ZZ"), "ZZ as data");
            Assert.AreEqual(SlcanLineKind.BadHex, Kind("t1230EA6G"), "G in timestamp");
            Assert.AreEqual(SlcanLineKind.BadDlc, Kind("t1239"), "DLC 9 (CAN FD) is not classic CAN");
            Assert.AreEqual(SlcanLineKind.BadDlc, Kind("t123X"), "DLC not a digit");
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("t1232AA"), "DLC 2 but 1 byte");
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("t1231AA0"), "odd digit left over");
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("t1238DEADBEEF0102030405"), "9 bytes for DLC 8");
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("t12"), "header cut short");
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("r1232AABBCC"), "remote frames carry no data");
            Assert.AreEqual(SlcanLineKind.BadTimestamp, Kind("t1230EA60"), "60000 ms is past the minute");
        }

        [TestMethod]
        public void Parse_should_report_bad_hex_wherever_the_bad_digit_is()
        {
            // The parse finds a bad digit from the sign of what it went into, the payload's once for all its bytes: every
            // position must still count, and an id out of range still comes before a bad payload digit.
            string[] lines = { "t1238DEADBEEF01020304EA5F", "T1FFFFFFF8DEADBEEF01020304EA5F", "t7FF1FF", "T000000001FF0001" };
            byte[] bad = { (byte)'G', (byte)'g', (byte)'/', (byte)':', (byte)'@', 0x00, 0x80, 0xFF };
            foreach (string line in lines)
            {
                int dlcAt = line[0] == 't' ? 4 : 9;
                for (int at = 1; at < line.Length; at++)
                {
                    if (at == dlcAt)
                    {
                        continue;
                    }

                    foreach (byte b in bad)
                    {
                        byte[] bytes = SlcanTestSupport.Ascii(line);
                        bytes[at] = b;
                        CanFrame frame;
                        int value;
                        Assert.AreEqual(SlcanLineKind.BadHex, SlcanParser.Parse(bytes, 0, bytes.Length, out frame, out value), line + " with " + b.ToString() + " at " + at.ToString());
                    }
                }

                CanFrame good;
                int v;
                byte[] ok = SlcanTestSupport.Ascii(line);
                Assert.AreEqual(SlcanLineKind.Frame, SlcanParser.Parse(ok, 0, ok.Length, out good, out v), line);
            }

            Assert.AreEqual(SlcanLineKind.IdOutOfRange, Kind("t8002ZZ00"), "the id is checked before the payload");
            Assert.AreEqual(SlcanLineKind.BadHex, Kind("t7FF2ZZ00"), "then the payload");
        }

        [TestMethod]
        public void Parse_should_recognise_setup_commands_and_replies()
        {
            CanFrame f;
            int v;
            Assert.AreEqual(SlcanLineKind.Ok, Parse("", out f, out v));
            Assert.AreEqual(SlcanLineKind.Close, Parse("C", out f, out v));
            Assert.AreEqual(SlcanLineKind.OpenListenOnly, Parse("L", out f, out v));
            Assert.AreEqual(SlcanLineKind.OpenNormal, Parse("O", out f, out v));
            Assert.AreEqual(SlcanLineKind.SetBitrate, Parse("S6", out f, out v));
            Assert.AreEqual(6, v);
            Assert.AreEqual(SlcanLineKind.SetBitrate, Parse("S0", out f, out v));
            Assert.AreEqual(0, v);
            Assert.AreEqual(SlcanLineKind.SetTimestamps, Parse("Z1", out f, out v));
            Assert.AreEqual(1, v);
            Assert.AreEqual(SlcanLineKind.SetTimestamps, Parse("Z0", out f, out v));
            Assert.AreEqual(0, v);
            Assert.AreEqual(SlcanLineKind.TransmitAck, Parse("z", out f, out v));
            Assert.AreEqual(SlcanLineKind.TransmitAck, Parse("Z", out f, out v));
            Assert.AreEqual(SlcanLineKind.VersionQuery, Parse("V", out f, out v));
            Assert.AreEqual(SlcanLineKind.SerialQuery, Parse("N", out f, out v));
            Assert.AreEqual(SlcanLineKind.VersionReply, Parse("V1013", out f, out v));
            Assert.AreEqual(0x31303133, v, "'1','0','1','3' packed big-endian");
            Assert.AreEqual("1013", SlcanParser.UnpackChars(v));
            Assert.AreEqual(SlcanLineKind.SerialReply, Parse("NA123", out f, out v));
            Assert.AreEqual("A123", SlcanParser.UnpackChars(v));
        }

        [TestMethod]
        public void Parse_should_reject_bad_commands_by_kind()
        {
            Assert.AreEqual(SlcanLineKind.BadArgument, Kind("S9"), "S9 is not a Lawicel bit rate");
            Assert.AreEqual(SlcanLineKind.BadArgument, Kind("Z2"));
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("S"));
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("S10"));
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("Cx"));
            Assert.AreEqual(SlcanLineKind.LengthMismatch, Kind("V10"));
            Assert.AreEqual(SlcanLineKind.UnknownCommand, Kind("X"));
            Assert.AreEqual(SlcanLineKind.UnknownCommand, Kind("\u00FF␀"), "␀ = a NUL byte");
            Assert.IsTrue(SlcanParser.IsError(SlcanLineKind.UnknownCommand));
            Assert.IsFalse(SlcanParser.IsError(SlcanLineKind.Frame));
        }

        [TestMethod]
        public void Parse_should_read_the_line_at_an_offset_inside_a_larger_buffer()
        {
            byte[] bytes = SlcanTestSupport.Ascii("xxt1232ABCDyy");
            CanFrame f;
            int v;
            Assert.AreEqual(SlcanLineKind.Frame, SlcanParser.Parse(bytes, 2, 9, out f, out v));
            Assert.AreEqual(0x123u, f.Id);
            Assert.AreEqual(0xCDABUL, f.Data);
        }
    }
}
