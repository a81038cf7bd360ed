using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Can.Slcan;
using RangeGuard.Host.Logs;
using RangeGuard.Host.Tests.Logs;

namespace RangeGuard.Host.Tests.Can
{
    /// <summary>Log frame -> SLCAN line -> line assembler -> parser must give the same frame back (the replay path).</summary>
    [TestClass]
    public class LogToSlcanRoundTripTests
    {
        private sealed class Collect : ICanFrameSink
        {
            public readonly List<CanFrame> Frames = new();

            public void OnCanFrame(ref CanFrame frame) => Frames.Add(frame);
        }

        [TestMethod]
        [DataRow(LogFixtureTests.KonaPowerCycle)]
        [DataRow("kcan-synthetic.crtd")]
        [DataRow("sample-candump.log")]
        public void Every_log_frame_should_survive_encode_and_chunked_parse(string fixture)
        {
            var entries = CanLogReader.ReadFile(LogFixtureTests.Fixture(fixture), out _).ToList();

            // One byte stream of all lines, each with the bridge-style timestamp (ms within the minute).
            var stream = new byte[entries.Count * SlcanEncoder.MaxEncodedLength];
            int length = 0;
            foreach (CanLogEntry e in entries)
            {
                int n = SlcanEncoder.EncodeFrame(e.Frame, (int)(e.Frame.TimestampMs % 60000), stream, length);
                Assert.IsTrue(n > 0, $"line {e.LineNumber} encodes");
                length += n;
            }

            var assembler = new SlcanLineAssembler();
            var sink = new Collect();
            var prng = new RangeGuard.Common.Prng(99);
            for (int pos = 0; pos < length;)
            {
                int chunk = Math.Min(prng.Next(1, 64), length - pos);
                assembler.Feed(stream, pos, chunk, sink);
                pos += chunk;
            }

            Assert.AreEqual(entries.Count, sink.Frames.Count);
            Assert.AreEqual(0, assembler.Counters.ParseErrors);
            for (int i = 0; i < entries.Count; i++)
            {
                CanFrame want = entries[i].Frame;
                CanFrame got = sink.Frames[i];
                string at = $"{fixture} line {entries[i].LineNumber}";
                Assert.AreEqual(want.Id, got.Id, at);
                Assert.AreEqual(want.IsExtended, got.IsExtended, at);
                Assert.AreEqual(want.IsRemote, got.IsRemote, at);
                Assert.AreEqual(want.Length, got.Length, at);
                Assert.AreEqual(want.Data, got.Data, at);
                Assert.AreEqual(want.TimestampMs % 60000, got.TimestampMs, at);
            }
        }
    }
}

namespace RangeGuard.Host.Tests.Can
{
    [TestClass]
    public class SlcanLogReplayTests
    {
        private sealed class Collect : ICanFrameSink
        {
            public readonly List<CanFrame> Frames = new();

            public void OnCanFrame(ref CanFrame frame) => Frames.Add(frame);
        }

        [TestMethod]
        public void Replay_should_deliver_every_Kona_frame_with_bus_and_full_timestamp()
        {
            var entries = CanLogReader.ReadFile(LogFixtureTests.Fixture(LogFixtureTests.KonaPowerCycle), out _).ToList();
            var sink = new Collect();
            var replay = new Host.Can.SlcanLogReplay(sink);
            Assert.AreEqual(39546, replay.Replay(entries));
            Assert.AreEqual(0, replay.Counters.ParseErrors);
            Assert.AreEqual(0, replay.Unencodable);
            for (int i = 0; i < entries.Count; i++)
            {
                Assert.AreEqual(entries[i].Frame, sink.Frames[i], $"line {entries[i].LineNumber}");
            }

            Assert.AreEqual(108, sink.Frames.Count(f => f.Id == 0x595 && f.Bus == 1));
        }

        [TestMethod]
        public void Replay_should_count_frames_it_cannot_encode()
        {
            var sink = new Collect();
            var replay = new Host.Can.SlcanLogReplay(sink);
            var bad = new CanFrame { Id = 0x800, Length = 0, TimestampMs = 5 };
            Assert.IsFalse(replay.Push(new CanLogEntry(bad, 5000, 1)));
            Assert.AreEqual(1, replay.Unencodable);
            Assert.AreEqual(0, sink.Frames.Count);
        }
    }
}
