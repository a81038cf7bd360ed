using System;
using System.Globalization;
using RangeGuard.Can;

namespace RangeGuard.Host.Logs
{
    /// <summary>
    /// SavvyCAN "GVRET" CSV: a header row, then one frame per row. Columns are found by header name
    /// (<c>Time Stamp</c> in integer microseconds, <c>ID</c> hex, <c>Extended</c> true/false, <c>Bus</c>, <c>LEN</c>,
    /// <c>D1</c>..<c>D8</c>; <c>Dir</c> and other columns are ignored), so files with or without <c>Dir</c> and with
    /// trailing commas all read. Only the first LEN data columns need to be present.
    /// </summary>
    public sealed class GvretCsvReader : CanLogReader
    {
        private static readonly string[] Required = { "Time Stamp", "ID", "Extended", "Bus", "LEN" };

        private int _time = -1;
        private int _id = -1;
        private int _extended = -1;
        private int _bus = -1;
        private int _len = -1;
        private readonly int[] _data = { -1, -1, -1, -1, -1, -1, -1, -1 };
        private string? _headerProblem;
        private bool _headerSeen;

        public GvretCsvReader(string source)
            : base(source)
        {
        }

        public override CanLogFormat Format => CanLogFormat.GvretCsv;

        protected override LineResult ParseLine(string line, int lineNumber, out CanFrame frame, out long timestampUs)
        {
            frame = new CanFrame();
            timestampUs = 0;
            string[] cells = line.Split(',');
            if (!_headerSeen)
            {
                _headerSeen = true;
                _headerProblem = ReadHeader(cells);
                return _headerProblem == null ? LineResult.Skip : LineResult.Bad("header", _headerProblem);
            }

            if (_headerProblem != null)
            {
                return LineResult.Bad("header", "no usable header row, so rows cannot be read");
            }

            string timeText = Cell(cells, _time);
            if (!long.TryParse(timeText, NumberStyles.None, CultureInfo.InvariantCulture, out timestampUs))
            {
                return LineResult.Bad("Time Stamp", $"'{timeText}' is not whole microseconds");
            }

            string extText = Cell(cells, _extended);
            bool extended;
            if (extText.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                extended = true;
            }
            else if (extText.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                extended = false;
            }
            else
            {
                return LineResult.Bad("Extended", $"'{extText}' is not true/false");
            }

            string idText = Cell(cells, _id);
            if (!TryParseHex(idText, out uint id))
            {
                return LineResult.Bad("ID", $"'{idText}' is not hex");
            }

            string? idProblem = IdRangeProblem(id, extended);
            if (idProblem != null)
            {
                return LineResult.Bad("ID", idProblem);
            }

            string busText = Cell(cells, _bus);
            if (!byte.TryParse(busText, NumberStyles.None, CultureInfo.InvariantCulture, out byte bus))
            {
                return LineResult.Bad("Bus", $"'{busText}' is not a bus number 0..255");
            }

            string lenText = Cell(cells, _len);
            if (!int.TryParse(lenText, NumberStyles.None, CultureInfo.InvariantCulture, out int len) || len > 8)
            {
                return LineResult.Bad("LEN", $"'{lenText}' is not a length 0..8");
            }

            for (int i = 0; i < len; i++)
            {
                string byteText = Cell(cells, _data[i]);
                if (_data[i] < 0 || !TryParseByte(byteText, out byte b))
                {
                    return LineResult.Bad($"D{i + 1}", byteText.Length == 0 ? $"missing for LEN {len}" : $"'{byteText}' is not a hex byte");
                }

                frame.SetByte(i, b);
            }

            frame.Id = id;
            frame.IsExtended = extended;
            frame.Bus = bus;
            frame.Length = (byte)len;
            return LineResult.Ok;
        }

        private static string Cell(string[] cells, int index) => index >= 0 && index < cells.Length ? cells[index].Trim() : string.Empty;

        private string? ReadHeader(string[] cells)
        {
            for (int i = 0; i < cells.Length; i++)
            {
                string name = cells[i].Trim();
                if (name.Equals("Time Stamp", StringComparison.OrdinalIgnoreCase))
                {
                    _time = i;
                }
                else if (name.Equals("ID", StringComparison.OrdinalIgnoreCase))
                {
                    _id = i;
                }
                else if (name.Equals("Extended", StringComparison.OrdinalIgnoreCase))
                {
                    _extended = i;
                }
                else if (name.Equals("Bus", StringComparison.OrdinalIgnoreCase))
                {
                    _bus = i;
                }
                else if (name.Equals("LEN", StringComparison.OrdinalIgnoreCase))
                {
                    _len = i;
                }
                else if (name.Length == 2 && (name[0] == 'D' || name[0] == 'd') && name[1] >= '1' && name[1] <= '8')
                {
                    _data[name[1] - '1'] = i;
                }
            }

            int[] found = { _time, _id, _extended, _bus, _len };
            for (int k = 0; k < found.Length; k++)
            {
                if (found[k] < 0)
                {
                    return $"column '{Required[k]}' missing (header must name Time Stamp, ID, Extended, Bus, LEN, D1..D8)";
                }
            }

            return null;
        }
    }
}
