#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;
using RangeGuard.Can.Slcan;
using RangeGuard.Common;

namespace RangeGuard.Tests.Can
{
    [TestClass]
    public class SlcanEncoderTests
    {
        private static string Encode(CanFrame frame, int timestampMs)
        {
            byte[] buffer = new byte[SlcanEncoder.MaxEncodedLength];
            int n = SlcanEncoder.EncodeFrame(frame, timestampMs, buffer, 0);
            return SlcanTestSupport.AsciiOf(buffer, 0, n);
        }

        private static string Line(SlcanLineKind kind, int value)
        {
            byte[] buffer = new byte[8];
            int n = SlcanEncoder.EncodeLine(kind, value, buffer, 0);
            return SlcanTestSupport.AsciiOf(buffer, 0, n);
        }

        [TestMethod]
        public void EncodeFrame_should_write_the_golden_lines_when_given_the_golden_frames()
        {
            Assert.AreEqual("t1238DEADBEEF01020304\r", Encode(SlcanTestSupport.MakeFrame(0x123, false, false, 8, 0x04030201EFBEADDEUL), -1));
            Assert.AreEqual("T1FFFFFFF0\r", Encode(SlcanTestSupport.MakeFrame(0x1FFFFFFF, true, false, 0, 0), -1));
            Assert.AreEqual("r1230\r", Encode(SlcanTestSupport.MakeFrame(0x123, false, true, 0, 0), -1));
            Assert.AreEqual("R000000015\r", Encode(SlcanTestSupport.MakeFrame(1, true, true, 5, 0xFFFF), -1), "remote: data ignored");
            Assert.AreEqual("t0002112204D2\r", Encode(SlcanTestSupport.MakeFrame(0, false, false, 2, 0xFFFF2211UL), 1234), "bytes past Length ignored");
            Assert.AreEqual("t7FF0EA5F\r", Encode(SlcanTestSupport.MakeFrame(0x7FF, false, false, 0, 0), 59999));
        }

        [TestMethod]
        public void EncodeFrame_should_return_0_when_the_frame_or_buffer_is_invalid()
        {
            byte[] buffer = new byte[SlcanEncoder.MaxEncodedLength];
            Assert.AreEqual(0, SlcanEncoder.EncodeFrame(SlcanTestSupport.MakeFrame(0x800, false, false, 0, 0), -1, buffer, 0), "11-bit id too big");
            Assert.AreEqual(0, SlcanEncoder.EncodeFrame(SlcanTestSupport.MakeFrame(0x20000000, true, false, 0, 0), -1, buffer, 0), "29-bit id too big");
            Assert.AreEqual(0, SlcanEncoder.EncodeFrame(SlcanTestSupport.MakeFrame(1, false, false, 9, 0), -1, buffer, 0), "length 9");
            Assert.AreEqual(0, SlcanEncoder.EncodeFrame(SlcanTestSupport.MakeFrame(1, false, false, 0, 0), 60000, buffer, 0), "timestamp 60000");

            // The longest line (T, 8 bytes, timestamp) is 31 bytes with its \r: one byte less does not fit.
            CanFrame longest = SlcanTestSupport.MakeFrame(0x1ABCDEF0, true, false, 8, 0x8877665544332211UL);
            Assert.AreEqual(31, SlcanEncoder.EncodeFrame(longest, 100, buffer, 0));
            Assert.AreEqual(0, SlcanEncoder.EncodeFrame(longest, 100, buffer, 1));
        }

        [TestMethod]
        public void EncodeLine_should_write_setup_commands_and_replies()
        {
            Assert.AreEqual("C\r", Line(SlcanLineKind.Close, 0));
            Assert.AreEqual("S0\r", Line(SlcanLineKind.SetBitrate, 0));
            Assert.AreEqual("S6\r", Line(SlcanLineKind.SetBitrate, 6));
            Assert.AreEqual("S8\r", Line(SlcanLineKind.SetBitrate, 8));
            Assert.AreEqual("", Line(SlcanLineKind.SetBitrate, 9));
            Assert.AreEqual("L\r", Line(SlcanLineKind.OpenListenOnly, 0));
            Assert.AreEqual("O\r", Line(SlcanLineKind.OpenNormal, 0));
            Assert.AreEqual("Z0\r", Line(SlcanLineKind.SetTimestamps, 0));
            Assert.AreEqual("Z1\r", Line(SlcanLineKind.SetTimestamps, 1));
            Assert.AreEqual("V\r", Line(SlcanLineKind.VersionQuery, 0));
            Assert.AreEqual("N\r", Line(SlcanLineKind.SerialQuery, 0));
            Assert.AreEqual("\r", Line(SlcanLineKind.Ok, 0));
            Assert.AreEqual("\u0007", Line(SlcanLineKind.ErrorReply, 0));
            Assert.AreEqual("z\r", Line(SlcanLineKind.TransmitAck, 0));
            Assert.AreEqual("Z\r", Line(SlcanLineKind.TransmitAck, 1));
            Assert.AreEqual("V1013\r", Line(SlcanLineKind.VersionReply, SlcanParser.PackChars((byte)'1', (byte)'0', (byte)'1', (byte)'3')));
            Assert.AreEqual("NA123\r", Line(SlcanLineKind.SerialReply, 0x41313233));
            Assert.AreEqual("", Line(SlcanLineKind.Frame, 0), "frames go through EncodeFrame");
        }

        [TestMethod]
        public void BitrateCode_should_follow_the_Lawicel_table()
        {
            Assert.AreEqual(0, SlcanEncoder.BitrateCode(10000));
            Assert.AreEqual(4, SlcanEncoder.BitrateCode(125000));
            Assert.AreEqual(6, SlcanEncoder.BitrateCode(500000));
            Assert.AreEqual(7, SlcanEncoder.BitrateCode(800000));
            Assert.AreEqual(8, SlcanEncoder.BitrateCode(1000000));
            Assert.AreEqual(-1, SlcanEncoder.BitrateCode(83300));
            Assert.AreEqual(250000, SlcanEncoder.BitrateOfCode(5));
            Assert.AreEqual(-1, SlcanEncoder.BitrateOfCode(9));
        }

        [TestMethod]
        public void Encode_then_parse_should_give_the_same_frame_for_5000_random_frames()
        {
            var prng = new Prng(20261123);
            byte[] buffer = new byte[SlcanEncoder.MaxEncodedLength];
            for (int i = 0; i < 5000; i++)
            {
                CanFrame f = RandomFrame(prng);
                int timestamp = prng.Next(0, 3) == 0 ? -1 : prng.Next(0, SlcanParser.MaxTimestampMs + 1);
                int n = SlcanEncoder.EncodeFrame(f, timestamp, buffer, 0);
                Assert.IsTrue(n > 0, "encoded " + i.ToString());
                Assert.AreEqual(SlcanEncoder.Cr, buffer[n - 1]);

                CanFrame back;
                int value;
                Assert.AreEqual(SlcanLineKind.Frame, SlcanParser.Parse(buffer, 0, n - 1, out back, out value), "frame " + i.ToString());
                SlcanTestSupport.AssertSameFrame(f, back, "frame " + i.ToString());
                Assert.AreEqual((long)timestamp, back.TimestampMs, "timestamp " + i.ToString());
            }
        }

        /// <summary>A valid random frame: data only in the first Length bytes, none for remote frames.</summary>
        internal static CanFrame RandomFrame(Prng prng)
        {
            bool extended = prng.Next(0, 2) == 1;
            bool remote = prng.Next(0, 5) == 0;
            uint id = prng.NextUInt() & (extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId);
            byte length = (byte)prng.Next(0, 9);
            ulong data = 0;
            if (!remote)
            {
                for (int b = 0; b < length; b++)
                {
                    data |= (ulong)(prng.NextUInt() & 0xFF) << (8 * b);
                }
            }

            return SlcanTestSupport.MakeFrame(id, extended, remote, length, data);
        }
    }
}
