using System.Globalization;
using RangeGuard.Host.Logs;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>The one-line reason a log gave nothing to decode (replay and profile check exit 2 with it), or null.</summary>
    internal static class LogProblem
    {
        public static string? Describe(string logName, CanLogReader reader, long frames, long matchedFrames, string profile)
        {
            if (frames == 0 && reader.MalformedLines == 0)
            {
                return $"{logName}: the log is empty: no frames ({N(reader.SkippedLines)} blank or comment lines)";
            }

            if (frames == 0)
            {
                string first = reader.Errors.Count > 0 ? $"; line {reader.Errors[0].LineNumber}: {reader.Errors[0].Field}: {reader.Errors[0].Reason}" : "";
                return $"{logName}: not a {FormatName(reader.Format)} CAN log: none of its {N(reader.MalformedLines + reader.SkippedLines)} lines is a frame{first}";
            }

            if (matchedFrames == 0)
            {
                return $"0 of {N(frames)} frames matched profile {profile}: wrong profile or bus? (`rangeguard profile check {profile} {logName}` lists the ids the log carries)";
            }

            return null;
        }

        private static string FormatName(CanLogFormat format) => format switch
        {
            CanLogFormat.Candump => "candump",
            CanLogFormat.GvretCsv => "SavvyCAN GVRET CSV",
            _ => "OVMS CRTD",
        };

        private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    }
}
