using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Profiles;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Commands;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.State;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>
    /// `--can tcp://…`: the agent reads a real socket. A small SLCAN-over-TCP server on loopback answers the set-up
    /// commands and, once the channel is open, streams the truth encoder's frames of one fixed snapshot (bounded: 10 s).
    /// </summary>
    [TestClass]
    public class TcpBridgeTests
    {
        private static TruthSnapshot Fixed() => new()
        {
            SocReportedPercent = 63.3,
            PackVoltageV = 380,
            PackCurrentA = 12.5,
            BatteryTempC = 18.4,
            BatteryTempMinC = 17.4,
            BatteryTempMaxC = 19.4,
            AmbientTempC = 4.5,
            SpeedKmh = 50,
            OdometerKm = 1000,
            HvacPowerW = 800,
        };

        private static async Task<(string Commands, long BytesSent)> Serve(TcpListener listener, CancellationToken stop)
        {
            using TcpClient client = await listener.AcceptTcpClientAsync(stop);
            NetworkStream net = client.GetStream();
            var encoder = new TruthCanEncoder(ProfileCatalog.Load("rangeguard-ref"), TruthCanEncoder.CycleTimes(ProfileCatalog.ReferenceDbcText()));
            var commands = new System.Text.StringBuilder();
            var buf = new byte[64];
            while (!commands.ToString().Contains("L\r", StringComparison.Ordinal))
            {
                int n = await net.ReadAsync(buf, stop);
                if (n == 0)
                {
                    return (commands.ToString(), 0);
                }

                for (int i = 0; i < n; i++)
                {
                    commands.Append((char)buf[i]);
                    if (buf[i] == '\r')
                    {
                        await net.WriteAsync(new byte[] { 0x0D }, stop); // OK
                    }
                }
            }

            var tx = new byte[encoder.MaxBytesPerStep];
            TruthSnapshot snap = Fixed();
            long sent = 0;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    int n = encoder.EncodeStep(in snap, tx, 0);
                    await net.WriteAsync(tx.AsMemory(0, n), stop);
                    sent += n;
                    await Task.Delay(5, stop);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The test is done or closed the socket.
            }

            return (commands.ToString(), sent);
        }

        [TestMethod]
        public void The_agent_should_read_a_real_slcan_tcp_bridge_given_by_the_can_option()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Task<(string Commands, long BytesSent)> server = Serve(listener, stop.Token);

            var factory = RunCommand.BoardFor("agent", $"tcp://127.0.0.1:{port}", out string error);
            Assert.IsNotNull(factory, error);
            Scenario s = ScenarioCatalog.Load("summer-commute");
            var board = (AgentBoard)factory(s);
            try
            {
                board.Start(new BoardContext(s, false));
                Assert.AreEqual($"agent on tcp://127.0.0.1:{port}", board.Name);
                long t0 = s.Start.ToUnixTimeMilliseconds();
                var truth = new TruthSnapshot { Phase = CarPhase.Parked, NextDepartureUnixMs = -1, ChargerIndex = -1 };
                for (int i = 0; i < 200 && board.Dispatcher.Counters.FramesReceived < 50 && !stop.IsCancellationRequested; i++)
                {
                    truth.TimeUnixMs = t0 + i * 1000;
                    board.Step(in truth); // each poll waits at most the link's 5 ms read timeout
                }
            }
            finally
            {
                board.Dispose();
                stop.Cancel();
            }

            (string commands, long bytesSent) = server.GetAwaiter().GetResult();
            listener.Stop();
            Assert.AreEqual("C\rS6\rZ0\rL\r", commands, "close, 500 kbit/s, no timestamps, listen-only");
            Assert.IsTrue(bytesSent > 0);
            Assert.IsTrue(board.Dispatcher.Counters.FramesReceived >= 50, $"{board.Dispatcher.Counters.FramesReceived} frames");
            Assert.AreEqual(0, board.Dispatcher.Counters.DecodeErrors + board.Dispatcher.Counters.UnknownIdFrames + board.Dispatcher.Counters.OutOfRangeValues);
            Assert.AreEqual(0, board.Encoder.FramesEncoded, "the truth's own frames go nowhere with an external bridge");
            Assert.AreEqual(63.3, board.State.GetLast(InputId.SocPercent), 0.05 + 1e-3);
            Assert.AreEqual(18.4, board.State.GetLast(InputId.BatteryTempAvgC), 0.05 + 1e-3);
        }

        [TestMethod]
        public void Bad_board_or_can_arguments_should_exit_with_code_2()
        {
            string outDir = Path.Combine(Path.GetTempPath(), "rg-board-" + Guid.NewGuid().ToString("N"));
            Assert.AreEqual(ExitCodes.BadInput, RunCommand.Execute("summer-commute", false, false, true, false, outDir, false, 600, true, "nope", null));
            Assert.AreEqual(ExitCodes.BadInput, RunCommand.Execute("summer-commute", false, false, true, false, outDir, false, 600, true, "null", "tcp://127.0.0.1:9"));
            Assert.AreEqual(ExitCodes.BadInput, RunCommand.Execute("summer-commute", false, false, true, false, outDir, false, 600, true, "agent", "ftp://x"));
            // A closed loopback port: connection refused, reported, not thrown.
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int closed = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Assert.AreEqual(ExitCodes.BadInput, RunCommand.Execute("summer-commute", false, false, true, false, outDir, false, 600, true, "agent", $"tcp://127.0.0.1:{closed}"));
        }
    }
}
