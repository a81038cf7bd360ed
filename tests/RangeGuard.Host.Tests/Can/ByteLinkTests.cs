using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Can.Slcan;
using RangeGuard.Host.Can;

namespace RangeGuard.Host.Tests.Can
{
    /// <summary>The host byte links carrying a real SLCAN session.</summary>
    [TestClass]
    public class ByteLinkTests
    {
        private static string ReadAscii(RangeGuard.Ports.IByteLink link, int expected, int timeoutMs = 5000)
        {
            var text = new StringBuilder();
            var buffer = new byte[64];
            var clock = Stopwatch.StartNew();
            while (text.Length < expected && clock.ElapsedMilliseconds < timeoutMs)
            {
                int n = link.Read(buffer, 0, buffer.Length);
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            return text.ToString();
        }

        private static void WriteAscii(RangeGuard.Ports.IByteLink link, string s)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(s);
            link.Write(bytes, 0, bytes.Length);
        }

        /// <summary>socat -d -d prints "N PTY is /dev/pts/X" once per end.</summary>
        internal static string[] ReadSocatPtys(Process socat)
        {
            string[] ptys = new string[2];
            for (int found = 0; found < 2;)
            {
                string? line = socat.StandardError.ReadLine();
                Assert.IsNotNull(line, "socat ended before naming its ptys");
                Match m = Regex.Match(line, @"PTY is (\S+)");
                if (m.Success)
                {
                    ptys[found++] = m.Groups[1].Value;
                }
            }

            return ptys;
        }

        [TestMethod]
        public void Pipe_pair_should_carry_a_listen_only_session_both_ways()
        {
            var (agentEnd, bridgeEnd) = PipeByteLink.CreatePair();
            var bridge = new SlcanBridge(agentEnd, 1, false);
            Assert.IsTrue(bridge.Open(SlcanEncoder.BitrateCode(500000), false));
            Assert.AreEqual("C\rS6\rZ0\rL\r", ReadAscii(bridgeEnd, 10));
            Assert.AreEqual(0, bridgeEnd.Available);

            WriteAscii(bridgeEnd, "\r\r\r\rt59480000000000000000\rT18DAF1108");
            WriteAscii(bridgeEnd, "0102030405060708\r");
            var ring = new CanFrameRing(8);
            Assert.AreEqual(2, bridge.Poll(5000, ring));
            Assert.IsTrue(ring.TryTake(out CanFrame f));
            Assert.AreEqual(0x594u, f.Id);
            Assert.AreEqual((byte)1, f.Bus);
            Assert.IsTrue(ring.TryTake(out f));
            Assert.AreEqual(0x18DAF110u, f.Id);
            Assert.AreEqual(0x0807060504030201UL, f.Data);
            Assert.AreEqual(4, bridge.Receiver.Counters.Of(SlcanLineKind.Ok));
            Assert.IsFalse(bridge.Send(f), "listen-only bridge never transmits");
            Assert.AreEqual(0, bridgeEnd.Available);
        }

        [TestMethod]
        public void Tcp_link_from_factory_should_exchange_bytes_and_notice_the_peer_closing()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using IHostByteLink link = ByteLinkFactory.Open($"tcp://127.0.0.1:{port}");
            Assert.AreEqual($"tcp://127.0.0.1:{port}", link.Description);
            using Socket peer = listener.AcceptSocket();
            using var peerLink = new TcpByteLink(peer);

            WriteAscii(link, "V\r");
            Assert.AreEqual("V\r", ReadAscii(peerLink, 2));
            WriteAscii(peerLink, "V1013\r");
            var bridge = new SlcanBridge(link);
            for (var clock = Stopwatch.StartNew(); bridge.Version == 0 && clock.ElapsedMilliseconds < 5000;)
            {
                bridge.Poll(0, null);
            }

            Assert.AreEqual("1013", SlcanParser.UnpackChars(bridge.Version));

            peer.Shutdown(SocketShutdown.Both);
            var tcp = (TcpByteLink)link;
            var buffer = new byte[16];
            for (var clock = Stopwatch.StartNew(); tcp.IsConnected && clock.ElapsedMilliseconds < 5000;)
            {
                Assert.AreEqual(0, tcp.Read(buffer, 0, buffer.Length));
            }

            Assert.IsFalse(tcp.IsConnected);
            Assert.AreEqual("closed by peer", tcp.DisconnectReason);
            Assert.AreEqual(0, tcp.Read(buffer, 0, buffer.Length), "reads after close return 0");
        }

        [TestMethod]
        public void Tcp_connect_should_fail_clearly_when_nothing_listens()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var ex = Assert.ThrowsExactly<ByteLinkOpenException>(() => ByteLinkFactory.Open($"tcp://127.0.0.1:{port}"));
            Assert.AreEqual($"tcp://127.0.0.1:{port}", ex.Address);
            Assert.AreEqual($"connection refused: nothing listens on port {port} of 127.0.0.1 (is the bridge, ser2net or socat running?)", ex.Reason);
            Assert.AreEqual($"tcp://127.0.0.1:{port}: {ex.Reason}", ex.Message);
        }

        [TestMethod]
        public void Serial_links_on_a_socat_pty_pair_should_carry_slcan_lines()
        {
            ExternalTool.RequireSocat("make the pair of pseudo-terminals the two serial links talk over");
            using var socat = Process.Start(new ProcessStartInfo("socat", "-d -d pty,raw,echo=0 pty,raw,echo=0")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            try
            {
                string[] ptys = ReadSocatPtys(socat);

                using IHostByteLink agent = ByteLinkFactory.Open($"serial:{ptys[0]}@115200");
                using var bridgeSide = new SerialByteLink(ptys[1]);
                var bridge = new SlcanBridge(agent);
                bridge.Open(6, true);
                Assert.AreEqual("C\rS6\rZ1\rL\r", ReadAscii(bridgeSide, 10));

                WriteAscii(bridgeSide, "t1238DEADBEEF01020304EA5F\r");
                var ring = new CanFrameRing(4);
                for (var clock = Stopwatch.StartNew(); ring.Count == 0 && clock.ElapsedMilliseconds < 5000;)
                {
                    bridge.Poll(42, ring);
                }

                Assert.IsTrue(ring.TryTake(out CanFrame f));
                Assert.AreEqual(0x123u, f.Id);
                Assert.AreEqual(0x04030201EFBEADDEUL, f.Data);
                Assert.AreEqual(42L, f.TimestampMs);
            }
            finally
            {
                if (!socat.HasExited)
                {
                    socat.Kill(true);
                }

                socat.WaitForExit(5000);
            }
        }
    }
}
