#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;
using RangeGuard.Common;
using RangeGuard.Dbc;
using RangeGuard.State;

namespace RangeGuard.Tests.Dbc
{
    /// <summary>
    /// The dispatcher decodes plain fields itself from a layout worked out at construction and finds a frame's mappings
    /// through a hash table of the map's ids: both must give exactly what SignalCodec.Decode and SignalMap.FindFirst give.
    /// </summary>
    [TestClass]
    public class SignalDispatcherFastPathTests
    {
        private static readonly float[] Factors = { 1f, 0.1f, 0.01f, -0.5f, 3.25f };
        private static readonly float[] Offsets = { 0f, -0f, -100f, 40f, 0.5f };
        private static readonly float[] Scales = { 1f, -1f, 0.001f };
        private static readonly float[] Adds = { 0f, -0f, 2.5f };

        /// <summary>The same float bit for bit (+0 and -0 differ).</summary>
        private static bool Same(float a, float b)
        {
            return System.BitConverter.DoubleToInt64Bits(a) == System.BitConverter.DoubleToInt64Bits(b);
        }

        private static VehicleState WideOpenState()
        {
            VehicleState state = new VehicleState();
            for (int i = 0; i < InputId.Count; i++)
            {
                state.SetLimits(i, float.MinValue, float.MaxValue);
            }

            return state;
        }

        private static CanFrame RandomFrame(Prng prng, uint id)
        {
            CanFrame f = new CanFrame();
            f.Id = id;
            int r = prng.Next(0, 12);
            f.Length = (byte)(r < 8 ? 8 : (r < 11 ? prng.Next(0, 8) : prng.Next(9, 16))); // mostly 8, some short, some over 8
            f.Data = SignalCodecRoundTripTests.RandomULong(prng);
            return f;
        }

        [TestMethod]
        public void Process_should_store_what_SignalCodec_decodes_when_layouts_and_payloads_are_random()
        {
            Prng prng = new Prng(20261206);
            int stored = 0, tooShort = 0, muxMismatch = 0, sentinels = 0;
            for (int n = 0; n < 300; n++)
            {
                int start, length;
                bool motorola;
                SignalCodecRoundTripTests.RandomField(prng, out start, out length, out motorola);
                SignalDef def = SignalDef.Create(0x123, false, start, length, motorola, prng.Next(0, 2) == 1,
                    Factors[prng.Next(0, Factors.Length)], Offsets[prng.Next(0, Offsets.Length)]);
                if (n % 5 == 4)
                {
                    int muxStart, muxLength;
                    bool muxMotorola;
                    do
                    {
                        SignalCodecRoundTripTests.RandomField(prng, out muxStart, out muxLength, out muxMotorola);
                    }
                    while (muxLength > 3);

                    def.SetMultiplexor(muxStart, muxLength, muxMotorola, (uint)prng.Next(0, 1 << muxLength));
                }

                CanFrame[] frames = new CanFrame[6];
                for (int f = 0; f < frames.Length; f++)
                {
                    frames[f] = RandomFrame(prng, 0x123);
                }

                // The second mapping of the same field discards the raw value of the first frame as a sentinel.
                ulong sentinel;
                float ignored;
                SignalCodec.Decode(ref frames[0], ref def, out sentinel, out ignored);
                SignalMapping plain = SignalMapping.Create(InputId.SocPercent, def);
                plain.Scale = Scales[prng.Next(0, Scales.Length)];
                plain.Add = Adds[prng.Next(0, Adds.Length)];
                SignalMapping guarded = plain;
                guarded.Input = InputId.PackVoltageV;
                guarded.Sentinels = new ulong[] { 12345, sentinel };
                SignalDispatcher d = new SignalDispatcher(new SignalMap(new SignalMapping[] { plain, guarded }, null), WideOpenState());

                long decodeErrors = 0, discarded = 0;
                for (int f = 0; f < frames.Length; f++)
                {
                    ulong raw;
                    float physical;
                    int status = SignalCodec.Decode(ref frames[f], ref def, out raw, out physical);
                    int expectedSet = 0;
                    if (status == DecodeStatus.TooShort)
                    {
                        decodeErrors += 2;
                        tooShort++;
                    }
                    else if (status == DecodeStatus.MuxMismatch)
                    {
                        muxMismatch++;
                    }
                    else
                    {
                        expectedSet = raw == sentinel ? 1 : 2;
                        discarded += raw == sentinel ? 1 : 0;
                        sentinels += raw == sentinel ? 1 : 0;
                    }

                    long time = 1000 * (f + 1);
                    string what = "case " + n.ToString() + " frame " + f.ToString() + ": start " + start.ToString() + " len " + length.ToString() + (motorola ? " motorola" : " intel");
                    Assert.AreEqual(expectedSet, d.Process(ref frames[f], time), what);
                    if (expectedSet > 0)
                    {
                        float expected = physical * plain.Scale + plain.Add;
                        Assert.IsTrue(Same(expected, d.State.GetLast(InputId.SocPercent)), what + ": " + expected.ToString() + " stored as " + d.State.GetLast(InputId.SocPercent).ToString());
                        Assert.AreEqual(time, d.State.GetTime(InputId.SocPercent), what);
                        stored++;
                    }

                    if (expectedSet == 2)
                    {
                        Assert.IsTrue(Same(d.State.GetLast(InputId.SocPercent), d.State.GetLast(InputId.PackVoltageV)), what + ": the guarded copy");
                        Assert.AreEqual(time, d.State.GetTime(InputId.PackVoltageV), what);
                    }
                }

                Assert.AreEqual(decodeErrors, d.Counters.DecodeErrors, "case " + n.ToString());
                Assert.AreEqual(discarded, d.Counters.SentinelsDiscarded, "case " + n.ToString());
                Assert.AreEqual(0L, d.Counters.OutOfRangeValues, "case " + n.ToString());
            }

            // Every outcome came up often enough to mean something.
            Assert.IsTrue(stored > 800 && tooShort > 50 && muxMismatch > 50 && sentinels > 200, "outcomes " + stored.ToString() + "/" + tooShort.ToString() + "/" + muxMismatch.ToString() + "/" + sentinels.ToString());
        }

        [TestMethod]
        public void Process_should_store_plus_zero_when_the_physical_value_is_minus_zero_and_scale_and_add_are_neutral()
        {
            // Raw 0 * factor -1 + offset -0 is -0; * scale 1 + add 0 makes it +0, as SignalCodec.Decode and the transform
            // would: the dispatcher may skip a neutral transform only where that cannot happen.
            for (int n = 0; n < 2; n++)
            {
                SignalMapping m = SignalMapping.Create(InputId.SpeedKmh, SignalDef.Create(0x200, false, 0, 8, false, false, -1f, n == 0 ? -0f : 0f));
                SignalDispatcher d = new SignalDispatcher(new SignalMap(new SignalMapping[] { m }, null), WideOpenState());
                CanFrame f = SignalCodecTests.Frame(0x200, new byte[] { 0 });
                Assert.AreEqual(1, d.Process(ref f, 10));
                Assert.IsTrue(Same(0f, d.State.GetLast(InputId.SpeedKmh)), "+0, offset " + (n == 0 ? "-0" : "+0"));
                f = SignalCodecTests.Frame(0x200, new byte[] { 3 });
                d.Process(ref f, 20);
                Assert.IsTrue(Same(-3f, d.State.GetLast(InputId.SpeedKmh)));
            }
        }

        /// <summary>A map of <paramref name="ids"/> ids (standard and extended, some sharing a number), 1-3 byte fields each.</summary>
        private static SignalMap RandomMap(Prng prng, int ids)
        {
            SignalMapping[] mappings = new SignalMapping[3 * ids];
            int count = 0;
            for (int i = 0; i < ids; i++)
            {
                // A standard id, an extended one with the same number, a random extended one.
                bool extended = i % 3 != 0;
                uint id = i % 3 == 1 ? mappings[count - 1].Signal.MessageId : (extended ? prng.NextUInt() & CanFrame.MaxExtendedId : (uint)prng.Next(0, 0x800));
                int signals = prng.Next(1, 4);
                for (int s = 0; s < signals; s++)
                {
                    SignalMapping m = SignalMapping.Create((i + s) % InputId.Count, SignalDef.Create(id, extended, 8 * s, 8, false, false, 1f, 0f));
                    mappings[count++] = m;
                }
            }

            return SignalMap.FromArray(mappings, count, null);
        }

        private static void CheckEveryIdAndOthers(SignalMap map, Prng prng)
        {
            SignalDispatcher d = new SignalDispatcher(map, WideOpenState());
            long unknown = 0;
            for (int i = 0; i < map.Count + 200; i++)
            {
                CanFrame f = new CanFrame();
                if (i < map.Count)
                {
                    f.Id = map.Get(i).Signal.MessageId;
                    f.IsExtended = map.Get(i).Signal.IsExtended;
                }
                else
                {
                    f.IsExtended = prng.Next(0, 2) == 1;
                    f.Id = f.IsExtended ? prng.NextUInt() & CanFrame.MaxExtendedId : (uint)prng.Next(0, 0x800);
                }

                f.Length = 8;
                f.Data = SignalCodecRoundTripTests.RandomULong(prng);
                int expected = map.CountFor(f.Id, f.IsExtended);
                unknown += expected == 0 ? 1 : 0;
                Assert.AreEqual(expected, d.Process(ref f, i), "id " + f.Id.ToString() + (f.IsExtended ? " extended" : " standard"));
            }

            Assert.AreEqual(unknown, d.Counters.UnknownIdFrames);
            Assert.IsTrue(unknown > 150, "unknown ids tried: " + unknown.ToString());
        }

        [TestMethod]
        public void Process_should_find_the_mappings_of_every_id_and_of_no_other_when_maps_are_random()
        {
            Prng prng = new Prng(7);
            for (int n = 0; n < 20; n++)
            {
                CheckEveryIdAndOthers(RandomMap(prng, 1 + n * 3), prng);
            }
        }

#if !NANOFRAMEWORK_1_0
        [TestMethod]
        public void Process_should_find_the_mappings_of_every_id_when_the_map_is_too_large_for_the_hash_table()
        {
            // 255 mappings and more: indexes no longer fit the table's bytes, the dispatcher searches the sorted keys.
            Prng prng = new Prng(8);
            SignalMap map = RandomMap(prng, 150);
            Assert.IsTrue(map.Count >= 255, "mappings " + map.Count.ToString());
            CheckEveryIdAndOthers(map, prng);
        }
#endif
    }
}
