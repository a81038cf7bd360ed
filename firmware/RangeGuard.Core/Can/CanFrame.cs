namespace RangeGuard.Can
{
    /// <summary>
    /// One classic CAN frame, as a value type so the receive path allocates nothing.
    /// Payload bytes are packed little-endian into <see cref="Data"/>: byte 0 is bits 0..7.
    /// </summary>
    public struct CanFrame
    {
        /// <summary>Largest extended (29-bit) identifier.</summary>
        public const uint MaxExtendedId = 0x1FFFFFFF;

        /// <summary>Largest standard (11-bit) identifier.</summary>
        public const uint MaxStandardId = 0x7FF;

        /// <summary>11- or 29-bit identifier, without flag bits.</summary>
        public uint Id;

        public bool IsExtended;

        /// <summary>Remote transmission request (no payload, only a length).</summary>
        public bool IsRemote;

        /// <summary>Data length code 0..8.</summary>
        public byte Length;

        /// <summary>Payload, byte i at bits 8*i .. 8*i+7.</summary>
        public ulong Data;

        /// <summary>Bus index the frame came from (logs with several channels); 0 for a single bridge.</summary>
        public byte Bus;

        /// <summary>Receive time in ms (clock of whoever stamped it), or -1 if unknown.</summary>
        public long TimestampMs;

        public byte GetByte(int index)
        {
            return (byte)(Data >> (index * 8));
        }

        public void SetByte(int index, byte value)
        {
            int shift = index * 8;
            Data = (Data & ~(0xFFUL << shift)) | ((ulong)value << shift);
        }
    }
}
