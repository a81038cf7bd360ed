namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// Classifies and decodes one SLCAN (Lawicel) line, given without its terminator. Never throws on bad
    /// content and never allocates: the result is an enum, a <see cref="CanFrame"/> struct and an int.
    /// Checks run shape first (type, header length, DLC, total length) and content second (hex, ranges),
    /// so a bad line is reported as the first problem found.
    /// </summary>
    public static class SlcanParser
    {
        /// <summary>Longest valid line without terminator: <c>T</c> + 8 id + 1 DLC + 16 data + 4 timestamp.</summary>
        public const int MaxLineLength = 30;

        /// <summary>Largest timestamp a bridge sends (ms within the minute).</summary>
        public const int MaxTimestampMs = 0xEA5F;

        /// <summary>
        /// Parses <paramref name="length"/> bytes at <paramref name="offset"/>. For <see cref="SlcanLineKind.Frame"/>,
        /// <paramref name="frame"/> holds the frame (TimestampMs = bridge timestamp 0..59999, or -1 without one; Bus 0);
        /// <paramref name="value"/> holds the bit rate code, timestamp flag or packed reply characters where the kind has one.
        /// </summary>
        public static SlcanLineKind Parse(byte[] line, int offset, int length, out CanFrame frame, out int value)
        {
            value = 0;
            byte type = length > 0 && length <= MaxLineLength ? line[offset] : (byte)0;
            if (type == (byte)'t' || type == (byte)'T' || type == (byte)'r' || type == (byte)'R')
            {
                return ParseFrameLine(line, offset, length, out frame);
            }

            frame = new CanFrame();
            frame.TimestampMs = -1;
            if (length == 0)
            {
                return SlcanLineKind.Ok;
            }

            if (length > MaxLineLength)
            {
                return SlcanLineKind.Overflow;
            }

            switch (type)
            {
                case (byte)'C':
                    return length == 1 ? SlcanLineKind.Close : SlcanLineKind.LengthMismatch;
                case (byte)'L':
                    return length == 1 ? SlcanLineKind.OpenListenOnly : SlcanLineKind.LengthMismatch;
                case (byte)'O':
                    return length == 1 ? SlcanLineKind.OpenNormal : SlcanLineKind.LengthMismatch;
                case (byte)'z':
                    return length == 1 ? SlcanLineKind.TransmitAck : SlcanLineKind.LengthMismatch;
                case (byte)'S':
                    return ParseDigitArgument(line, offset, length, 8, SlcanLineKind.SetBitrate, out value);
                case (byte)'Z':
                    // "Z" alone acknowledges an extended frame; "Z0"/"Z1" switches timestamps.
                    return length == 1 ? SlcanLineKind.TransmitAck : ParseDigitArgument(line, offset, length, 1, SlcanLineKind.SetTimestamps, out value);
                case (byte)'V':
                    return ParseQueryOrReply(line, offset, length, SlcanLineKind.VersionQuery, SlcanLineKind.VersionReply, out value);
                case (byte)'N':
                    return ParseQueryOrReply(line, offset, length, SlcanLineKind.SerialQuery, SlcanLineKind.SerialReply, out value);
                case (byte)'M':
                    return ParseRegisters(line, offset, length, SlcanLineKind.SetAcceptanceCode, out value);
                case (byte)'m':
                    return ParseRegisters(line, offset, length, SlcanLineKind.SetAcceptanceMask, out value);
                default:
                    return SlcanLineKind.UnknownCommand;
            }
        }

        /// <summary>True for the kinds that are parse errors.</summary>
        public static bool IsError(SlcanLineKind kind)
        {
            return kind >= SlcanLineKind.FirstError;
        }

        /// <summary>Packs four ASCII characters (as in <c>V1013</c>) big-endian into an int: "1013" -> 0x31303133.</summary>
        public static int PackChars(byte c0, byte c1, byte c2, byte c3)
        {
            return (c0 << 24) | (c1 << 16) | (c2 << 8) | c3;
        }

        /// <summary>The four characters of a packed reply value (allocates: for display, not per frame).</summary>
        public static string UnpackChars(int packed)
        {
            char[] chars = new char[4];
            for (int i = 0; i < 4; i++)
            {
                chars[i] = (char)((packed >> (24 - (8 * i))) & 0xFF);
            }

            return new string(chars);
        }

        /// <summary>Value of one hex digit (either case), or -1.</summary>
        public static int HexValue(byte c)
        {
            return HexDigits[c];
        }

        // The value of every byte as a hex digit, -1 where it is none: one array read per digit, where the interpreter pays
        // for each comparison of a range test.
        private static readonly sbyte[] HexDigits = BuildHexDigits();

        private static sbyte[] BuildHexDigits()
        {
            sbyte[] t = new sbyte[256];
            for (int c = 0; c < t.Length; c++)
            {
                t[c] = (sbyte)(c >= '0' && c <= '9' ? c - '0' : (c >= 'A' && c <= 'F' ? c - 'A' + 10 : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1)));
            }

            return t;
        }

        /// <summary>
        /// <see cref="Parse"/> for a line that starts with t, r, T or R (the line assembler calls it directly: one
        /// stack frame on the interpreter, no dispatch on the type letter).
        /// </summary>
        internal static SlcanLineKind ParseFrameLine(byte[] line, int offset, int length, out CanFrame frame)
        {
            frame = new CanFrame();
            frame.TimestampMs = -1;
            if (length > MaxLineLength)
            {
                return SlcanLineKind.Overflow;
            }

            byte type = line[offset];
            bool extended = type < (byte)'a'; // T or R (of t, r, T, R: a test each, not two)
            bool remote = (type | 0x20) == (byte)'r';
            int header = extended ? 10 : 5; // type letter, 8 or 3 id digits, DLC
            if (length < header)
            {
                return SlcanLineKind.LengthMismatch;
            }

            int dlc = line[offset + header - 1] - '0';
            if (dlc < 0 || dlc > 8)
            {
                return SlcanLineKind.BadDlc;
            }

            int payloadDigits = remote ? 0 : 2 * dlc;
            int timestampDigits = length - header - payloadDigits;
            if (timestampDigits != 0 && timestampDigits != 4)
            {
                return SlcanLineKind.LengthMismatch;
            }

            // Hex digits converted inline through the table, a bad digit found from the sign of what it went into (-1 in
            // the table, sign-extended on purpose: CS0675 off): on the interpreter a call or a test per digit costs more
            // than the rest of the parse.
#pragma warning disable CS0675
            sbyte[] hex = HexDigits;
            uint id;
            if (extended)
            {
                id = 0;
                for (int q = offset + 1; q < offset + 9; q++)
                {
                    int d = hex[line[q]];
                    if (d < 0)
                    {
                        return SlcanLineKind.BadHex;
                    }

                    id = (id << 4) | (uint)d;
                }

                if (id > CanFrame.MaxExtendedId)
                {
                    return SlcanLineKind.IdOutOfRange;
                }
            }
            else
            {
                int digits = (hex[line[offset + 1]] << 8) | (hex[line[offset + 2]] << 4) | hex[line[offset + 3]];
                if (digits < 0)
                {
                    return SlcanLineKind.BadHex;
                }

                if (digits > CanFrame.MaxStandardId)
                {
                    return SlcanLineKind.IdOutOfRange;
                }

                id = (uint)digits;
            }

            // The payload from its last byte to its first, two bytes a pass, each shifted in at the bottom (byte 0 ends
            // in bits 0..7); an odd last byte goes first on its own.
            int pos = offset + header;
            ulong data = 0;
            int bad = 0;
            int p = pos + payloadDigits - 2; // the last byte's digits
            if ((payloadDigits & 2) != 0)
            {
                bad = (hex[line[p]] << 4) | hex[line[p + 1]];
                data = (uint)bad;
                p -= 2;
            }

            for (; p > pos; p -= 4)
            {
                int b = (hex[line[p]] << 12) | (hex[line[p + 1]] << 8) | (hex[line[p - 2]] << 4) | hex[line[p - 1]];
                bad |= b;
                data = (data << 16) | (uint)b;
            }

#pragma warning restore CS0675
            if (bad < 0)
            {
                return SlcanLineKind.BadHex;
            }

            long timestamp = -1;
            if (timestampDigits != 0)
            {
                timestamp = ParseHex(line, pos + payloadDigits, 4);
                if (timestamp < 0)
                {
                    return SlcanLineKind.BadHex;
                }

                if (timestamp > MaxTimestampMs)
                {
                    return SlcanLineKind.BadTimestamp;
                }
            }

            frame.Id = id;
            frame.IsExtended = extended;
            frame.IsRemote = remote;
            frame.Length = (byte)dlc;
            frame.Data = data;
            frame.TimestampMs = timestamp;
            return SlcanLineKind.Frame;
        }

        /// <summary><c>M</c>/<c>m</c> with 8 hex digits: the four registers' 32 bits (as an int: the same bits).</summary>
        private static SlcanLineKind ParseRegisters(byte[] line, int offset, int length, SlcanLineKind kind, out int value)
        {
            value = 0;
            if (length != 9)
            {
                return SlcanLineKind.LengthMismatch;
            }

            uint bits = 0;
            for (int i = 1; i < 9; i++)
            {
                int d = HexValue(line[offset + i]);
                if (d < 0)
                {
                    return SlcanLineKind.BadHex;
                }

                bits = (bits << 4) | (uint)d;
            }

            value = RangeGuard.Common.Bits.ToInt32(bits);
            return kind;
        }

        private static SlcanLineKind ParseDigitArgument(byte[] line, int offset, int length, int max, SlcanLineKind kind, out int value)
        {
            value = 0;
            if (length != 2)
            {
                return SlcanLineKind.LengthMismatch;
            }

            int digit = line[offset + 1] - '0';
            if (digit < 0 || digit > max)
            {
                return SlcanLineKind.BadArgument;
            }

            value = digit;
            return kind;
        }

        private static SlcanLineKind ParseQueryOrReply(byte[] line, int offset, int length, SlcanLineKind query, SlcanLineKind reply, out int value)
        {
            value = 0;
            if (length == 1)
            {
                return query;
            }

            if (length != 5)
            {
                return SlcanLineKind.LengthMismatch;
            }

            for (int i = 1; i < 5; i++)
            {
                byte c = line[offset + i];
                if (c < 0x20 || c > 0x7E)
                {
                    // Versions and serials are printable ASCII; anything else is line noise.
                    return SlcanLineKind.BadArgument;
                }
            }

            value = PackChars(line[offset + 1], line[offset + 2], line[offset + 3], line[offset + 4]);
            return reply;
        }

        /// <summary>Unsigned value of <paramref name="digits"/> hex digits (at most 8), or -1 if one is not hex.</summary>
        private static long ParseHex(byte[] line, int offset, int digits)
        {
            long v = 0;
            for (int i = 0; i < digits; i++)
            {
                int d = HexValue(line[offset + i]);
                if (d < 0)
                {
                    return -1;
                }

                v = (v << 4) | (uint)d;
            }

            return v;
        }
    }
}
