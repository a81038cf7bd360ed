using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Can.Slcan;
using RangeGuard.Common;
using RangeGuard.Ports;

namespace RangeGuard.Host.Tests.Can
{
    /// <summary>
    /// The device has ~100 KB of heap: the receive path must not allocate per frame. Measured on the host with the
    /// runtime's per-thread allocation counter (exact byte counts, not timings).
    /// </summary>
    [TestClass]
    public class SlcanAllocationTests
    {
        /// <summary>Serves a fixed byte stream in fixed-size reads, allocation-free.</summary>
        private sealed class ReplayLink : IByteLink
        {
            private readonly byte[] _bytes;
            private readonly int _length;
            private int _pos;

            public ReplayLink(byte[] bytes, int length)
            {
                _bytes = bytes;
                _length = length;
            }

            public void Rewind() => _pos = 0;

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = Math.Min(Math.Min(count, 37), _length - _pos);
                Array.Copy(_bytes, _pos, buffer, offset, n);
                _pos += n;
                return n;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
            }
        }

        private static (byte[] Bytes, int Length) RandomStream(int frames)
        {
            var prng = new Prng(5);
            var bytes = new byte[frames * SlcanEncoder.MaxEncodedLength];
            int length = 0;
            for (int i = 0; i < frames; i++)
            {
                var f = new CanFrame
                {
                    Id = prng.NextUInt() & CanFrame.MaxStandardId,
                    Length = (byte)prng.Next(0, 9),
                    Data = ((ulong)prng.NextUInt() << 32) | prng.NextUInt(),
                };
                f.Data &= f.Length == 8 ? ulong.MaxValue : (1UL << (8 * f.Length)) - 1;
                length += SlcanEncoder.EncodeFrame(f, i % 3 == 0 ? -1 : i % 60000, bytes, length);
            }

            return (bytes, length);
        }

        [TestMethod]
        public void Assembler_and_bridge_should_allocate_nothing_per_frame_in_steady_state()
        {
            var (bytes, length) = RandomStream(5000);
            var ring = new CanFrameRing(8192);
            var assembler = new SlcanLineAssembler();
            var link = new ReplayLink(bytes, length);
            var bridge = new SlcanBridge(link, 1, false);

            // Warm-up: JIT and first-call type loading may allocate.
            assembler.Feed(bytes, 0, length, ring);
            while (bridge.Poll(0, ring) > 0)
            {
                ring.Clear();
            }

            ring.Clear();
            link.Rewind();

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int pos = 0; pos < length; pos += 23)
            {
                assembler.Feed(bytes, pos, Math.Min(23, length - pos), ring);
            }

            ring.Clear();
            int polled = 0;
            for (long now = 0; now < 100; now++)
            {
                polled += bridge.Poll(now, ring);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated while decoding 2 x 5000 frames");
            Assert.AreEqual(10000, assembler.Counters.Frames);
            Assert.AreEqual(0, assembler.Counters.ParseErrors);
            Assert.AreEqual(5000, polled, "the bridge saw the stream once after the rewind");
            Assert.AreEqual(0, bridge.Receiver.Counters.ParseErrors);
        }
    }
}
