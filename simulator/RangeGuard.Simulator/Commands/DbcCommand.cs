using System;
using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using RangeGuard.Host.Dbc;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// <c>rangeguard dbc FILE [--filter TEXT]</c>: what a DBC file holds (messages, signals, value tables) and every
    /// problem found in it with its line, so a user can pick the signals for a profile. Problems never fail the command:
    /// exit 0 when the file was read, 2 when it could not be opened.
    /// </summary>
    public static class DbcCommand
    {
        private const int ValuesShown = 8;

        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "DBC file" };
            var filter = new Option<string?>("--filter", "-f") { Description = "Show only messages or signals whose name or id contains this text (case-insensitive); shows comments too" };
            var problems = new Option<bool>("--problems") { Description = "List only the problems" };
            var command = new Command("dbc", "List a DBC file's messages and signals (id, byte order, start/length, scale, unit, multiplexing, value tables) and every problem in it.")
            {
                file, filter, problems,
            };
            command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(filter), parse.GetValue(problems),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
            return command;
        }

        public static int Run(FileInfo file, string? filter, bool problemsOnly, TextWriter o, TextWriter error)
        {
            DbcFile dbc;
            try
            {
                dbc = DbcParser.ParseFile(file.FullName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"dbc: {file.FullName}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message)}");
                return ExitCodes.BadInput;
            }

            int unusable = dbc.Issues.Count(i => i.Kind == DbcIssueKind.Unusable);
            int skipped = dbc.Issues.Count(i => i.Kind == DbcIssueKind.Skipped);
            o.WriteLine($"{dbc.FileName}: {N(dbc.Messages.Count)} messages, {N(dbc.SignalCount)} signals, {N(dbc.Nodes.Count)} nodes, {N(dbc.ValueTables.Count)} value tables; " +
                $"{N(dbc.Issues.Count)} problems ({N(skipped)} statements skipped, {N(unusable)} unusable for the device)");
            if (!problemsOnly)
            {
                int shown = 0;
                foreach (DbcMessage m in dbc.Messages)
                {
                    shown += PrintMessage(m, filter, o) ? 1 : 0;
                }

                if (filter != null && shown == 0)
                {
                    o.WriteLine($"no message or signal matches '{filter}'");
                }
            }

            var shownIssues = new List<DbcIssue>();
            foreach (DbcIssue issue in dbc.Issues)
            {
                if (filter == null || Matches(issue.Subject, filter) || Matches(issue.Message, filter))
                {
                    shownIssues.Add(issue);
                }
            }

            if (shownIssues.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("Problems (file:line: reason); only a profile that uses an affected signal fails:");
                foreach (DbcIssue issue in shownIssues)
                {
                    o.WriteLine("  " + issue);
                }
            }

            return ExitCodes.Ok;
        }

        private static bool PrintMessage(DbcMessage m, string? filter, TextWriter o)
        {
            bool messageMatches = filter == null || Matches(m.Name, filter) || Matches(m.IdText, filter) || Matches(m.Id.ToString(CultureInfo.InvariantCulture), filter);
            var signals = messageMatches ? m.Signals : m.Signals.FindAll(s => Matches(s.Name, filter!));
            if (!messageMatches && signals.Count == 0)
            {
                return false;
            }

            o.WriteLine();
            o.WriteLine($"{m.IdText,-17} {m.Name}  DLC {m.Dlc}{(m.Transmitter.Length > 0 && m.Transmitter != "Vector__XXX" ? "  from " + m.Transmitter : "")}  (line {m.Line})");
            if (filter != null && m.Comment != null)
            {
                o.WriteLine($"    # {OneLine(m.Comment)}");
            }

            foreach (DbcSignal s in signals)
            {
                o.WriteLine("    " + SignalLine(s));
                if (!s.IsUsable)
                {
                    o.WriteLine($"        UNUSABLE: {s.Problem}");
                }

                if (filter != null && s.Comment != null)
                {
                    o.WriteLine($"        # {OneLine(s.Comment)}");
                }

                if (s.Values.Count > 0)
                {
                    o.WriteLine("        values: " + Values(s.Values, filter != null ? int.MaxValue : ValuesShown));
                }
            }

            return true;
        }

        /// <summary>"Soc  0|10 intel unsigned  x0.1 +0  [0..100] %  m3 of Mode".</summary>
        internal static string SignalLine(DbcSignal s)
        {
            string scale = $"x{G(s.Factor)} {(s.Offset < 0 ? "-" : "+")}{G(Math.Abs(s.Offset))}";
            string mux = s.MuxRole switch
            {
                DbcMuxRole.Multiplexor => "  multiplexor (switch)",
                DbcMuxRole.Multiplexed => $"  m{s.MuxValue}{(s.MuxSwitch != null ? " of " + s.MuxSwitch.Name : s.MuxSwitchName != null ? " of " + s.MuxSwitchName : "")}{(s.IsNestedMultiplexor ? ", itself a switch" : "")}",
                _ => "",
            };
            string type = s.ValueType == DbcValueType.Integer ? (s.IsSigned ? "signed" : "unsigned") : s.ValueType == DbcValueType.Float32 ? "float" : "double";
            return $"{s.Name,-28} {s.StartBit + "|" + s.Length,-6} {(s.IsMotorola ? "motorola" : "intel"),-8} {type,-8} {scale,-18} [{G(s.Min)}..{G(s.Max)}] {s.Unit}{mux}";
        }

        private static string Values(IReadOnlyList<DbcValue> values, int max)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < values.Count && i < max; i++)
            {
                sb.Append(i > 0 ? ", " : "").Append(values[i].Raw.ToString(CultureInfo.InvariantCulture)).Append(" \"").Append(values[i].Text).Append('"');
            }

            if (values.Count > max)
            {
                sb.Append($", ... ({values.Count - max} more; --filter shows all)");
            }

            return sb.ToString();
        }

        private static bool Matches(string text, string filter) => text.Contains(filter, StringComparison.OrdinalIgnoreCase);

        private static string OneLine(string text) => text.Replace("\r", "").Replace('\n', ' ');

        private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

        private static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

        private static int Count(this IReadOnlyList<DbcIssue> issues, Predicate<DbcIssue> match)
        {
            int n = 0;
            foreach (DbcIssue i in issues)
            {
                n += match(i) ? 1 : 0;
            }

            return n;
        }
    }
}
