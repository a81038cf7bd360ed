using System.IO;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// How every verb reports a problem: one line per problem on stderr, <c>rangeguard VERB: WHAT: WHY</c>, where WHAT is
    /// the argument, option or file at fault and WHY says what is wrong with it (and what to do when that is not obvious).
    /// Warnings that do not stop the verb use the same prefix with "warning: ".
    /// </summary>
    public static class CommandError
    {
        public const string Program = "rangeguard";

        /// <summary>"rangeguard run: --speedup: must be > 0 (got 0)".</summary>
        public static string Format(string verb, string what, string why) => $"{Prefix(verb)}{what}: {why}";

        /// <summary>For a message that already names what it is about (e.g. "bad.json: $.itinerary[2].hours: must be >= 0").</summary>
        public static string Format(string verb, string message) => Prefix(verb) + message;

        /// <summary>Writes the line and returns <paramref name="exitCode"/>, so a verb can <c>return CommandError.Report(…)</c>.</summary>
        public static int Report(TextWriter error, string verb, string what, string why, int exitCode = ExitCodes.BadInput)
        {
            error.WriteLine(Format(verb, what, why));
            return exitCode;
        }

        public static int Report(TextWriter error, string verb, string message, int exitCode = ExitCodes.BadInput)
        {
            error.WriteLine(Format(verb, message));
            return exitCode;
        }

        public static void Warn(TextWriter error, string verb, string message) => error.WriteLine(Format(verb, "warning: " + message));

        private static string Prefix(string verb) => string.IsNullOrEmpty(verb) ? Program + ": " : $"{Program} {verb}: ";
    }
}
