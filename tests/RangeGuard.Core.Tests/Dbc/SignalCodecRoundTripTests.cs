#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;
using RangeGuard.Common;
using RangeGuard.Dbc;

namespace RangeGuard.Tests.Dbc
{
    [TestClass]
    public class SignalCodecRoundTripTests
    {
        /// <summary>
        /// Independent reference: walks the field bit by bit as the DBC spec describes it (Intel: LSB first,
        /// upwards; Motorola: MSB first, down within a byte, then bit 7 of the next byte).
        /// </summary>
        private static ulong ReferenceExtract(ulong data, int startBit, int length, bool motorola)
        {
            ulong raw = 0;
            if (!motorola)
            {
                for (int i = 0; i < length; i++)
                {
                    raw |= ((data >> (startBit + i)) & 1UL) << i;
                }

                return raw;
            }

            int bit = startBit;
            for (int i = 0; i < length; i++)
            {
                raw = (raw << 1) | ((data >> bit) & 1UL);
                bit = bit % 8 == 0 ? bit + 15 : bit - 1;
            }

            return raw;
        }

        internal static void RandomField(Prng prng, out int start, out int length, out bool motorola)
        {
            length = prng.Next(1, 65);
            motorola = prng.Next(0, 2) == 1;
            int lsbOrMsbPosition = prng.Next(0, 64 - length + 1);
            // For Motorola, pick the big-endian position of the MSB and convert it back to the DBC start bit.
            start = motorola ? (lsbOrMsbPosition & ~7) + (7 - (lsbOrMsbPosition & 7)) : lsbOrMsbPosition;
        }

        internal static ulong RandomULong(Prng prng)
        {
            return ((ulong)prng.NextUInt() << 32) | prng.NextUInt();
        }

        [TestMethod]
        public void ExtractBits_should_match_bitwise_reference_when_fields_are_random()
        {
            Prng prng = new Prng(20261123);
            for (int n = 0; n < 2000; n++)
            {
                int start, length;
                bool motorola;
                RandomField(prng, out start, out length, out motorola);
                Assert.IsTrue(SignalCodec.Fits(start, length, motorola, 8), "generated field fits");
                ulong data = RandomULong(prng);
                Assert.AreEqual(ReferenceExtract(data, start, length, motorola), SignalCodec.ExtractBits(data, start, length, motorola),
                    "start " + start.ToString() + " len " + length.ToString() + (motorola ? " motorola" : " intel"));
            }
        }

        [TestMethod]
        public void InsertBits_should_round_trip_and_leave_other_bits_when_fields_are_random()
        {
            Prng prng = new Prng(7);
            for (int n = 0; n < 2000; n++)
            {
                int start, length;
                bool motorola;
                RandomField(prng, out start, out length, out motorola);
                ulong background = RandomULong(prng);
                ulong raw = RandomULong(prng) & SignalCodec.Mask(length);
                ulong written = SignalCodec.InsertBits(background, start, length, motorola, raw);
                string what = "start " + start.ToString() + " len " + length.ToString() + (motorola ? " motorola" : " intel");
                Assert.AreEqual(raw, SignalCodec.ExtractBits(written, start, length, motorola), what);
                ulong fieldMask = SignalCodec.InsertBits(0UL, start, length, motorola, ulong.MaxValue);
                Assert.AreEqual(background & ~fieldMask, written & ~fieldMask, what + ": other bits untouched");
                int ones = 0;
                for (int b = 0; b < 64; b++)
                {
                    ones += (int)((fieldMask >> b) & 1UL);
                }

                Assert.AreEqual(length, ones, what + ": field covers exactly len bits");
            }
        }

        [TestMethod]
        public void Encode_then_decode_should_return_value_when_signals_are_random_and_scaled()
        {
            Prng prng = new Prng(12345);
            for (int n = 0; n < 1000; n++)
            {
                int start, length;
                bool motorola;
                RandomField(prng, out start, out length, out motorola);
                if (length > 24)
                {
                    length = 24; // float physical values are exact up to 24 bits
                    if (!SignalCodec.Fits(start, length, motorola, 8))
                    {
                        continue;
                    }
                }

                bool signed = prng.Next(0, 2) == 1;
                float factor = prng.Next(0, 2) == 1 ? 0.5f : 0.25f;
                float offset = prng.Next(-40, 41);
                SignalDef s = SignalDef.Create(0x100, false, start, length, motorola, signed, factor, offset);
                long rawMin = signed ? -(1L << (length - 1)) : 0;
                long rawMax = signed ? (1L << (length - 1)) - 1 : (1L << length) - 1;
                long rawValue = rawMin + (long)(prng.NextDouble() * (rawMax - rawMin + 1));
                double physical = rawValue * (double)factor + offset;
                CanFrame f = new CanFrame();
                f.Length = 8;
                f.Data = RandomULong(prng);
                string what = "start " + start.ToString() + " len " + length.ToString() + (motorola ? " motorola" : " intel") + (signed ? " signed" : "");
                Assert.IsTrue(SignalCodec.TryEncode(ref f, ref s, physical), what + ": encodes");
                ulong raw;
                float decoded;
                Assert.AreEqual(DecodeStatus.Ok, SignalCodec.Decode(ref f, ref s, out raw, out decoded), what);
                Check.Near(physical, decoded, RangeGuard.Common.DMath.Abs(physical) * 1e-6 + 1e-6, what);
            }
        }
    }
}
