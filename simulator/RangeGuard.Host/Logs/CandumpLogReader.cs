using System;
using RangeGuard.Can;

namespace RangeGuard.Host.Logs
{
    /// <summary>
    /// SocketCAN <c>candump -l</c> log: <c>(1436509052.249713) can0 123#DEADBEEF</c>. Ids of 3 hex digits are standard,
    /// 8 digits extended; <c>123#R</c> / <c>123#R5</c> are remote frames (with optional length). Ids with the error flag
    /// (0x20000000) are error frames and skipped; CAN FD (<c>##</c>) is reported as unsupported.
    /// Bus = the interface name's trailing number (can0 -> 0, vcan1 -> 1; 0 if it has none).
    /// </summary>
    public sealed class CandumpLogReader : CanLogReader
    {
        private const uint ErrorFlag = 0x20000000;

        public CandumpLogReader(string source)
            : base(source)
        {
        }

        public override CanLogFormat Format => CanLogFormat.Candump;

        protected override LineResult ParseLine(string line, int lineNumber, out CanFrame frame, out long timestampUs)
        {
            frame = new CanFrame();
            timestampUs = 0;
            if (line[0] == '#')
            {
                return LineResult.Skip;
            }

            int close = line.IndexOf(')');
            if (line[0] != '(' || close < 0)
            {
                return LineResult.Bad("timestamp", "line does not start with '(seconds.micros)'");
            }

            string stamp = line.Substring(1, close - 1);
            if (!TryParseSecondsToUs(stamp, out timestampUs))
            {
                return LineResult.Bad("timestamp", $"'{stamp}' is not seconds.fraction");
            }

            string[] parts = line.Substring(close + 1).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts.Length > 3)
            {
                return LineResult.Bad("frame", "expected '<interface> <id>#<data>' after the timestamp");
            }

            frame.Bus = BusOf(parts[0]);
            string text = parts[1];
            int hash = text.IndexOf('#');
            if (hash < 0)
            {
                return LineResult.Bad("frame", $"'{text}' has no '#'");
            }

            if (hash + 1 < text.Length && text[hash + 1] == '#')
            {
                return LineResult.Bad("frame", "CAN FD frame (##) not supported");
            }

            string idText = text.Substring(0, hash);
            if ((idText.Length != 3 && idText.Length != 8) || !TryParseHex(idText, out uint id))
            {
                return LineResult.Bad("id", $"'{idText}' is not 3 (standard) or 8 (extended) hex digits");
            }

            bool extended = idText.Length == 8;
            if (extended && (id & ErrorFlag) != 0)
            {
                return LineResult.Skip;
            }

            string? idProblem = IdRangeProblem(id, extended);
            if (idProblem != null)
            {
                return LineResult.Bad("id", idProblem);
            }

            frame.Id = id;
            frame.IsExtended = extended;
            string data = text.Substring(hash + 1);
            if (data.Length > 0 && (data[0] == 'R' || data[0] == 'r'))
            {
                frame.IsRemote = true;
                if (data.Length == 1)
                {
                    return LineResult.Ok;
                }

                if (data.Length == 2 && data[1] >= '0' && data[1] <= '8')
                {
                    frame.Length = (byte)(data[1] - '0');
                    return LineResult.Ok;
                }

                return LineResult.Bad("data", $"remote frame '{data}' must be R or R0..R8");
            }

            int underscore = data.IndexOf('_');
            if (underscore >= 0)
            {
                data = data.Substring(0, underscore); // "_<dlc>" raw DLC 9..F of an 8-byte frame: the bytes are what count
            }

            data = data.Replace(".", string.Empty, StringComparison.Ordinal); // candump's optional byte separators
            if (data.Length % 2 != 0 || data.Length > 16)
            {
                return LineResult.Bad("data", $"'{data}' is not 0..8 hex byte pairs");
            }

            for (int i = 0; i < data.Length / 2; i++)
            {
                if (!TryParseByte(data.Substring(2 * i, 2), out byte b))
                {
                    return LineResult.Bad("data", $"byte {i} '{data.Substring(2 * i, 2)}' is not hex");
                }

                frame.SetByte(i, b);
            }

            frame.Length = (byte)(data.Length / 2);
            return LineResult.Ok;
        }

        private static byte BusOf(string iface)
        {
            int start = iface.Length;
            while (start > 0 && char.IsAsciiDigit(iface[start - 1]))
            {
                start--;
            }

            return start < iface.Length && int.TryParse(iface.AsSpan(start), out int n) && n <= 255 ? (byte)n : (byte)0;
        }
    }
}
