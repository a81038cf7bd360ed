using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// System.CommandLine's parse errors in the verbs' form ("--speedup: 'fast' is not a number" rather than "Cannot parse
    /// argument 'fast' for option '--speedup' as expected type 'System.Double'.").
    /// </summary>
    public static partial class ParseErrors
    {
        private const string RequiredCommand = "Required command was not provided.";

        /// <summary>The verb the command line names ("run", "profile build"), or "" for none.</summary>
        public static string Verb(ParseResult parsed)
        {
            var names = new List<string>();
            for (SymbolResult? r = parsed.CommandResult; r != null; r = r.Parent)
            {
                if (r is CommandResult c && c.Command is not RootCommand)
                {
                    names.Insert(0, c.Command.Name);
                }
            }

            return string.Join(" ", names);
        }

        public static IEnumerable<string> Describe(ParseResult parsed)
        {
            // "Required command was not provided" next to "no such command 'frob'" says the same thing twice.
            bool other = false;
            foreach (ParseError e in parsed.Errors)
            {
                other |= e.Message != RequiredCommand;
            }

            foreach (ParseError e in parsed.Errors)
            {
                if (!(other && e.Message == RequiredCommand))
                {
                    yield return Describe(e.Message, parsed);
                }
            }
        }

        internal static string Describe(string message, ParseResult parsed)
        {
            Match m = CannotParse().Match(message);
            if (m.Success)
            {
                return $"{m.Groups["name"].Value}: '{m.Groups["value"].Value}' is not {TypeName(m.Groups["type"].Value)}";
            }

            m = Unrecognized().Match(message);
            if (m.Success)
            {
                string token = m.Groups["token"].Value;
                if (token.StartsWith('-'))
                {
                    return $"{token}: no such option";
                }

                Command c = parsed.CommandResult.Command;
                return c.Subcommands.Count > 0
                    ? $"{token}: no such command (commands: {Commands(c)})"
                    : $"{token}: unexpected extra argument";
            }

            m = Required().Match(message);
            if (m.Success)
            {
                return $"{m.Groups["name"].Value}: required option missing";
            }

            m = NoValue().Match(message);
            if (m.Success)
            {
                return $"{m.Groups["name"].Value}: needs a value";
            }

            m = RequiredArgument().Match(message);
            if (m.Success)
            {
                return $"<{m.Groups["name"].Value}>: required argument missing";
            }

            if (message == RequiredCommand)
            {
                return parsed.CommandResult.Command is RootCommand
                    ? $"no command given (commands: {Commands(parsed.CommandResult.Command)})"
                    : $"no subcommand given (one of: {Commands(parsed.CommandResult.Command)})";
            }

            // Anything else: System.CommandLine's own sentence, in the verbs' style (lower case, no full stop).
            string text = message.TrimEnd('.');
            return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text.Substring(1) : text;
        }

        private static string TypeName(string type) => type switch
        {
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
            "System.Boolean" => "true or false",
            _ => "a " + type.Substring(type.LastIndexOf('.') + 1),
        };

        private static string Commands(Command c)
        {
            var names = new List<string>();
            foreach (Command sub in c.Subcommands)
            {
                names.Add(sub.Name);
            }

            return string.Join(", ", names);
        }

        [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$")]
        private static partial Regex CannotParse();

        [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$")]
        private static partial Regex Unrecognized();

        [GeneratedRegex(@"^Option '(?<name>[^']*)' is required\.?$")]
        private static partial Regex Required();

        [GeneratedRegex(@"^Required argument missing for option: '(?<name>[^']*)'\.?$")]
        private static partial Regex NoValue();

        [GeneratedRegex(@"^Required argument '(?<name>[^']*)' missing for command: '[^']*'\.?$")]
        private static partial Regex RequiredArgument();
    }
}
