namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// What one SLCAN (Lawicel) line turned out to be. Values below <see cref="FirstError"/> are valid lines;
    /// the rest are the ways a line can be bad (each bad line counts as exactly one kind, the first check it fails).
    /// </summary>
    public enum SlcanLineKind
    {
        /// <summary>No complete line yet (the receiver consumed all bytes it was given).</summary>
        None = 0,

        /// <summary><c>tiiiL..</c>, <c>Tiiiiiiii L..</c>, <c>riiiL</c>, <c>RiiiiiiiiL</c>, optional 4-hex-digit timestamp.</summary>
        Frame = 1,

        /// <summary>Empty line: the bridge's OK reply (<c>\r</c>).</summary>
        Ok = 2,

        /// <summary>BEL (0x07): the bridge's error reply.</summary>
        ErrorReply = 3,

        /// <summary><c>Vhhhh</c>: value = the four characters packed (see <see cref="SlcanParser.PackChars"/>).</summary>
        VersionReply = 4,

        /// <summary><c>Nxxxx</c>: value = the four characters packed.</summary>
        SerialReply = 5,

        /// <summary><c>z</c> / <c>Z</c>: the bridge accepted a frame for transmission.</summary>
        TransmitAck = 6,

        /// <summary><c>C</c>: close the channel.</summary>
        Close = 7,

        /// <summary><c>Sn</c>: bit rate code n = 0..8 (value).</summary>
        SetBitrate = 8,

        /// <summary><c>L</c>: open listen-only (never acknowledges or transmits on the bus).</summary>
        OpenListenOnly = 9,

        /// <summary><c>O</c>: open normal (may transmit).</summary>
        OpenNormal = 10,

        /// <summary><c>Z0</c> / <c>Z1</c>: receive timestamps off/on (value 0/1).</summary>
        SetTimestamps = 11,

        /// <summary><c>V</c>: version query.</summary>
        VersionQuery = 12,

        /// <summary><c>N</c>: serial number query.</summary>
        SerialQuery = 13,

        /// <summary><c>Mxxxxxxxx</c>: acceptance code registers (SJA1000 bridges; value = the 32 bits, AC0 highest).</summary>
        SetAcceptanceCode = 14,

        /// <summary><c>mxxxxxxxx</c>: acceptance mask registers (value = the 32 bits, AM0 highest).</summary>
        SetAcceptanceMask = 15,

        /// <summary>First error kind; every kind from here on is a parse error.</summary>
        FirstError = 20,

        /// <summary>A character that should be a hex digit is not.</summary>
        BadHex = 20,

        /// <summary>Frame DLC character not '0'..'8'.</summary>
        BadDlc = 21,

        /// <summary>Line length does not fit its type (payload shorter/longer than the DLC says, header cut short, ...).</summary>
        LengthMismatch = 22,

        /// <summary>Standard id above 0x7FF or extended id above 0x1FFFFFFF.</summary>
        IdOutOfRange = 23,

        /// <summary>Timestamp above 0xEA5F (59999 ms).</summary>
        BadTimestamp = 24,

        /// <summary>Known command with an argument out of range (<c>S9</c>, <c>Z2</c>).</summary>
        BadArgument = 25,

        /// <summary>First character is no command or frame type this side understands.</summary>
        UnknownCommand = 26,

        /// <summary>Line longer than the longest valid line; discarded up to the next terminator, counted once.</summary>
        Overflow = 27,

        /// <summary>Partial line cut off by a BEL (or dropped by <see cref="SlcanReceiver.Reset"/>).</summary>
        Truncated = 28,

        /// <summary>One past the last kind (array size for per-kind counters).</summary>
        Count = 29
    }
}
