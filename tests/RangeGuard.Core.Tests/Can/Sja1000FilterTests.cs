#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can.Slcan;
using RangeGuard.Common;

namespace RangeGuard.Tests.Can
{
    /// <summary>The SJA1000 acceptance filter computed from the mapped ids (LAWICEL CAN232 / CANUSB M and m commands).</summary>
    [TestClass]
    public class Sja1000FilterTests
    {
        [TestMethod]
        public void The_reference_profile_should_pass_exactly_its_four_ids()
        {
            uint[] keys = { 0x100, 0x100, 0x110, 0x120, 0x130, 0x100 };
            uint code, mask;
            Assert.IsTrue(Sja1000Filter.Compute(keys, keys.Length, out code, out mask));
            // Both filters: id 0x100 with id bits 5 and 4 "don't care"; RTR and data "don't care".
            Assert.AreEqual(0x20002000u, code);
            Assert.AreEqual(0x061F061Fu, mask);
            Assert.AreEqual(4, Sja1000Filter.AcceptedIds(code, mask));
            Assert.IsTrue(Sja1000Filter.Accepts(code, mask, 0x130));
            Assert.IsFalse(Sja1000Filter.Accepts(code, mask, 0x140));
        }

        [TestMethod]
        public void Scattered_ids_should_be_split_over_the_two_filters()
        {
            uint[] keys = { 0x596, 0x0FD, 0x131, 0x191, 0x594 };
            uint code, mask;
            Assert.IsTrue(Sja1000Filter.Compute(keys, keys.Length, out code, out mask));
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.IsTrue(Sja1000Filter.Accepts(code, mask, keys[i]), "mapped id passes");
            }

            // One filter for all five would pass 512 ids; split by id bit 5 ({0x191, 0x594, 0x596}: 16, {0x0FD, 0x131}: 32): 48.
            Assert.AreEqual(48, Sja1000Filter.AcceptedIds(code, mask));
            Assert.IsFalse(Sja1000Filter.Accepts(code, mask, 0x7FF));
        }

        [TestMethod]
        public void Every_mapped_id_should_pass_whatever_the_set()
        {
            Prng prng = new Prng(11);
            uint[] keys = new uint[8];
            for (int round = 0; round < 300; round++)
            {
                int n = 1 + (int)(prng.NextDouble() * keys.Length);
                for (int i = 0; i < n; i++)
                {
                    keys[i] = (uint)(prng.NextDouble() * 2048) & 0x7FF;
                }

                uint code, mask;
                Assert.IsTrue(Sja1000Filter.Compute(keys, n, out code, out mask));
                for (int i = 0; i < n; i++)
                {
                    Assert.IsTrue(Sja1000Filter.Accepts(code, mask, keys[i]), "round " + round.ToString() + ": id " + keys[i].ToString());
                }
            }
        }

        [TestMethod]
        public void A_29_bit_id_or_no_id_should_leave_every_frame_passing()
        {
            uint[] keys = { 0x100, 0x80000000u | 0x17332510u };
            uint code, mask;
            Assert.IsFalse(Sja1000Filter.Compute(keys, 2, out code, out mask), "dual filter mode compares 29-bit ids on the same registers");
            Assert.AreEqual(Sja1000Filter.AcceptAllCode, code);
            Assert.AreEqual(Sja1000Filter.AcceptAllMask, mask);
            Assert.IsFalse(Sja1000Filter.Compute(keys, 0, out code, out mask));
            Assert.AreEqual(2048, Sja1000Filter.AcceptedIds(code, mask));
        }

        [TestMethod]
        public void Open_should_set_the_filter_while_closed_only_for_an_sja1000_bridge()
        {
            uint[] keys = { 0x100, 0x110, 0x120, 0x130 };
            ScriptedLink link = new ScriptedLink();
            SlcanBridge plain = new SlcanBridge(link);
            Assert.IsFalse(plain.AcceptIds(keys, keys.Length), "another adapter may read M and m differently");
            plain.Open(6, false);
            Assert.AreEqual("C\rS6\rZ0\rL\r", link.Written);

            ScriptedLink link2 = new ScriptedLink();
            SlcanBridge lawicel = new SlcanBridge(link2);
            lawicel.Sja1000Filtering = true;
            Assert.IsTrue(lawicel.AcceptIds(keys, keys.Length));
            lawicel.Open(6, false);
            Assert.AreEqual("C\rS6\rZ0\rM20002000\rm061F061F\rL\r", link2.Written, "in the closed state, before L");
            Assert.IsTrue(lawicel.Reopen());
            Assert.AreEqual("C\rS6\rZ0\rM20002000\rm061F061F\rL\rC\rS6\rZ0\rM20002000\rm061F061F\rL\r", link2.Written);
            Assert.IsTrue(lawicel.IsListenOnly);
        }

        [TestMethod]
        public void M_and_m_lines_should_encode_and_parse_the_four_registers()
        {
            byte[] b = new byte[12];
            int n = SlcanEncoder.EncodeRegisters(SlcanLineKind.SetAcceptanceMask, 0x061F061Fu, b, 0);
            Assert.AreEqual("m061F061F\r", SlcanTestSupport.AsciiOf(b, 0, n));
            Assert.AreEqual(0, SlcanEncoder.EncodeRegisters(SlcanLineKind.SetBitrate, 1u, b, 0));
            RangeGuard.Can.CanFrame f;
            int v;
            Assert.AreEqual(SlcanLineKind.SetAcceptanceMask, SlcanParser.Parse(b, 0, n - 1, out f, out v));
            Assert.AreEqual(Bits.ToInt32(0x061F061Fu), v);
            byte[] code = SlcanTestSupport.Ascii("MFFFFFFFF");
            Assert.AreEqual(SlcanLineKind.SetAcceptanceCode, SlcanParser.Parse(code, 0, code.Length, out f, out v));
            Assert.AreEqual(-1, v);
            byte[] bad = SlcanTestSupport.Ascii("M2000200G");
            Assert.AreEqual(SlcanLineKind.BadHex, SlcanParser.Parse(bad, 0, bad.Length, out f, out v));
            byte[] shortLine = SlcanTestSupport.Ascii("M123");
            Assert.AreEqual(SlcanLineKind.LengthMismatch, SlcanParser.Parse(shortLine, 0, shortLine.Length, out f, out v));
        }
    }
}
