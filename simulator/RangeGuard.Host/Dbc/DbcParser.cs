using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace RangeGuard.Host.Dbc
{
    /// <summary>
    /// Reads a Vector DBC file completely. Keeps VERSION, BU_, BO_ and SG_ (with multiplexing); skips, but checks
    /// for well-formedness, every other statement (NS_ block, BS_, CM_ spanning lines with escaped quotes, BA_DEF_,
    /// BA_DEF_DEF_, BA_, VAL_, VAL_TABLE_, SIG_VALTYPE_, BO_TX_BU_, ...) and `//` comment lines.
    /// Malformed input throws <see cref="DbcFormatException"/> (file, line, reason); signals that do not fit their
    /// message or a classic 8-byte frame are kept, marked unusable and listed in <see cref="DbcFile.Issues"/>.
    /// </summary>
    public static class DbcParser
    {
        /// <summary>Statements that end with ';' and may span lines; skipped.</summary>
        private static readonly HashSet<string> s_semicolonStatements = new(StringComparer.Ordinal)
        {
            "CM_", "BA_DEF_", "BA_DEF_DEF_", "BA_", "VAL_", "VAL_TABLE_", "SIG_VALTYPE_", "BO_TX_BU_", "SG_MUL_VAL_",
            "SIG_GROUP_", "EV_", "ENVVAR_DATA_", "BA_DEF_SGTYPE_", "BA_SGTYPE_", "SGTYPE_", "SGTYPE_VAL_", "SIG_TYPE_REF_",
            "BA_DEF_REL_", "BA_REL_", "BA_DEF_DEF_REL_", "BU_SG_REL_", "BU_EV_REL_", "BU_BO_REL_", "CAT_DEF_", "CAT_",
            "FILTER", "SIGTYPE_VALTYPE_",
        };

        public static DbcFile ParseFile(string path)
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));
        }

        public static DbcFile Parse(string text, string fileName = "<dbc>")
        {
            var state = new ParseState(text, fileName);
            state.Run();
            return new DbcFile
            {
                FileName = fileName,
                Version = state.Version,
                Nodes = state.Nodes,
                Messages = state.Messages,
                Issues = state.Issues,
            };
        }

        private sealed class ParseState
        {
            private readonly string[] _lines;
            private readonly string _file;
            private readonly Dictionary<uint, DbcMessage> _byId = new();
            private DbcMessage? _current;

            public ParseState(string text, string file)
            {
                _lines = text.Split('\n');
                _file = file;
            }

            public string Version { get; private set; } = "";

            public List<string> Nodes { get; } = new();

            public List<DbcMessage> Messages { get; } = new();

            public List<DbcIssue> Issues { get; } = new();

            public void Run()
            {
                bool inNamespaceBlock = false;
                for (int i = 0; i < _lines.Length; i++)
                {
                    string raw = _lines[i].TrimEnd('\r');
                    string line = raw.Trim();
                    if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // The NS_ block lists keywords on indented lines until the next unindented line.
                    if (inNamespaceBlock && (raw[0] == ' ' || raw[0] == '\t'))
                    {
                        continue;
                    }

                    inNamespaceBlock = false;
                    string keyword = Keyword(line);
                    int lineNo = i + 1;
                    switch (keyword)
                    {
                        case "VERSION":
                            Version = ParseVersion(line, lineNo);
                            break;
                        case "NS_":
                            inNamespaceBlock = true;
                            break;
                        case "BS_":
                            break;
                        case "BU_":
                            ParseNodes(line);
                            break;
                        case "BO_":
                            _current = ParseMessage(line, lineNo);
                            break;
                        case "SG_":
                            if (_current == null)
                            {
                                throw Error(lineNo, "SG_ outside a BO_ message");
                            }

                            _current.Signals.Add(ParseSignal(line, lineNo, _current));
                            break;
                        default:
                            if (!s_semicolonStatements.Contains(keyword))
                            {
                                throw Error(lineNo, $"unknown keyword '{keyword}'");
                            }

                            // A statement ends the current message's signal list.
                            _current = null;
                            i = SkipStatement(i, keyword);
                            break;
                    }
                }

                foreach (DbcMessage m in Messages)
                {
                    CheckMultiplexing(m);
                }
            }

            private static string Keyword(string line)
            {
                int end = 0;
                while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] != ':')
                {
                    end++;
                }

                return line.Substring(0, end);
            }

            private DbcFormatException Error(int line, string reason) => new(_file, line, reason);

            private void Issue(int line, string message) => Issues.Add(new DbcIssue(_file, line, message));

            /// <summary>Skips to the ';' that ends the statement (outside quotes), returning its line index.</summary>
            private int SkipStatement(int startIndex, string keyword)
            {
                bool inString = false;
                int stringStart = 0;
                for (int i = startIndex; i < _lines.Length; i++)
                {
                    string line = _lines[i];
                    for (int c = 0; c < line.Length; c++)
                    {
                        char ch = line[c];
                        if (inString)
                        {
                            if (ch == '\\')
                            {
                                c++; // escaped character, e.g. \" or \\
                            }
                            else if (ch == '"')
                            {
                                inString = false;
                            }
                        }
                        else if (ch == '"')
                        {
                            inString = true;
                            stringStart = i + 1;
                        }
                        else if (ch == ';')
                        {
                            return i;
                        }
                    }
                }

                throw inString
                    ? Error(stringStart, $"unterminated string in {keyword} statement")
                    : Error(startIndex + 1, $"{keyword} statement has no terminating ';'");
            }

            private string ParseVersion(string line, int lineNo)
            {
                var c = new Cursor(line, lineNo, this);
                c.Expect("VERSION");
                return c.AtEnd ? "" : c.QuotedString();
            }

            private void ParseNodes(string line)
            {
                int colon = line.IndexOf(':');
                foreach (string node in line.Substring(colon + 1).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    Nodes.Add(node);
                }
            }

            private DbcMessage ParseMessage(string line, int lineNo)
            {
                var c = new Cursor(line, lineNo, this);
                c.Expect("BO_");
                uint dbcId = c.UInt("message id");
                string name = c.Identifier("message name");
                c.Expect(":");
                int dlc = (int)c.UInt("DLC");
                string transmitter = c.AtEnd ? "" : c.Identifier("transmitter");
                c.ExpectEnd();
                var message = new DbcMessage { DbcId = dbcId, Name = name, Dlc = dlc, Transmitter = transmitter, Line = lineNo };
                if (message.IsExtended ? (dbcId & 0x60000000u) != 0 : dbcId > 0x7FF)
                {
                    // e.g. VECTOR__INDEPENDENT_SIG_MSG (0xC0000000): a container for unplaced signals, not a frame.
                    Issue(lineNo, $"message {name} id {dbcId} is not a valid 11-bit or (bit 31 + 29-bit) id; its signals are unusable");
                }
                else if (dlc > 8)
                {
                    Issue(lineNo, $"message {name} declares DLC {dlc} (CAN FD); classic frames carry at most 8 bytes, signals beyond 64 bits are unusable");
                }

                if (!_byId.TryAdd(dbcId, message))
                {
                    Issue(lineNo, $"message id {dbcId} ({name}) already defined by {_byId[dbcId].Name}");
                }

                Messages.Add(message);
                return message;
            }

            private DbcSignal ParseSignal(string line, int lineNo, DbcMessage message)
            {
                var c = new Cursor(line, lineNo, this);
                c.Expect("SG_");
                string name = c.Identifier("signal name");
                DbcMuxRole role = DbcMuxRole.None;
                uint muxValue = 0;
                bool nested = false;
                if (!c.Peek(':'))
                {
                    string mux = c.Identifier("multiplexer indicator");
                    if (mux == "M")
                    {
                        role = DbcMuxRole.Multiplexor;
                    }
                    else if (mux.Length > 1 && mux[0] == 'm')
                    {
                        nested = mux.EndsWith('M');
                        string digits = nested ? mux.Substring(1, mux.Length - 2) : mux.Substring(1);
                        if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out muxValue))
                        {
                            throw Error(lineNo, $"bad multiplexer indicator '{mux}' for signal {name}");
                        }

                        role = DbcMuxRole.Multiplexed;
                    }
                    else
                    {
                        throw Error(lineNo, $"bad multiplexer indicator '{mux}' for signal {name}");
                    }
                }

                c.Expect(":");
                int start = (int)c.UInt("start bit");
                c.Expect("|");
                int length = (int)c.UInt("length");
                c.Expect("@");
                char order = c.Char("byte order 0 or 1");
                char sign = c.Char("sign + or -");
                if ((order != '0' && order != '1') || (sign != '+' && sign != '-'))
                {
                    throw Error(lineNo, $"signal {name}: expected @0/@1 followed by + or -, got '@{order}{sign}'");
                }

                c.Expect("(");
                double factor = c.Number("factor");
                c.Expect(",");
                double offset = c.Number("offset");
                c.Expect(")");
                c.Expect("[");
                double min = c.Number("minimum");
                c.Expect("|");
                double max = c.Number("maximum");
                c.Expect("]");
                string unit = c.QuotedString();
                var receivers = new List<string>(c.Rest().Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries));
                if (length < 1)
                {
                    throw Error(lineNo, $"signal {name}: length {length} must be at least 1");
                }

                var signal = new DbcSignal
                {
                    Name = name, StartBit = start, Length = length, IsMotorola = order == '0', IsSigned = sign == '-',
                    Factor = factor, Offset = offset, Min = min, Max = max, Unit = unit, Receivers = receivers,
                    MuxRole = role, MuxValue = muxValue, IsNestedMultiplexor = nested, Line = lineNo,
                };
                CheckFit(message, signal);
                return signal;
            }

            private void CheckFit(DbcMessage message, DbcSignal s)
            {
                string? problem = null;
                int end = s.IsMotorola ? MotorolaMsbPosition(s.StartBit) + s.Length : s.StartBit + s.Length;
                if (s.Length > 64)
                {
                    problem = $"length {s.Length} exceeds 64 bits";
                }
                else if (end > message.Dlc * 8)
                {
                    problem = $"bits up to {end - 1} do not fit DLC {message.Dlc}";
                }
                else if (end > 64)
                {
                    problem = $"bits up to {end - 1} lie beyond the 8 bytes of a classic CAN frame";
                }
                else if (s.Factor == 0)
                {
                    problem = "factor 0";
                }
                else if (message.IsExtended ? (message.DbcId & 0x60000000u) != 0 : message.DbcId > 0x7FF)
                {
                    problem = "message id is not a CAN id";
                }

                if (problem != null)
                {
                    s.IsUsable = false;
                    s.Problem = problem;
                    Issue(s.Line, $"signal {message.Name}.{s.Name} unusable: {problem}");
                }
            }

            private void CheckMultiplexing(DbcMessage m)
            {
                int multiplexors = m.Signals.FindAll(s => s.MuxRole == DbcMuxRole.Multiplexor).Count;
                foreach (DbcSignal s in m.Signals)
                {
                    if (s.MuxRole != DbcMuxRole.Multiplexed || !s.IsUsable)
                    {
                        continue;
                    }

                    string? problem = multiplexors == 1 ? null : $"multiplexed signal but the message has {multiplexors} 'M' signals";
                    if (problem == null && m.Multiplexor!.Length > 32)
                    {
                        problem = "multiplexor longer than 32 bits";
                    }

                    if (problem != null)
                    {
                        s.IsUsable = false;
                        s.Problem = problem;
                        Issue(s.Line, $"signal {m.Name}.{s.Name} unusable: {problem}");
                    }
                }
            }

            internal static int MotorolaMsbPosition(int startBit) => (startBit & ~7) + (7 - (startBit & 7));

            /// <summary>Token reader over one line; every failure names the line and what was expected.</summary>
            private ref struct Cursor
            {
                private readonly string _s;
                private readonly int _line;
                private readonly ParseState _owner;
                private int _pos;

                public Cursor(string s, int line, ParseState owner)
                {
                    _s = s;
                    _line = line;
                    _owner = owner;
                    _pos = 0;
                }

                public bool AtEnd
                {
                    get
                    {
                        SkipSpace();
                        return _pos >= _s.Length;
                    }
                }

                public bool Peek(char ch)
                {
                    SkipSpace();
                    return _pos < _s.Length && _s[_pos] == ch;
                }

                public void Expect(string token)
                {
                    SkipSpace();
                    if (string.CompareOrdinal(_s, _pos, token, 0, token.Length) != 0)
                    {
                        throw Fail($"expected '{token}'");
                    }

                    _pos += token.Length;
                }

                public void ExpectEnd()
                {
                    if (!AtEnd)
                    {
                        throw Fail("unexpected text");
                    }
                }

                public char Char(string what)
                {
                    SkipSpace();
                    if (_pos >= _s.Length)
                    {
                        throw Fail($"expected {what}");
                    }

                    return _s[_pos++];
                }

                public string Identifier(string what)
                {
                    SkipSpace();
                    int start = _pos;
                    while (_pos < _s.Length && (char.IsLetterOrDigit(_s[_pos]) || _s[_pos] == '_'))
                    {
                        _pos++;
                    }

                    if (_pos == start)
                    {
                        throw Fail($"expected {what}");
                    }

                    return _s.Substring(start, _pos - start);
                }

                public uint UInt(string what)
                {
                    SkipSpace();
                    int start = _pos;
                    while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
                    {
                        _pos++;
                    }

                    if (!uint.TryParse(_s.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out uint value))
                    {
                        _pos = start;
                        throw Fail($"expected {what} (unsigned integer)");
                    }

                    return value;
                }

                public double Number(string what)
                {
                    SkipSpace();
                    int start = _pos;
                    while (_pos < _s.Length && (char.IsAsciiDigit(_s[_pos]) || _s[_pos] is '+' or '-' or '.' or 'e' or 'E'))
                    {
                        _pos++;
                    }

                    if (!double.TryParse(_s.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    {
                        _pos = start;
                        throw Fail($"expected {what} (number)");
                    }

                    return value;
                }

                public string QuotedString()
                {
                    SkipSpace();
                    if (_pos >= _s.Length || _s[_pos] != '"')
                    {
                        throw Fail("expected '\"'");
                    }

                    var sb = new StringBuilder();
                    for (_pos++; _pos < _s.Length; _pos++)
                    {
                        char ch = _s[_pos];
                        if (ch == '\\' && _pos + 1 < _s.Length)
                        {
                            sb.Append(_s[++_pos]);
                        }
                        else if (ch == '"')
                        {
                            _pos++;
                            return sb.ToString();
                        }
                        else
                        {
                            sb.Append(ch);
                        }
                    }

                    throw Fail("unterminated string");
                }

                public string Rest()
                {
                    SkipSpace();
                    string rest = _s.Substring(_pos);
                    _pos = _s.Length;
                    return rest;
                }

                private void SkipSpace()
                {
                    while (_pos < _s.Length && char.IsWhiteSpace(_s[_pos]))
                    {
                        _pos++;
                    }
                }

                private DbcFormatException Fail(string reason)
                {
                    string near = _pos < _s.Length ? $" near '{Snippet()}'" : " at end of line";
                    return _owner.Error(_line, reason + near);
                }

                private string Snippet() => _s.Substring(_pos, Math.Min(20, _s.Length - _pos));
            }
        }
    }
}
