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
    public class SlcanLineAssemblerTests
    {
        private static SlcanLineAssembler FeedAll(string ascii, FrameList sink)
        {
            var assembler = new SlcanLineAssembler();
            byte[] bytes = SlcanTestSupport.Ascii(ascii);
            assembler.Feed(bytes, 0, bytes.Length, sink);
            return assembler;
        }

        [TestMethod]
        public void Next_should_report_each_line_in_order_when_fed_one_chunk()
        {
            var assembler = new SlcanLineAssembler();
            byte[] bytes = SlcanTestSupport.Ascii("\rt1230\r\u0007V1013\rS6\r");
            int offset = 0;
            Assert.AreEqual(SlcanLineKind.Ok, assembler.Next(bytes, ref offset, bytes.Length));
            Assert.AreEqual(1, offset);
            Assert.AreEqual(SlcanLineKind.Frame, assembler.Next(bytes, ref offset, bytes.Length));
            Assert.AreEqual(0x123u, assembler.Frame.Id);
            Assert.AreEqual(7, offset);
            Assert.AreEqual(5, assembler.LineLength);
            Assert.AreEqual("t1230", SlcanTestSupport.AsciiOf(assembler.LineBuffer, 0, assembler.LineLength));
            Assert.AreEqual(SlcanLineKind.ErrorReply, assembler.Next(bytes, ref offset, bytes.Length));
            Assert.AreEqual(SlcanLineKind.VersionReply, assembler.Next(bytes, ref offset, bytes.Length));
            Assert.AreEqual("1013", SlcanParser.UnpackChars(assembler.Value));
            Assert.AreEqual(SlcanLineKind.SetBitrate, assembler.Next(bytes, ref offset, bytes.Length));
            Assert.AreEqual(6, assembler.Value);
            Assert.AreEqual(SlcanLineKind.None, assembler.Next(bytes, ref offset, bytes.Length));
            Assert.AreEqual(bytes.Length, offset);
            Assert.AreEqual(bytes.Length, assembler.Counters.Bytes);
            Assert.AreEqual(1, assembler.Counters.Frames);
            Assert.AreEqual(1, assembler.Counters.BridgeErrors);
            Assert.AreEqual(1, assembler.Counters.Of(SlcanLineKind.Ok));
            Assert.AreEqual(0, assembler.Counters.ParseErrors);
        }

        [TestMethod]
        public void Feed_should_give_the_same_frames_when_bytes_come_one_at_a_time_or_in_random_chunks()
        {
            // 300 random frames, some with timestamps, between CRLF and OK replies.
            var prng = new Prng(7);
            byte[] stream = new byte[300 * 40];
            CanFrame[] sent = new CanFrame[300];
            int length = 0;
            for (int i = 0; i < sent.Length; i++)
            {
                sent[i] = SlcanEncoderTests.RandomFrame(prng);
                length += SlcanEncoder.EncodeFrame(sent[i], i % 2 == 0 ? -1 : i, stream, length);
                if (i % 10 == 0)
                {
                    stream[length++] = 0x0A;
                }

                if (i % 7 == 0)
                {
                    stream[length++] = SlcanEncoder.Cr;
                }
            }

            for (int mode = 0; mode < 2; mode++)
            {
                var assembler = new SlcanLineAssembler();
                var sink = new FrameList();
                int pos = 0;
                while (pos < length)
                {
                    int chunk = mode == 0 ? 1 : prng.Next(1, 41);
                    if (pos + chunk > length)
                    {
                        chunk = length - pos;
                    }

                    assembler.Feed(stream, pos, chunk, sink);
                    pos += chunk;
                }

                string what = mode == 0 ? "1-byte chunks" : "random chunks";
                Assert.AreEqual(sent.Length, sink.Count, what);
                for (int i = 0; i < sent.Length; i++)
                {
                    SlcanTestSupport.AssertSameFrame(sent[i], sink[i], what + " frame " + i.ToString());
                    Assert.AreEqual(i % 2 == 0 ? -1L : (long)i, sink[i].TimestampMs, what + " timestamp " + i.ToString());
                }

                // 300/7 rounded up = 43 OK replies (i = 0, 7, ..., 294); the 30 lone \n are ignored.
                Assert.AreEqual(43, assembler.Counters.Of(SlcanLineKind.Ok), what);
                Assert.AreEqual(0, assembler.Counters.ParseErrors, what);
                Assert.AreEqual(length, assembler.Counters.Bytes, what);
                Assert.AreEqual(0, assembler.PendingBytes, what);
            }
        }

        [TestMethod]
        public void Next_should_give_the_same_events_in_one_chunk_as_byte_by_byte_when_lines_defeat_the_dlc_shortcut()
        {
            // Whole frames at the start of a chunk skip the byte scan (their CR is where the DLC puts it); byte by byte
            // never takes that path. Lines whose DLC points elsewhere must still come out as the scan finds them.
            string input =
                "t1232AABB\r" +            // good
                "t1232AABB0001\r" +        // good, with timestamp
                "t1234AA\rBBCCDD\r" +      // CR before the DLC's end: two bad lines
                "t1232AA\u0007BB\r" +      // BEL inside
                "t1239AABB\r" +            // bad DLC
                "t123:AABB\r" +            // DLC not a digit
                "t1232AABBCC\rt1230\r" +   // longer than the DLC says, then a good empty frame
                "T1FFFFFFF1AA\r" +         // good extended
                "t1232AABB\n" +            // LF-terminated
                "t12";                     // left pending
            byte[] bytes = SlcanTestSupport.Ascii(input);
            var whole = new SlcanLineAssembler();
            var single = new SlcanLineAssembler();
            int offset = 0;
            int events = 0;
            for (int at = 0; at < bytes.Length; at++)
            {
                int one = at;
                SlcanLineKind kind;
                while ((kind = single.Next(bytes, ref one, at + 1)) != SlcanLineKind.None)
                {
                    Assert.AreEqual(kind, whole.Next(bytes, ref offset, bytes.Length), "event " + events.ToString());
                    Assert.AreEqual(single.LineLength, whole.LineLength, "line length, event " + events.ToString());
                    if (kind == SlcanLineKind.Frame)
                    {
                        SlcanTestSupport.AssertSameFrame(single.Frame, whole.Frame, "event " + events.ToString());
                        Assert.AreEqual(single.Frame.TimestampMs, whole.Frame.TimestampMs, "timestamp, event " + events.ToString());
                    }

                    events++;
                }
            }

            Assert.AreEqual(SlcanLineKind.None, whole.Next(bytes, ref offset, bytes.Length));
            Assert.AreEqual(12, events);
            Assert.AreEqual(5, whole.Counters.Frames);
            Assert.AreEqual(single.Counters.ParseErrors, whole.Counters.ParseErrors);
            Assert.AreEqual(single.Counters.Bytes, whole.Counters.Bytes);
            Assert.AreEqual(3, whole.PendingBytes);
        }

        [TestMethod]
        public void Feed_should_count_every_bad_line_once_and_keep_decoding_the_good_ones()
        {
            var sink = new FrameList();
            string input =
                "t1230\r" +                // good
                "t8000\r" +                // id out of range
                "T200000000\r" +           // id out of range
                "t12G0\r" +                // bad hex
                "t1239\r" +                // bad DLC
                "t1232AA\r" +              // DLC/payload mismatch
                "t1230EA60\r" +            // timestamp too big
                "S9\r" +                   // bad argument
                "␀\u00FF\u0080\r" +        // garbage (␀ = a NUL byte): unknown command
                "t12\u0007" +              // partial line cut by BEL: truncated + bridge error
                "T1FFFFFFF0\r";            // good
            var assembler = FeedAll(input, sink);
            SlcanCounters c = assembler.Counters;
            Assert.AreEqual(2, sink.Count);
            Assert.AreEqual(2, c.Frames);
            Assert.AreEqual(2, c.Of(SlcanLineKind.IdOutOfRange));
            Assert.AreEqual(1, c.Of(SlcanLineKind.BadHex));
            Assert.AreEqual(1, c.Of(SlcanLineKind.BadDlc));
            Assert.AreEqual(1, c.Of(SlcanLineKind.LengthMismatch));
            Assert.AreEqual(1, c.Of(SlcanLineKind.BadTimestamp));
            Assert.AreEqual(1, c.Of(SlcanLineKind.BadArgument));
            Assert.AreEqual(1, c.Of(SlcanLineKind.UnknownCommand));
            Assert.AreEqual(1, c.Of(SlcanLineKind.Truncated));
            Assert.AreEqual(1, c.BridgeErrors);
            Assert.AreEqual(0, c.Overflows);
            Assert.AreEqual(9, c.ParseErrors);
            Assert.AreEqual(0x1FFFFFFFu, sink[1].Id);
        }

        [TestMethod]
        public void Feed_should_count_an_overlong_line_once_and_discard_it_up_to_the_terminator()
        {
            var sink = new FrameList();

            // 31 characters (one more than the longest valid line), then a 60-character run, each ending in \r.
            string overlong31 = "t1238DEADBEEF0102030400001";
            overlong31 += "23456";
            string overlong60 = overlong31 + overlong31.Substring(0, 29);
            var assembler = FeedAll(overlong31 + "\r" + "r1230\r" + overlong60 + "\r\nt1230\r", sink);
            Assert.AreEqual(31, overlong31.Length);
            Assert.AreEqual(2, assembler.Counters.Overflows);
            Assert.AreEqual(2, assembler.Counters.ParseErrors);
            Assert.AreEqual(2, sink.Count);
            Assert.IsTrue(sink[0].IsRemote);
            Assert.IsFalse(sink[1].IsRemote);

            // Exactly 30 characters is still a line (the longest valid one).
            sink = new FrameList();
            assembler = FeedAll("T1ABCDEF0811223344556677881234\r", sink);
            Assert.AreEqual(0, assembler.Counters.Overflows);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual(0x1234L, sink[0].TimestampMs);
        }

        [TestMethod]
        public void Feed_should_end_an_overflow_at_BEL_and_count_the_bridge_error()
        {
            var sink = new FrameList();
            var assembler = FeedAll("0123456789012345678901234567890123456789\u0007t1230\r", sink);
            Assert.AreEqual(1, assembler.Counters.Overflows);
            Assert.AreEqual(1, assembler.Counters.BridgeErrors);
            Assert.AreEqual(0, assembler.Counters.Of(SlcanLineKind.Truncated), "the overflow already counted that line");
            Assert.AreEqual(1, sink.Count);
        }

        [TestMethod]
        public void Feed_should_keep_a_partial_line_for_the_next_chunk_and_Reset_should_drop_it()
        {
            var sink = new FrameList();
            var assembler = FeedAll("t1238DEAD", sink);
            Assert.AreEqual(0, sink.Count);
            Assert.AreEqual(9, assembler.PendingBytes);
            byte[] rest = SlcanTestSupport.Ascii("BEEF01020304\r");
            assembler.Feed(rest, 0, rest.Length, sink);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual(0x04030201EFBEADDEUL, sink[0].Data);

            assembler.Feed(rest, 0, 4, sink);
            Assert.IsTrue(assembler.Reset());
            Assert.AreEqual(1, assembler.Counters.Of(SlcanLineKind.Truncated));
            Assert.IsFalse(assembler.Reset(), "nothing left to drop");
        }

        [TestMethod]
        public void Feed_should_accept_lf_terminated_lines_and_ignore_the_lf_of_crlf()
        {
            var sink = new FrameList();
            var assembler = FeedAll("t1230\nt1231AA\r\n\r\n", sink);
            Assert.AreEqual(2, sink.Count);
            Assert.AreEqual(1, assembler.Counters.Of(SlcanLineKind.Ok), "only the bare \\r is an OK reply");
            Assert.AreEqual(0, assembler.Counters.ParseErrors);
        }

        [TestMethod]
        public void Constructor_should_refuse_a_buffer_shorter_than_the_longest_line()
        {
            Check.Throws(typeof(System.ArgumentOutOfRangeException), () => new SlcanLineAssembler(29), "capacity 29");
        }
    }
}
