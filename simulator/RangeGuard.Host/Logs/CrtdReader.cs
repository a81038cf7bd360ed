using System;
using RangeGuard.Can;

namespace RangeGuard.Host.Logs
{
    /// <summary>
    /// OVMS CRTD: <c>&lt;unix s.frac&gt; &lt;bus&gt;&lt;R|T&gt;&lt;11|29&gt; &lt;hexid&gt; &lt;bytes...&gt;</c>, e.g.
    /// <c>1705316400.050000 3R11 131 00 00 00 79 00 00 00 00</c>. <c>#</c> lines are comments; other record types
    /// (<c>3CER</c> CAN errors, <c>CXX</c> comments, statistics) are skipped. Bus = the record's bus number as written
    /// (OVMS numbers buses from 1; a missing number means 1). Transmitted (T) frames are frames on the bus too.
    /// </summary>
    public sealed class CrtdReader : CanLogReader
    {
        public CrtdReader(string source)
            : base(source)
        {
        }

        public override CanLogFormat Format => CanLogFormat.Crtd;

        protected override LineResult ParseLine(string line, int lineNumber, out CanFrame frame, out long timestampUs)
        {
            frame = new CanFrame();
            timestampUs = 0;
            if (line[0] == '#')
            {
                return LineResult.Skip;
            }

            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (!TryParseSecondsToUs(parts[0], out timestampUs))
            {
                return LineResult.Bad("timestamp", $"'{parts[0]}' is not unix seconds.fraction");
            }

            if (parts.Length < 2)
            {
                return LineResult.Bad("record", "no record type after the timestamp");
            }

            string type = parts[1];
            int digits = 0;
            while (digits < type.Length && char.IsAsciiDigit(type[digits]))
            {
                digits++;
            }

            string kind = type.Substring(digits);
            bool extended;
            if (kind is "R11" or "T11")
            {
                extended = false;
            }
            else if (kind is "R29" or "T29")
            {
                extended = true;
            }
            else
            {
                return LineResult.Skip;
            }

            if (digits == 0)
            {
                frame.Bus = 1;
            }
            else if (!byte.TryParse(type.AsSpan(0, digits), out frame.Bus))
            {
                return LineResult.Bad("bus", $"bus '{type.Substring(0, digits)}' is above 255");
            }

            if (parts.Length < 3 || !TryParseHex(parts[2], out uint id))
            {
                return LineResult.Bad("id", parts.Length < 3 ? "missing" : $"'{parts[2]}' is not hex");
            }

            string? idProblem = IdRangeProblem(id, extended);
            if (idProblem != null)
            {
                return LineResult.Bad("id", idProblem);
            }

            int count = parts.Length - 3;
            if (count > 8)
            {
                return LineResult.Bad("data", $"{count} bytes; classic CAN carries at most 8");
            }

            for (int i = 0; i < count; i++)
            {
                if (!TryParseByte(parts[3 + i], out byte b))
                {
                    return LineResult.Bad("data", $"byte {i} '{parts[3 + i]}' is not hex");
                }

                frame.SetByte(i, b);
            }

            frame.Id = id;
            frame.IsExtended = extended;
            frame.Length = (byte)count;
            return LineResult.Ok;
        }
    }
}
