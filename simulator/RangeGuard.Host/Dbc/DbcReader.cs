using System;
using System.Collections.Generic;
using System.Text;

namespace RangeGuard.Host.Dbc
{
    /// <summary>The statement loop of <see cref="DbcParser"/>: one instance reads one file.</summary>
    internal sealed partial class DbcReader
    {
        /// <summary>Statements that end with ';' and may span lines.</summary>
        private static readonly HashSet<string> s_semicolonStatements = new(StringComparer.Ordinal)
        {
            "CM_", "BA_DEF_", "BA_DEF_DEF_", "BA_", "VAL_", "VAL_TABLE_", "SIG_VALTYPE_", "BO_TX_BU_", "SG_MUL_VAL_",
            "SIG_GROUP_", "EV_", "ENVVAR_DATA_", "BA_DEF_SGTYPE_", "BA_SGTYPE_", "SGTYPE_", "SGTYPE_VAL_", "SIG_TYPE_REF_",
            "BA_DEF_REL_", "BA_REL_", "BA_DEF_DEF_REL_", "BU_SG_REL_", "BU_EV_REL_", "BU_BO_REL_", "CAT_DEF_", "CAT_",
            "FILTER", "SIGTYPE_VALTYPE_", "NS_DESC_", "EV_DATA_",
        };

        private readonly string[] _lines;
        private readonly string _file;
        private readonly List<DbcMessage> _messages = new();
        private readonly Dictionary<uint, DbcMessage> _byId = new();
        private readonly List<DbcIssue> _issues = new();
        private readonly List<string> _nodes = new();
        private readonly Dictionary<string, IReadOnlyList<DbcValue>> _valueTables = new(StringComparer.Ordinal);
        private string _version = "";

        // The message whose SG_ lines follow, or the line of a BO_ that could not be read (its signals are skipped).
        private DbcMessage? _current;
        private int _brokenMessageLine;

        public DbcReader(string text, string file)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            _lines = text.Split('\n');
            _file = file;
        }

        public DbcFile Read()
        {
            bool inNamespaceBlock = false;
            bool afterNodes = false;
            for (int i = 0; i < _lines.Length; i++)
            {
                string raw = _lines[i].TrimEnd('\r');
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                bool indented = raw[0] == ' ' || raw[0] == '\t';
                string keyword = Keyword(line);
                int lineNo = i + 1;

                // The NS_ block lists keywords on indented lines until the next unindented line.
                if (inNamespaceBlock && indented)
                {
                    continue;
                }

                inNamespaceBlock = false;

                // Some tools continue the BU_ node list on indented lines ("BU_:\n\tNEO\n\tMCU").
                if (afterNodes && indented && !IsKeyword(keyword))
                {
                    AddNodes(line);
                    continue;
                }

                afterNodes = false;
                try
                {
                    switch (keyword)
                    {
                        case "VERSION":
                            _version = ReadVersion(line);
                            break;
                        case "NS_":
                            inNamespaceBlock = true;
                            break;
                        case "BS_":
                            break;
                        case "BU_":
                            AddNodes(line.Substring(line.IndexOf(':') + 1));
                            afterNodes = true;
                            break;
                        case "BO_":
                            _current = null;
                            _brokenMessageLine = lineNo;
                            _current = ReadMessage(line, lineNo);
                            break;
                        case "SG_":
                            ReadSignalLine(line, lineNo);
                            break;
                        default:
                            if (!s_semicolonStatements.Contains(keyword))
                            {
                                Issue(lineNo, DbcIssueKind.Skipped, $"unknown keyword '{keyword}': line skipped");
                                break;
                            }

                            // A statement ends the current message's signal list.
                            _current = null;
                            _brokenMessageLine = 0;
                            int start = i;
                            int end = StatementEnd(start, keyword, out i);
                            if (end >= 0)
                            {
                                ReadAnnotation(keyword, Join(start, end), lineNo);
                            }

                            break;
                    }
                }
                catch (DbcSyntaxException ex)
                {
                    Issue(lineNo, DbcIssueKind.Skipped, $"{keyword} skipped: {ex.Message}");
                }
            }

            ApplyAnnotations();
            foreach (DbcMessage m in _messages)
            {
                CheckMessage(m);
            }

            _issues.Sort((a, b) => a.Line.CompareTo(b.Line));
            return new DbcFile
            {
                FileName = _file,
                Version = _version,
                Nodes = _nodes,
                Messages = _messages,
                Issues = _issues,
                ValueTables = _valueTables,
                LineCount = _lines.Length,
            };
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

        private static bool IsKeyword(string word) =>
            word is "VERSION" or "NS_" or "BS_" or "BU_" or "BO_" or "SG_" || s_semicolonStatements.Contains(word);

        private void Issue(int line, DbcIssueKind kind, string message, string subject = "") =>
            _issues.Add(new DbcIssue(_file, line, kind, message, subject));

        private void AddNodes(string text)
        {
            foreach (string node in text.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                _nodes.Add(node);
            }
        }

        private static string ReadVersion(string line)
        {
            var c = new DbcCursor(line);
            c.Expect("VERSION");
            return c.AtEnd ? "" : c.QuotedString();
        }

        /// <summary>
        /// Finds the end of a ';'-terminated statement (outside quotes). Real files forget the ';': a statement then
        /// ends before the next line that starts with a keyword in column 0 (or at the end of the file) and is read
        /// anyway, with a note. Returns the index of its last line, and in <paramref name="resume"/> where reading goes
        /// on; -1 if an unterminated string swallowed the rest of the file (issue recorded).
        /// </summary>
        private int StatementEnd(int startIndex, string keyword, out int resume)
        {
            bool inString = false;
            int lastContent = startIndex;
            for (int i = startIndex; i < _lines.Length; i++)
            {
                string line = _lines[i].TrimEnd('\r');
                if (i > startIndex && !inString && line.Length > 0 && !char.IsWhiteSpace(line[0]) && IsKeyword(Keyword(line.Trim())))
                {
                    Issue(startIndex + 1, DbcIssueKind.Note, $"{keyword} statement has no terminating ';' before line {i + 1}: read up to line {lastContent + 1}");
                    resume = i - 1;
                    return lastContent;
                }

                if (line.Trim().Length > 0)
                {
                    lastContent = i;
                }

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
                    }
                    else if (ch == ';')
                    {
                        resume = i;
                        return i;
                    }
                }
            }

            if (!inString)
            {
                Issue(startIndex + 1, DbcIssueKind.Note, $"{keyword} statement has no terminating ';' before the end of the file: read up to line {lastContent + 1}");
                resume = _lines.Length;
                return lastContent;
            }

            // An unterminated string: skip the statement and go on at the next line that starts with a keyword, if any.
            for (int i = startIndex + 1; i < _lines.Length; i++)
            {
                string line = _lines[i].TrimEnd('\r');
                if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && IsKeyword(Keyword(line.Trim())))
                {
                    Issue(startIndex + 1, DbcIssueKind.Skipped, $"unterminated string in {keyword} statement: skipped up to line {i}");
                    resume = i - 1;
                    return -1;
                }
            }

            Issue(startIndex + 1, DbcIssueKind.Skipped, $"unterminated string in {keyword} statement: the rest of the file ({_lines.Length - startIndex} lines) is ignored");
            resume = _lines.Length;
            return -1;
        }

        private string Join(int first, int last)
        {
            if (first == last)
            {
                return _lines[first].TrimEnd('\r');
            }

            var sb = new StringBuilder();
            for (int i = first; i <= last; i++)
            {
                sb.Append(_lines[i].TrimEnd('\r')).Append('\n');
            }

            return sb.ToString();
        }
    }
}
