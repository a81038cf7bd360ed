using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Can.Slcan;
using RangeGuard.Host.Can;

namespace RangeGuard.Host.Tests.Can
{
    /// <summary>
    /// Interop with an independent SLCAN implementation: python-can's <c>slcan</c> interface (Debian python3-can)
    /// connects over <c>socket://</c> to a TCP listener of ours. python-can plays the host side: it sends C, S6, O and
    /// frames, which our parser decodes (we answer like a bridge); then we encode frames and version/serial replies
    /// and python-can decodes and prints them.
    /// </summary>
    [TestClass]
    public class PythonCanInteropTests
    {
        private const int DeadlineMs = 20000;

        // Frames python-can sends: DLC 0..8 standard, an extended one, a standard and an extended remote frame.
        private const string Script = """
            import sys, can
            channel, mode = sys.argv[1], sys.argv[2]
            bus = can.Bus(interface='slcan', channel=channel, bitrate=500000, sleep_after_open=0)
            msgs = [can.Message(arbitration_id=0x100 + d, is_extended_id=False, data=bytes(0xA0 + k for k in range(d))) for d in range(9)]
            msgs.append(can.Message(arbitration_id=0x1ABCDEF0, is_extended_id=True, data=[0xDE, 0xAD, 0xBE, 0xEF]))
            msgs.append(can.Message(arbitration_id=0x7FF, is_extended_id=False, is_remote_frame=True, dlc=8))
            msgs.append(can.Message(arbitration_id=0x1FFFFFFF, is_extended_id=True, is_remote_frame=True, dlc=2))
            for m in msgs:
                bus.send(m)
            if mode == 'both':
                for i in range(int(sys.argv[3])):
                    m = bus.recv(5.0)
                    if m is None:
                        print('RX timeout', flush=True)
                        break
                    print('RX %X %d %d %d %s' % (m.arbitration_id, m.is_extended_id, m.is_remote_frame, m.dlc, m.data.hex().upper()), flush=True)
                print('VERSION %s %s' % bus.get_version(5.0), flush=True)
                print('SERIAL %s' % bus.get_serial_number(5.0), flush=True)
            bus.shutdown()
            """;

        private static readonly CanFrame[] ToPython =
        {
            Frame(0x123, false, false, 8, 0x04030201EFBEADDEUL),
            Frame(0x000, false, false, 0, 0),
            Frame(0x12345678, true, false, 3, 0xCCBBAA),
            Frame(0x456, false, true, 4, 0),
            Frame(0x00000001, true, true, 0, 0),
        };

        private static readonly string[] ExpectedPythonOutput =
        {
            "RX 123 0 0 8 DEADBEEF01020304",
            "RX 0 0 0 0 ",
            "RX 12345678 1 0 3 AABBCC",
            "RX 456 0 1 4 ",
            "RX 1 1 1 0 ",
            "VERSION 10 13",
            "SERIAL A123",
        };

        private static CanFrame Frame(uint id, bool ext, bool remote, byte len, ulong data) =>
            new() { Id = id, IsExtended = ext, IsRemote = remote, Length = len, Data = data, TimestampMs = -1 };

        private static void AssertPythonFrames(IReadOnlyList<CanFrame> got)
        {
            Assert.AreEqual(12, got.Count, "frames decoded from python-can");
            for (int d = 0; d <= 8; d++)
            {
                ulong data = 0;
                for (int k = 0; k < d; k++)
                {
                    data |= (ulong)(0xA0 + k) << (8 * k);
                }

                Assert.AreEqual(0x100u + (uint)d, got[d].Id, $"DLC {d} id");
                Assert.AreEqual((byte)d, got[d].Length, $"DLC {d}");
                Assert.AreEqual(data, got[d].Data, $"DLC {d} data");
                Assert.IsFalse(got[d].IsExtended || got[d].IsRemote);
            }

            Assert.AreEqual(0x1ABCDEF0u, got[9].Id);
            Assert.IsTrue(got[9].IsExtended);
            Assert.AreEqual(0xEFBEADDEUL, got[9].Data);
            Assert.AreEqual(0x7FFu, got[10].Id);
            Assert.IsTrue(got[10].IsRemote && !got[10].IsExtended);
            Assert.AreEqual((byte)8, got[10].Length);
            Assert.AreEqual(0x1FFFFFFFu, got[11].Id);
            Assert.IsTrue(got[11].IsRemote && got[11].IsExtended);
            Assert.AreEqual((byte)2, got[11].Length);
        }

        /// <summary>Starts python-can against a fresh listener and returns our end of the connection.</summary>
        private static (Process Python, Task<string> Stdout, Task<string> Stderr, TcpByteLink Link) StartPython(params string[] args)
        {
            ExternalTool.RequirePythonCan("exchange SLCAN frames with python-can's slcan interface over TCP");
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var psi = new ProcessStartInfo(ExternalTool.Python)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(Script);
                psi.ArgumentList.Add("socket://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (string a in args)
                {
                    psi.ArgumentList.Add(a);
                }

                var python = Process.Start(psi)!;
                Task<string> stdout = python.StandardOutput.ReadToEndAsync();
                Task<string> stderr = python.StandardError.ReadToEndAsync();
                Task<Socket> accept = listener.AcceptSocketAsync();
                if (!accept.Wait(DeadlineMs))
                {
                    Kill(python);
                    Assert.Fail($"python-can did not connect within {DeadlineMs} ms: {stderr.Result}");
                }

                return (python, stdout, stderr, new TcpByteLink(accept.Result, 20, "python-can"));
            }
            finally
            {
                listener.Stop();
            }
        }

        private static void Kill(Process p)
        {
            if (!p.HasExited)
            {
                p.Kill(true);
            }

            p.WaitForExit(5000);
        }

        [TestMethod]
        public void Parser_should_decode_python_can_frames_and_python_can_should_decode_ours()
        {
            var (python, stdout, stderr, link) = StartPython("both", ToPython.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using (link)
            using (python)
            {
                try
                {
                    var assembler = new SlcanLineAssembler();
                    var frames = new List<CanFrame>();
                    var rx = new byte[256];
                    var tx = new byte[SlcanEncoder.MaxEncodedLength];
                    bool sentOurs = false;
                    var clock = Stopwatch.StartNew();

                    void Reply(SlcanLineKind kind, int value) => link.Write(tx, 0, SlcanEncoder.EncodeLine(kind, value, tx, 0));

                    while (link.IsConnected && clock.ElapsedMilliseconds < DeadlineMs)
                    {
                        int n = link.Read(rx, 0, rx.Length);
                        int offset = 0;
                        SlcanLineKind kind;
                        while ((kind = assembler.Next(rx, ref offset, n)) != SlcanLineKind.None)
                        {
                            switch (kind)
                            {
                                case SlcanLineKind.Frame:
                                    frames.Add(assembler.Frame);
                                    break;
                                case SlcanLineKind.VersionQuery:
                                    Reply(SlcanLineKind.VersionReply, SlcanParser.PackChars((byte)'1', (byte)'0', (byte)'1', (byte)'3'));
                                    break;
                                case SlcanLineKind.SerialQuery:
                                    Reply(SlcanLineKind.SerialReply, SlcanParser.PackChars((byte)'A', (byte)'1', (byte)'2', (byte)'3'));
                                    break;
                                default:
                                    // Like a bridge: OK to every set-up command.
                                    Reply(SlcanParser.IsError(kind) ? SlcanLineKind.ErrorReply : SlcanLineKind.Ok, 0);
                                    break;
                            }
                        }

                        if (!sentOurs && frames.Count == 12)
                        {
                            sentOurs = true;
                            for (int i = 0; i < ToPython.Length; i++)
                            {
                                // Bridges may append a timestamp; python-can must cope, so send one on every other frame.
                                link.Write(tx, 0, SlcanEncoder.EncodeFrame(ToPython[i], i % 2 == 0 ? -1 : 1234 * i, tx, 0));
                            }
                        }
                    }

                    Assert.IsTrue(python.WaitForExit(DeadlineMs), "python-can did not finish");
                    string output = stdout.Result;
                    Assert.AreEqual(0, python.ExitCode, "python-can failed: " + stderr.Result);

                    AssertPythonFrames(frames);
                    SlcanCounters c = assembler.Counters;
                    Assert.AreEqual(0, c.ParseErrors);
                    Assert.AreEqual(2, c.Of(SlcanLineKind.Close), "set_bitrate's close and shutdown's close");
                    Assert.AreEqual(1, c.Of(SlcanLineKind.SetBitrate));
                    Assert.AreEqual(2, c.Of(SlcanLineKind.OpenNormal), "set_bitrate and __init__ both open");
                    Assert.AreEqual(1, c.Of(SlcanLineKind.VersionQuery));
                    Assert.AreEqual(1, c.Of(SlcanLineKind.SerialQuery));

                    string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
                    CollectionAssert.AreEqual(ExpectedPythonOutput, lines, "python-can printed:\n" + output + stderr.Result);
                }
                finally
                {
                    Kill(python);
                }
            }
        }

        [TestMethod]
        public void Serial_link_bridge_should_poll_python_can_frames_over_a_socat_pty()
        {
            ExternalTool.RequirePythonCan("send frames from python-can's slcan interface through a serial pty");
            ExternalTool.RequireSocat("make the pair of pseudo-terminals python-can and the bridge talk over");
            using var socat = Process.Start(new ProcessStartInfo("socat", "-d -d pty,raw,echo=0 pty,raw,echo=0")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            Process? python = null;
            try
            {
                string[] ptys = ByteLinkTests.ReadSocatPtys(socat);

                // Our end opens first so nothing python-can writes is lost.
                using var link = new SerialByteLink(ptys[0], 115200);
                var psi = new ProcessStartInfo(ExternalTool.Python)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(Script);
                psi.ArgumentList.Add(ptys[1] + "@115200");
                psi.ArgumentList.Add("send");
                python = Process.Start(psi)!;
                Task<string> stderr = python.StandardError.ReadToEndAsync();

                var bridge = new SlcanBridge(link);
                var ring = new CanFrameRing(32);
                for (var clock = Stopwatch.StartNew(); ring.Count < 12 && clock.ElapsedMilliseconds < DeadlineMs;)
                {
                    bridge.Poll(7, ring);
                }

                Assert.IsTrue(python.WaitForExit(DeadlineMs), "python-can did not finish");
                Assert.AreEqual(0, python.ExitCode, "python-can failed: " + stderr.Result);
                var frames = new List<CanFrame>();
                while (ring.TryTake(out CanFrame f))
                {
                    frames.Add(f);
                }

                AssertPythonFrames(frames);
                Assert.AreEqual(0, bridge.Receiver.Counters.ParseErrors);
                Assert.AreEqual(1, bridge.Receiver.Counters.Of(SlcanLineKind.SetBitrate), "python-can's S6 seen on the wire");
            }
            finally
            {
                if (python != null)
                {
                    Kill(python);
                    python.Dispose();
                }

                Kill(socat);
            }
        }

        [TestMethod]
        public void Bridge_should_poll_python_can_frames_stamped_with_bus_and_host_time()
        {
            var (python, stdout, stderr, link) = StartPython("send");
            using (link)
            using (python)
            {
                try
                {
                    var bridge = new SlcanBridge(link, 2, false);
                    var ring = new CanFrameRing(32);
                    for (var clock = Stopwatch.StartNew(); link.IsConnected && clock.ElapsedMilliseconds < DeadlineMs;)
                    {
                        bridge.Poll(1_700_000_000_000L, ring);
                    }

                    Assert.IsTrue(python.WaitForExit(DeadlineMs), "python-can did not finish");
                    Assert.AreEqual(0, python.ExitCode, "python-can failed: " + stderr.Result);
                    var frames = new List<CanFrame>();
                    while (ring.TryTake(out CanFrame f))
                    {
                        Assert.AreEqual((byte)2, f.Bus);
                        Assert.AreEqual(1_700_000_000_000L, f.TimestampMs);
                        frames.Add(f);
                    }

                    AssertPythonFrames(frames);
                    Assert.AreEqual(0, bridge.Receiver.Counters.ParseErrors);
                    Assert.AreEqual(2, bridge.Receiver.Counters.Of(SlcanLineKind.Close));
                    Assert.AreEqual(0, bridge.SentFrames);
                }
                finally
                {
                    Kill(python);
                }
            }
        }
    }
}
