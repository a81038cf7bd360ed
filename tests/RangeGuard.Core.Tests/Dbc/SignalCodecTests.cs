#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Can;
using RangeGuard.Dbc;

namespace RangeGuard.Tests.Dbc
{
    [TestClass]
    public class SignalCodecTests
    {
        /// <summary>Frame with bytes b[0..] (little-endian packing as CanFrame.Data documents).</summary>
        internal static CanFrame Frame(uint id, byte[] bytes)
        {
            CanFrame f = new CanFrame();
            f.Id = id;
            f.Length = (byte)bytes.Length;
            for (int i = 0; i < bytes.Length; i++)
            {
                f.SetByte(i, bytes[i]);
            }

            return f;
        }

        private static float DecodeOk(CanFrame frame, SignalDef signal)
        {
            ulong raw;
            float value;
            Assert.AreEqual(DecodeStatus.Ok, SignalCodec.Decode(ref frame, ref signal, out raw, out value), "status");
            return value;
        }

        [TestMethod]
        public void Decode_should_give_35_5_percent_when_kona_SoC_Maybe_motorola_47_8()
        {
            // pcan.dbc SoC_Maybe : 47|8@0+ (0.5,0). Start 47 = byte 5 bit 7 (MSB), 8 bits -> all of byte 5 = 0x47 = 71 -> 35.5 %.
            CanFrame f = Frame(0x594, new byte[] { 0x68, 0x42, 0xCC, 0x3E, 0x80, 0x47, 0x43, 0x20 });
            SignalDef soc = SignalDef.Create(0x594, false, 47, 8, true, false, 0.5f, 0f);
            Check.Near(35.5, DecodeOk(f, soc), 1e-6, "SoC_Maybe");

            // Same frame, Intel neighbours: ChargeAvailable 0|16@1+ (0.01) = 0x4268 = 17000 -> 170 kW; SoC_Fraction 48|3@1+ = 0x43 & 7 = 3 -> 0.3 %.
            Check.Near(170.0, DecodeOk(f, SignalDef.Create(0x594, false, 0, 16, false, false, 0.01f, 0f)), 1e-3, "ChargeAvailable");
            Check.Near(0.3, DecodeOk(f, SignalDef.Create(0x594, false, 48, 3, false, false, 0.1f, 0f)), 1e-6, "SoC_Fraction");
        }

        [TestMethod]
        public void Decode_should_read_byte_0_when_kona_Speed_motorola_7_8_in_a_3_byte_frame()
        {
            // pcan.dbc CGW_450 (DLC 3) Speed : 7|8@0+ -> byte 0.
            CanFrame f = Frame(0x450, new byte[] { 0x3C, 0xC2, 0x05 });
            Check.Near(60.0, DecodeOk(f, SignalDef.Create(0x450, false, 7, 8, true, false, 1f, 0f)), 0, "Speed");
        }

        [TestMethod]
        public void Decode_should_sign_extend_when_kona_IBatt_intel_signed_32_16()
        {
            SignalDef ibatt = SignalDef.Create(0x595, false, 32, 16, false, true, 0.1f, 0f);

            // Bytes 4..5 little-endian: 9C FF = 0xFF9C = -100 -> -10.0 A; E8 03 = 1000 -> 100.0 A; 00 80 = -32768 -> -3276.8 A.
            Check.Near(-10.0, DecodeOk(Frame(0x595, new byte[] { 0, 0, 0, 0, 0x9C, 0xFF, 0, 0 }), ibatt), 1e-4, "negative");
            Check.Near(100.0, DecodeOk(Frame(0x595, new byte[] { 0, 0, 0, 0, 0xE8, 0x03, 0, 0 }), ibatt), 1e-4, "positive");
            Check.Near(-3276.8, DecodeOk(Frame(0x595, new byte[] { 0, 0, 0, 0, 0x00, 0x80, 0, 0 }), ibatt), 1e-3, "most negative");

            // Real frame from the 2019 Kona log: 1A 00 B5 B5 00 00 DF 0D -> IBatt 0 A, VBatt 0x0DDF = 3551 -> 355.1 V.
            CanFrame real = Frame(0x595, new byte[] { 0x1A, 0x00, 0xB5, 0xB5, 0x00, 0x00, 0xDF, 0x0D });
            Check.Near(0.0, DecodeOk(real, ibatt), 0, "IBatt");
            Check.Near(355.1, DecodeOk(real, SignalDef.Create(0x595, false, 48, 16, false, false, 0.1f, 0f)), 1e-3, "VBatt");
        }

        [TestMethod]
        public void Decode_should_join_nibble_and_byte_when_motorola_12_bit_field_crosses_bytes()
        {
            // 11|12@0+: MSB = byte 1 bit 3; bits byte1[3..0] then byte2[7..0]. byte1 = A5, byte2 = 3C -> 0x53C = 1340.
            CanFrame f = Frame(0x123, new byte[] { 0xFF, 0xA5, 0x3C, 0xFF, 0, 0, 0, 0 });
            Check.Near(1340.0, DecodeOk(f, SignalDef.Create(0x123, false, 11, 12, true, false, 1f, 0f)), 0, "unsigned");

            // Signed variant: byte1 low nibble F, byte2 FF -> 0xFFF = -1; with factor 0.5 offset 10 -> 9.5.
            CanFrame g = Frame(0x123, new byte[] { 0, 0x0F, 0xFF, 0, 0, 0, 0, 0 });
            Check.Near(9.5, DecodeOk(g, SignalDef.Create(0x123, false, 11, 12, true, true, 0.5f, 10f)), 0, "signed");
        }

        [TestMethod]
        public void Decode_should_give_0A_355V_when_egolf_intel_12_bit_fields_cross_bytes()
        {
            // vwegolf.dbc 0x191: BatCurrent 12|12@1+ (1,-2047), BatVoltage 24|12@1+ (0.25,0).
            // raw I 2047 = 0x7FF: low nibble F in byte1 bits 4..7 (F0), high 8 bits in byte2 (7F).
            // raw V 1420 = 0x58C: byte3 = 8C, byte4 low nibble = 5.
            CanFrame f = Frame(0x191, new byte[] { 0x00, 0xF0, 0x7F, 0x8C, 0x05, 0x00, 0x00, 0x00 });
            Check.Near(0.0, DecodeOk(f, SignalDef.Create(0x191, false, 12, 12, false, false, 1f, -2047f)), 0, "BatCurrent");
            Check.Near(355.0, DecodeOk(f, SignalDef.Create(0x191, false, 24, 12, false, false, 0.25f, 0f)), 0, "BatVoltage");
        }

        [TestMethod]
        public void Decode_should_report_TooShort_when_frame_is_shorter_than_signal()
        {
            // Speed 32|16@1+ needs 6 bytes; a 5-byte frame must not yield a value.
            CanFrame f = Frame(0x0FD, new byte[] { 0, 0, 0, 0, 0xE8 });
            SignalDef speed = SignalDef.Create(0x0FD, false, 32, 16, false, false, 0.01f, 0f);
            ulong raw;
            float value;
            Assert.AreEqual(DecodeStatus.TooShort, SignalCodec.Decode(ref f, ref speed, out raw, out value));
            Assert.AreEqual(6, SignalCodec.BytesNeeded(32, 16, false));

            // Motorola 47|8 needs 6 bytes (byte 5).
            Assert.AreEqual(6, SignalCodec.BytesNeeded(47, 8, true));
            Assert.IsFalse(SignalCodec.Fits(47, 8, true, 5));
            Assert.IsTrue(SignalCodec.Fits(47, 8, true, 6));

            // Motorola field running past byte 7: 60|8@0+ = byte7 bits 4..0 then "byte 8".
            Assert.IsFalse(SignalCodec.Fits(60, 8, true, 8));
        }

        [TestMethod]
        public void Decode_should_follow_the_multiplexor_when_signal_is_multiplexed()
        {
            // Mux switch 0|8@1+; signal 8|16@1+ present only for mux value 2.
            SignalDef s = SignalDef.Create(0x300, false, 8, 16, false, false, 1f, 0f);
            s.SetMultiplexor(0, 8, false, 2);
            ulong raw;
            float value;
            CanFrame match = Frame(0x300, new byte[] { 2, 0x34, 0x12, 0, 0, 0, 0, 0 });
            Assert.AreEqual(DecodeStatus.Ok, SignalCodec.Decode(ref match, ref s, out raw, out value));
            Check.Near(0x1234, value, 0, "mux 2");
            CanFrame other = Frame(0x300, new byte[] { 3, 0x34, 0x12, 0, 0, 0, 0, 0 });
            Assert.AreEqual(DecodeStatus.MuxMismatch, SignalCodec.Decode(ref other, ref s, out raw, out value));

            // Encoding writes the multiplexor value too.
            CanFrame enc = Frame(0x300, new byte[8]);
            Assert.IsTrue(SignalCodec.TryEncode(ref enc, ref s, 0x0BEE));
            Assert.AreEqual((byte)2, enc.GetByte(0));
            Assert.AreEqual((byte)0xEE, enc.GetByte(1));
            Assert.AreEqual((byte)0x0B, enc.GetByte(2));
        }

        [TestMethod]
        public void Encode_should_write_golden_bytes_when_encoding_motorola_and_signed_intel()
        {
            CanFrame f = Frame(0x594, new byte[8]);
            SignalDef soc = SignalDef.Create(0x594, false, 47, 8, true, false, 0.5f, 0f);
            Assert.IsTrue(SignalCodec.TryEncode(ref f, ref soc, 35.5));
            Assert.AreEqual(0x0000470000000000UL, f.Data);

            SignalDef ibatt = SignalDef.Create(0x595, false, 32, 16, false, true, 0.1f, 0f);
            Assert.IsTrue(SignalCodec.TryEncode(ref f, ref ibatt, -10.0));
            Assert.AreEqual((byte)0x9C, f.GetByte(4));
            Assert.AreEqual((byte)0xFF, f.GetByte(5));

            SignalDef cross = SignalDef.Create(0x123, false, 11, 12, true, false, 1f, 0f);
            CanFrame g = Frame(0x123, new byte[8]);
            Assert.IsTrue(SignalCodec.TryEncode(ref g, ref cross, 1340));
            Assert.AreEqual((byte)0x05, g.GetByte(1));
            Assert.AreEqual((byte)0x3C, g.GetByte(2));
        }

        [TestMethod]
        public void Encode_should_refuse_when_value_outside_raw_range_or_frame_too_short()
        {
            SignalDef soc = SignalDef.Create(0x131, false, 24, 8, false, false, 0.5f, 0f);
            CanFrame f = Frame(0x131, new byte[8]);
            Assert.IsFalse(SignalCodec.TryEncode(ref f, ref soc, 128.0), "raw 256 does not fit 8 bits");
            Assert.IsFalse(SignalCodec.TryEncode(ref f, ref soc, -0.5), "negative raw for unsigned");
            Assert.AreEqual(0UL, f.Data, "frame unchanged");
            CanFrame shortFrame = Frame(0x131, new byte[3]);
            Assert.IsFalse(SignalCodec.TryEncode(ref shortFrame, ref soc, 50.0), "needs 4 bytes");
            SignalDef s8 = SignalDef.Create(1, false, 0, 8, false, true, 1f, 0f);
            Assert.IsTrue(SignalCodec.TryEncode(ref f, ref s8, -128.0));
            Assert.IsFalse(SignalCodec.TryEncode(ref f, ref s8, 128.0));
        }
    }
}
