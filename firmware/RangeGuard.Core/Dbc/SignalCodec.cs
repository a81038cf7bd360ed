using RangeGuard.Can;

namespace RangeGuard.Dbc
{
    /// <summary>Result of <see cref="SignalCodec.Decode"/>.</summary>
    public static class DecodeStatus
    {
        public const int Ok = 0;

        /// <summary>The frame's actual length does not cover the signal (or its multiplexor).</summary>
        public const int TooShort = 1;

        /// <summary>Multiplexed signal whose multiplexor value is not the one it belongs to: not present.</summary>
        public const int MuxMismatch = 2;

        /// <summary>Remote frame: no payload.</summary>
        public const int Remote = 3;
    }

    /// <summary>
    /// DBC bit extraction and insertion on <see cref="CanFrame.Data"/> (byte 0 in bits 0..7). Allocates nothing.
    /// Motorola signals are handled on the byte-swapped word, where a big-endian bit field is contiguous:
    /// DBC bit (8*i + b) has big-endian position 8*i + (7 - b), counted from the top of the word.
    /// </summary>
    public static class SignalCodec
    {
        /// <summary>Mask of the low <paramref name="length"/> bits (1..64).</summary>
        public static ulong Mask(int length)
        {
            return length >= 64 ? ulong.MaxValue : (1UL << length) - 1UL;
        }

        /// <summary>Reverses the byte order of a 64-bit word.</summary>
        public static ulong SwapBytes(ulong x)
        {
            x = ((x & 0x00FF00FF00FF00FFUL) << 8) | ((x >> 8) & 0x00FF00FF00FF00FFUL);
            x = ((x & 0x0000FFFF0000FFFFUL) << 16) | ((x >> 16) & 0x0000FFFF0000FFFFUL);
            return (x << 32) | (x >> 32);
        }

        /// <summary>Big-endian position (0 = bit 7 of byte 0) of a Motorola start bit (its MSB).</summary>
        public static int MotorolaMsbPosition(int startBit)
        {
            return (startBit & ~7) + (7 - (startBit & 7));
        }

        /// <summary>Number of payload bytes a field needs: the frame must be at least this long.</summary>
        public static int BytesNeeded(int startBit, int length, bool isMotorola)
        {
            int endExclusive = isMotorola ? MotorolaMsbPosition(startBit) + length : startBit + length;
            return (endExclusive + 7) / 8;
        }

        /// <summary>True if the field is well formed and lies inside <paramref name="byteCount"/> bytes (at most 8).</summary>
        public static bool Fits(int startBit, int length, bool isMotorola, int byteCount)
        {
            if (length < 1 || length > 64 || startBit < 0 || startBit > 63 || byteCount < 0)
            {
                return false;
            }

            int limit = byteCount > 8 ? 64 : byteCount * 8;
            int endExclusive = isMotorola ? MotorolaMsbPosition(startBit) + length : startBit + length;
            return endExclusive <= limit;
        }

        /// <summary>Unsigned bits of a field; the field must fit in 64 bits (see <see cref="Fits"/>).</summary>
        public static ulong ExtractBits(ulong data, int startBit, int length, bool isMotorola)
        {
            if (isMotorola)
            {
                int shift = 64 - MotorolaMsbPosition(startBit) - length;
                return (SwapBytes(data) >> shift) & Mask(length);
            }

            return (data >> startBit) & Mask(length);
        }

        /// <summary>Returns <paramref name="data"/> with the field replaced by the low bits of <paramref name="raw"/>.</summary>
        public static ulong InsertBits(ulong data, int startBit, int length, bool isMotorola, ulong raw)
        {
            ulong mask = Mask(length);
            raw &= mask;
            if (isMotorola)
            {
                int shift = 64 - MotorolaMsbPosition(startBit) - length;
                ulong swapped = SwapBytes(data);
                swapped = (swapped & ~(mask << shift)) | (raw << shift);
                return SwapBytes(swapped);
            }

            return (data & ~(mask << startBit)) | (raw << startBit);
        }

        /// <summary>Two's complement interpretation of the low <paramref name="length"/> bits.</summary>
        public static long SignExtend(ulong raw, int length)
        {
            // Arithmetic, not (long)raw: that cast keeps the unsigned tag on the interpreter (Bits).
            return RangeGuard.Common.Bits.SignExtend(raw, length);
        }

        /// <summary>raw * factor + offset, with sign extension for signed signals.</summary>
        public static float ToPhysical(ulong raw, ref SignalDef signal)
        {
            float value = signal.IsSigned ? (float)SignExtend(raw, signal.Length) : (float)raw;
            return value * signal.Factor + signal.Offset;
        }

        /// <summary>
        /// Decodes one signal. Returns a <see cref="DecodeStatus"/>; on Ok, <paramref name="raw"/> holds the unsigned
        /// bits (for sentinel checks) and <paramref name="physical"/> the scaled value.
        /// </summary>
        public static int Decode(ref CanFrame frame, ref SignalDef signal, out ulong raw, out float physical)
        {
            raw = 0;
            physical = 0f;
            if (frame.IsRemote)
            {
                return DecodeStatus.Remote;
            }

            if (signal.IsMultiplexed)
            {
                if (!Fits(signal.MuxStartBit, signal.MuxLength, signal.MuxIsMotorola, frame.Length))
                {
                    return DecodeStatus.TooShort;
                }

                if (ExtractBits(frame.Data, signal.MuxStartBit, signal.MuxLength, signal.MuxIsMotorola) != signal.MuxValue)
                {
                    return DecodeStatus.MuxMismatch;
                }
            }

            // Fits, ExtractBits, Mask and ToPhysical written out: this runs for every signal of every frame, and on the
            // interpreter each call of a static method is a full stack frame, more work than the arithmetic itself.
            int start = signal.StartBit;
            int length = signal.Length;
            bool motorola = signal.IsMotorola;
            int msb = motorola ? (start & ~7) + (7 - (start & 7)) : start;
            int limit = frame.Length > 8 ? 64 : frame.Length * 8;
            if (length < 1 || length > 64 || start < 0 || start > 63 || msb + length > limit)
            {
                return DecodeStatus.TooShort;
            }

            ulong bits = motorola ? SwapBytes(frame.Data) >> (64 - msb - length) : frame.Data >> start;
            raw = bits & (length >= 64 ? ulong.MaxValue : (1UL << length) - 1UL);
            float value = signal.IsSigned ? (float)SignExtend(raw, length) : (float)raw;
            physical = value * signal.Factor + signal.Offset;
            return DecodeStatus.Ok;
        }

        /// <summary>
        /// Physical value to raw bits: round((value - offset) / factor). False if NaN or outside the field's raw range.
        /// </summary>
        public static bool TryToRaw(double physical, ref SignalDef signal, out ulong raw)
        {
            raw = 0;
            if (signal.Factor == 0f || double.IsNaN(physical))
            {
                return false;
            }

            double scaled = RangeGuard.Common.DMath.Floor((physical - signal.Offset) / signal.Factor + 0.5);
            double span = RangeGuard.Common.DMath.Pow2(signal.Length);
            if (signal.IsSigned)
            {
                if (scaled < -span / 2 || scaled > span / 2 - 1)
                {
                    return false;
                }

                raw = (ulong)(long)scaled & Mask(signal.Length);
                return true;
            }

            if (scaled < 0 || scaled > span - 1)
            {
                return false;
            }

            raw = signal.Length >= 64 && scaled >= 9.2233720368547758E18 ? ulong.MaxValue : (ulong)scaled;
            return true;
        }

        /// <summary>
        /// Writes raw bits into the frame (and the multiplexor value for a multiplexed signal).
        /// False, frame unchanged, if the frame's Length does not cover the field.
        /// </summary>
        public static bool TryEncodeRaw(ref CanFrame frame, ref SignalDef signal, ulong raw)
        {
            if (!Fits(signal.StartBit, signal.Length, signal.IsMotorola, frame.Length))
            {
                return false;
            }

            ulong data = frame.Data;
            if (signal.IsMultiplexed)
            {
                if (!Fits(signal.MuxStartBit, signal.MuxLength, signal.MuxIsMotorola, frame.Length))
                {
                    return false;
                }

                data = InsertBits(data, signal.MuxStartBit, signal.MuxLength, signal.MuxIsMotorola, signal.MuxValue);
            }

            frame.Data = InsertBits(data, signal.StartBit, signal.Length, signal.IsMotorola, raw);
            return true;
        }

        /// <summary>Encodes a physical value. False, frame unchanged, if it does not fit the field or the frame.</summary>
        public static bool TryEncode(ref CanFrame frame, ref SignalDef signal, double physical)
        {
            ulong raw;
            return TryToRaw(physical, ref signal, out raw) && TryEncodeRaw(ref frame, ref signal, raw);
        }
    }
}
