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
    public class SlcanBridgeTests
    {
        [TestMethod]
        public void Open_should_send_close_bitrate_timestamps_listen_only_when_transmit_is_not_enabled()
        {
            var link = new ScriptedLink();
            var bridge = new SlcanBridge(link);
            Assert.IsTrue(bridge.Open(6, false));
            Assert.AreEqual("C\rS6\rZ0\rL\r", link.Written);
            Assert.IsTrue(bridge.IsOpen);
            Assert.IsTrue(bridge.IsListenOnly);
        }

        [TestMethod]
        public void Open_should_send_O_only_when_transmit_is_enabled()
        {
            var link = new ScriptedLink();
            var bridge = new SlcanBridge(link, 0, true);
            Assert.IsTrue(bridge.Open(4, true));
            Assert.AreEqual("C\rS4\rZ1\rO\r", link.Written);
            Assert.IsFalse(bridge.IsListenOnly);
        }

        [TestMethod]
        public void Open_should_refuse_normal_mode_and_bad_bitrate_codes_without_sending()
        {
            var link = new ScriptedLink();
            var bridge = new SlcanBridge(link);
            Assert.IsFalse(bridge.Open(6, false, false), "normal mode needs transmit enabled");
            Assert.IsFalse(bridge.Open(9, true, false), "S9 does not exist");
            Assert.IsFalse(bridge.Open(-1, true, false));
            Assert.AreEqual(0, link.WrittenCount);
            Assert.IsFalse(bridge.IsOpen);

            var transmitting = new SlcanBridge(link, 0, true);
            Assert.IsTrue(transmitting.Open(8, true, false), "transmit-enabled bridges may still listen only");
            Assert.AreEqual("C\rS8\rZ0\rL\r", link.Written);
        }

        [TestMethod]
        public void Send_should_refuse_and_count_unless_transmit_is_enabled_and_open_normal()
        {
            CanFrame frame = SlcanTestSupport.MakeFrame(0x123, false, false, 8, 0x04030201EFBEADDEUL);
            var link = new ScriptedLink();
            var listenOnly = new SlcanBridge(link);
            Assert.IsFalse(listenOnly.Send(frame), "not open");
            listenOnly.Open(6, false);
            int before = link.WrittenCount;
            Assert.IsFalse(listenOnly.Send(frame), "listen-only");
            Assert.AreEqual(before, link.WrittenCount, "nothing written");
            Assert.AreEqual(2, listenOnly.RefusedSends);

            var link2 = new ScriptedLink();
            var transmitting = new SlcanBridge(link2, 0, true);
            Assert.IsFalse(transmitting.Send(frame), "transmit enabled but not open");
            transmitting.Open(6, false, false);
            before = link2.WrittenCount;
            Assert.IsTrue(transmitting.Send(frame));
            Assert.AreEqual("t1238DEADBEEF01020304\r", link2.Written.Substring(before));
            Assert.IsFalse(transmitting.Send(SlcanTestSupport.MakeFrame(0x800, false, false, 0, 0)), "unencodable");
            Assert.AreEqual(1, transmitting.SentFrames);
            Assert.AreEqual(2, transmitting.RefusedSends);

            transmitting.Close();
            Assert.IsFalse(transmitting.Send(frame), "closed");
        }

        [TestMethod]
        public void Poll_should_deliver_frames_stamped_with_host_time_and_bus_and_keep_replies()
        {
            var link = new ScriptedLink();
            link.Queue("\r\r\r\rt12");          // OK replies to the set-up, then half a frame
            link.Queue("30\rT1FFFFFFF0ABCD\r"); // rest of it and an extended frame with bridge timestamp
            link.Queue("\u0007V1013\rNA123\rx\r");
            var bridge = new SlcanBridge(link, 3, false);
            var sink = new FrameList();
            Assert.AreEqual(2, bridge.Poll(1700000000123L, sink));
            Assert.AreEqual(2, sink.Count);
            Assert.AreEqual(0x123u, sink[0].Id);
            Assert.AreEqual((byte)3, sink[0].Bus);
            Assert.AreEqual(1700000000123L, sink[0].TimestampMs);
            Assert.AreEqual(0x1FFFFFFFu, sink[1].Id);
            Assert.AreEqual(1700000000123L, sink[1].TimestampMs, "host time replaces the bridge's 60 s stamp");
            Assert.AreEqual(0xABCDL, bridge.LastBridgeTimestampMs, "the bridge's stamp stays readable");
            Assert.AreEqual("1013", SlcanParser.UnpackChars(bridge.Version));
            Assert.AreEqual("A123", SlcanParser.UnpackChars(bridge.SerialNumber));
            Assert.AreEqual(4, bridge.Receiver.Counters.Of(SlcanLineKind.Ok));
            Assert.AreEqual(1, bridge.Receiver.Counters.BridgeErrors);
            Assert.AreEqual(1, bridge.Receiver.Counters.Of(SlcanLineKind.UnknownCommand));
            Assert.AreEqual(1700000000123L, bridge.LastFrameMs);
            Assert.AreEqual(0, bridge.Poll(1700000000200L, sink), "link drained");
        }

        [TestMethod]
        public void Poll_should_read_at_most_MaxBytesPerPoll_per_call()
        {
            var link = new ScriptedLink();
            byte[] flood = new byte[SlcanBridge.MaxBytesPerPoll + 600];
            int n = 0;
            while (n + 6 <= flood.Length)
            {
                n += SlcanEncoder.EncodeFrame(SlcanTestSupport.MakeFrame(0x100, false, false, 0, 0), -1, flood, n);
            }

            byte[] exact = new byte[n];
            System.Array.Copy(flood, exact, n);
            link.QueueBytes(exact);
            var bridge = new SlcanBridge(link);
            int first = bridge.Poll(0, null);
            Assert.AreEqual(SlcanBridge.MaxBytesPerPoll, bridge.Receiver.Counters.Bytes);
            Assert.AreEqual(SlcanBridge.MaxBytesPerPoll / 6, first, "6-byte lines t1000\\r");
            int second = bridge.Poll(1, null);
            Assert.AreEqual(n / 6, first + second);
        }

        [TestMethod]
        public void IsSilent_should_follow_the_last_frame_or_the_first_poll()
        {
            var link = new ScriptedLink();
            var bridge = new SlcanBridge(link);
            Assert.IsTrue(bridge.IsSilent(0, 1000), "never polled");
            bridge.Open(6, false);
            bridge.Poll(10000, null);
            Assert.IsFalse(bridge.IsSilent(11000, 1000), "1000 ms is not more than 1000");
            Assert.IsTrue(bridge.IsSilent(11001, 1000));

            link.Queue("t1230\r");
            bridge.Poll(12000, null);
            Assert.AreEqual(12000L, bridge.LastFrameMs);
            Assert.IsFalse(bridge.IsSilent(12500, 1000));
            Assert.IsTrue(bridge.IsSilent(13001, 1000));

            // Re-opening restarts the clock from the next poll, not from the old frame.
            bridge.Open(6, false);
            bridge.Poll(20000, null);
            Assert.IsFalse(bridge.IsSilent(20900, 1000));
        }

        [TestMethod]
        public void Queries_should_send_V_and_N()
        {
            var link = new ScriptedLink();
            var bridge = new SlcanBridge(link);
            bridge.QueryVersion();
            bridge.QuerySerialNumber();
            bridge.Close();
            Assert.AreEqual("V\rN\rC\r", link.Written);
        }
    }
}
