namespace RangeGuard.Dbc
{
    /// <summary>
    /// One DBC signal, as a value type so a map is a flat array (no per-signal objects on the device heap).
    /// Bit numbering follows DBC: byte i bit b is bit 8*i+b. Intel (@1): StartBit is the LSB.
    /// Motorola (@0): StartBit is the MSB, in the same "sawtooth" numbering, and the signal continues
    /// into bit 7 of the next byte.
    /// </summary>
    public struct SignalDef
    {
        /// <summary>11- or 29-bit CAN id (no flag bits).</summary>
        public uint MessageId;

        public bool IsExtended;

        /// <summary>DBC start bit (LSB for Intel, MSB for Motorola).</summary>
        public int StartBit;

        /// <summary>Length in bits, 1..64.</summary>
        public int Length;

        /// <summary>True for Motorola / big-endian (@0), false for Intel / little-endian (@1).</summary>
        public bool IsMotorola;

        /// <summary>Two's complement (@x-).</summary>
        public bool IsSigned;

        public float Factor;
        public float Offset;

        /// <summary>DBC [min|max] range, informational (frames may carry values outside it).</summary>
        public float Min;
        public float Max;

        /// <summary>True if this signal is only present when a multiplexor field has <see cref="MuxValue"/>.</summary>
        public bool IsMultiplexed;

        /// <summary>Layout of the multiplexor (switch) field, copied in so decoding needs no cross-reference.</summary>
        public int MuxStartBit;
        public int MuxLength;
        public bool MuxIsMotorola;
        public uint MuxValue;

        /// <summary>Makes a plain (non-multiplexed) signal.</summary>
        public static SignalDef Create(uint messageId, bool isExtended, int startBit, int length, bool isMotorola, bool isSigned, float factor, float offset)
        {
            SignalDef s = new SignalDef();
            s.MessageId = messageId;
            s.IsExtended = isExtended;
            s.StartBit = startBit;
            s.Length = length;
            s.IsMotorola = isMotorola;
            s.IsSigned = isSigned;
            s.Factor = factor;
            s.Offset = offset;
            s.Min = float.MinValue;
            s.Max = float.MaxValue;
            return s;
        }

        /// <summary>Makes this signal depend on a multiplexor field (same byte-order rules as a signal).</summary>
        public void SetMultiplexor(int muxStartBit, int muxLength, bool muxIsMotorola, uint muxValue)
        {
            IsMultiplexed = true;
            MuxStartBit = muxStartBit;
            MuxLength = muxLength;
            MuxIsMotorola = muxIsMotorola;
            MuxValue = muxValue;
        }
    }
}
