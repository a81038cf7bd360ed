namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// Writes SLCAN lines (with their <c>\r</c> terminator) into a caller's buffer without allocating.
    /// Every method returns the number of bytes written, or 0 when the input cannot be encoded
    /// (id or length out of range, bad argument, buffer too small): encoding is a caller decision, so no exceptions.
    /// </summary>
    public static class SlcanEncoder
    {
        /// <summary>Longest encoded line including the terminator.</summary>
        public const int MaxEncodedLength = SlcanParser.MaxLineLength + 1;

        public const byte Cr = 0x0D;
        public const byte Bel = 0x07;

        private static readonly int[] BitratesBps = { 10000, 20000, 50000, 100000, 125000, 250000, 500000, 800000, 1000000 };

        /// <summary>Lawicel code 0..8 for a CAN bit rate in bit/s (S7 = 800 kbit/s per the Lawicel manual), or -1.</summary>
        public static int BitrateCode(int bitsPerSecond)
        {
            for (int i = 0; i < BitratesBps.Length; i++)
            {
                if (BitratesBps[i] == bitsPerSecond)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Bit rate in bit/s of a Lawicel code 0..8, or -1.</summary>
        public static int BitrateOfCode(int code)
        {
            return code >= 0 && code < BitratesBps.Length ? BitratesBps[code] : -1;
        }

        /// <summary>
        /// Encodes <c>t</c>/<c>T</c>/<c>r</c>/<c>R</c> with upper-case hex. Data bytes beyond Length are ignored.
        /// <paramref name="timestampMs"/> 0..59999 appends the 4-digit timestamp; -1 omits it.
        /// </summary>
        public static int EncodeFrame(CanFrame frame, int timestampMs, byte[] buffer, int offset)
        {
            uint maxId = frame.IsExtended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId;
            if (frame.Id > maxId || frame.Length > 8 || timestampMs < -1 || timestampMs > SlcanParser.MaxTimestampMs)
            {
                return 0;
            }

            int idDigits = frame.IsExtended ? 8 : 3;
            int dataBytes = frame.IsRemote ? 0 : frame.Length;
            int total = 1 + idDigits + 1 + (2 * dataBytes) + (timestampMs >= 0 ? 4 : 0) + 1;
            if (buffer == null || offset < 0 || offset + total > buffer.Length)
            {
                return 0;
            }

            int pos = offset;
            byte type = frame.IsRemote ? (byte)(frame.IsExtended ? 'R' : 'r') : (byte)(frame.IsExtended ? 'T' : 't');
            buffer[pos++] = type;
            pos = WriteHex(frame.Id, idDigits, buffer, pos);
            buffer[pos++] = (byte)('0' + frame.Length);
            for (int i = 0; i < dataBytes; i++)
            {
                pos = WriteHex((uint)frame.GetByte(i), 2, buffer, pos);
            }

            if (timestampMs >= 0)
            {
                pos = WriteHex((uint)timestampMs, 4, buffer, pos);
            }

            buffer[pos++] = Cr;
            return pos - offset;
        }

        /// <summary>
        /// Encodes a non-frame line: commands (<see cref="SlcanLineKind.Close"/>, <see cref="SlcanLineKind.SetBitrate"/> with
        /// value 0..8, <see cref="SlcanLineKind.OpenListenOnly"/>, <see cref="SlcanLineKind.OpenNormal"/>,
        /// <see cref="SlcanLineKind.SetTimestamps"/> with value 0/1, the two queries) and bridge replies
        /// (<see cref="SlcanLineKind.Ok"/>, <see cref="SlcanLineKind.ErrorReply"/>, <see cref="SlcanLineKind.VersionReply"/> and
        /// <see cref="SlcanLineKind.SerialReply"/> with packed characters, <see cref="SlcanLineKind.TransmitAck"/> with value 0 = z, 1 = Z).
        /// </summary>
        public static int EncodeLine(SlcanLineKind kind, int value, byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset + 6 > buffer.Length)
            {
                return 0;
            }

            switch (kind)
            {
                case SlcanLineKind.Ok:
                    buffer[offset] = Cr;
                    return 1;
                case SlcanLineKind.ErrorReply:
                    buffer[offset] = Bel;
                    return 1;
                case SlcanLineKind.Close:
                    return Single((byte)'C', buffer, offset);
                case SlcanLineKind.OpenListenOnly:
                    return Single((byte)'L', buffer, offset);
                case SlcanLineKind.OpenNormal:
                    return Single((byte)'O', buffer, offset);
                case SlcanLineKind.VersionQuery:
                    return Single((byte)'V', buffer, offset);
                case SlcanLineKind.SerialQuery:
                    return Single((byte)'N', buffer, offset);
                case SlcanLineKind.TransmitAck:
                    return value == 0 || value == 1 ? Single(value == 0 ? (byte)'z' : (byte)'Z', buffer, offset) : 0;
                case SlcanLineKind.SetBitrate:
                    return value >= 0 && value <= 8 ? Digit((byte)'S', value, buffer, offset) : 0;
                case SlcanLineKind.SetTimestamps:
                    return value == 0 || value == 1 ? Digit((byte)'Z', value, buffer, offset) : 0;
                case SlcanLineKind.VersionReply:
                    return Reply((byte)'V', value, buffer, offset);
                case SlcanLineKind.SerialReply:
                    return Reply((byte)'N', value, buffer, offset);
                default:
                    return 0;
            }
        }

        /// <summary>
        /// <c>Mxxxxxxxx</c> (<see cref="SlcanLineKind.SetAcceptanceCode"/>) or <c>mxxxxxxxx</c>
        /// (<see cref="SlcanLineKind.SetAcceptanceMask"/>): the four registers, the first (AC0/AM0) in the highest byte.
        /// </summary>
        public static int EncodeRegisters(SlcanLineKind kind, uint registers, byte[] buffer, int offset)
        {
            if ((kind != SlcanLineKind.SetAcceptanceCode && kind != SlcanLineKind.SetAcceptanceMask) || buffer == null || offset < 0 || offset + 10 > buffer.Length)
            {
                return 0;
            }

            buffer[offset] = kind == SlcanLineKind.SetAcceptanceCode ? (byte)'M' : (byte)'m';
            int pos = WriteHex(registers, 8, buffer, offset + 1);
            buffer[pos++] = Cr;
            return pos - offset;
        }

        private static int Single(byte c, byte[] buffer, int offset)
        {
            buffer[offset] = c;
            buffer[offset + 1] = Cr;
            return 2;
        }

        private static int Digit(byte c, int digit, byte[] buffer, int offset)
        {
            buffer[offset] = c;
            buffer[offset + 1] = (byte)('0' + digit);
            buffer[offset + 2] = Cr;
            return 3;
        }

        private static int Reply(byte c, int packed, byte[] buffer, int offset)
        {
            buffer[offset] = c;
            for (int i = 0; i < 4; i++)
            {
                byte ch = (byte)((packed >> (24 - (8 * i))) & 0xFF);
                if (ch < 0x20 || ch > 0x7E)
                {
                    return 0;
                }

                buffer[offset + 1 + i] = ch;
            }

            buffer[offset + 5] = Cr;
            return 6;
        }

        private static int WriteHex(uint value, int digits, byte[] buffer, int pos)
        {
            for (int i = digits - 1; i >= 0; i--)
            {
                int nibble = checked((int)((value >> (4 * i)) & 0xF));   // checked: retypes it as signed on nanoCLR
                buffer[pos++] = (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
            }

            return pos;
        }
    }
}
