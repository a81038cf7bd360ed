using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Can;
using RangeGuard.Dbc;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Profiles
{
    [TestClass]
    public class DispatcherAllocationTests
    {
        [TestMethod]
        public void Process_should_allocate_nothing_per_frame_in_steady_state()
        {
            SignalDispatcher d = ProfileDecodingTests.Dispatcher("hyundai-kona");
            CanFrame[] frames =
            {
                ProfileDecodingTests.Frame(0x595, 0, 0x1A, 0x00, 0xB5, 0xB5, 0x00, 0x00, 0xDF, 0x0D),
                ProfileDecodingTests.Frame(0x596, 0, 0x00, 0x79, 0x00, 0x00, 0x00, 0x00, 0x16, 0x17),
                ProfileDecodingTests.Frame(0x596, 1, 0x00, 0x79, 0x00, 0x00, 0x00, 0x00, 0xFE, 0xFF),
                ProfileDecodingTests.Frame(0x386, 0, 0x40, 0x06, 0x41, 0x06, 0x3F, 0x06, 0x40, 0x06),
                ProfileDecodingTests.Frame(0x7DF, 0, 0x02, 0x01),
                ProfileDecodingTests.Frame(0x5D0, 0, 0x9D, 0x13),
            };

            for (int i = 0; i < 1000; i++)
            {
                d.Process(ref frames[i % frames.Length], i); // warm-up (JIT tiers)
                d.State.Update(i);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++)
            {
                d.Process(ref frames[i % frames.Length], 1000 + i);
                d.State.Update(1000 + i);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by 10,000 frames");
            Assert.IsTrue(d.Counters.DecodeErrors > 0, "the 2-byte 0x5D0 frame counts as a decode error");
        }
    }
}
