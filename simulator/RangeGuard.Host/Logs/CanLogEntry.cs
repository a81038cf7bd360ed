using RangeGuard.Can;

namespace RangeGuard.Host.Logs
{
    /// <summary>
    /// One frame read from a log: the frame (its TimestampMs = log time in whole ms, Bus = the log's bus number),
    /// the exact log time in microseconds, and the 1-based line it came from.
    /// </summary>
    public readonly record struct CanLogEntry(CanFrame Frame, long TimestampUs, int LineNumber);

    /// <summary>A line that could not be read: which source, line and field, and why.</summary>
    public sealed record CanLogError(string Source, int LineNumber, string Field, string Reason)
    {
        public override string ToString() => $"{Source}:{LineNumber}: {Field}: {Reason}";
    }

    public enum CanLogFormat
    {
        /// <summary>SocketCAN <c>candump -l</c>: <c>(1436509052.249713) can0 123#DEADBEEF</c>.</summary>
        Candump,

        /// <summary>SavvyCAN GVRET CSV: <c>Time Stamp,ID,Extended,[Dir,]Bus,LEN,D1..D8</c>.</summary>
        GvretCsv,

        /// <summary>OVMS CRTD: <c>1705316400.050000 3R11 131 00 00 00 79 00 00 00 00</c>.</summary>
        Crtd,
    }
}
