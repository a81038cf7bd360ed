using System.Collections.Generic;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// Process exit codes, stable for scripts and CI, the same for every verb. What "check failed" (1) means depends on
    /// the verb; <see cref="CheckFailedMeaning"/> says, and every verb's --help lists the codes (<see cref="ExitCodeHelp"/>).
    /// </summary>
    public static class ExitCodes
    {
        public const int Ok = 0;
        public const int CheckFailed = 1;
        public const int BadInput = 2;

        /// <summary>An exception no verb expected: a bug (the message and stack trace go to stderr).</summary>
        public const int Unexpected = 3;

        /// <summary>What exit code 1 means, per verb; null for verbs that never exit 1.</summary>
        public static readonly IReadOnlyDictionary<string, string?> CheckFailedMeaning = new Dictionary<string, string?>
        {
            ["run"] = "an expected outcome of the scenario failed (only with --check)",
            ["scenarios"] = null,
            ["vehicles"] = null,
            ["vehicles generate"] = "a generated file is out of date (only with --check)",
            ["bench"] = null,
            ["sweep"] = "an alert-quality target was missed (only with --check)",
            ["replay"] = null,
            ["dbc"] = null,
            ["profile build"] = null,
            ["profile check"] = null,
            ["evaluate"] = "the predictor missed at least one of its accuracy targets",
            ["route send"] = "the car answered the route with an error (its result has ok: false)",
            ["mqtt budget"] = null,
            ["fleet"] = null,
            ["dyno"] = "the predicted consumption misses the EPA measurements by more than the tolerance (the last line says which)",
        };

        /// <summary>The exit-code lines of a verb's help ("" = the program as a whole; a verb not in the table gets the general meaning).</summary>
        public static IEnumerable<(int Code, string Meaning)> For(string verb)
        {
            yield return (Ok, "ok");
            if (verb.Length == 0 || !CheckFailedMeaning.TryGetValue(verb, out string? one))
            {
                yield return (CheckFailed, "the check the command makes failed (each command's --help says what that is)");
            }
            else if (one != null)
            {
                yield return (CheckFailed, one);
            }

            yield return (BadInput, "bad arguments or input (the message on stderr names the argument, file or line)");
            yield return (Unexpected, "unexpected error: a bug (stderr has the stack trace; please report it)");
        }
    }
}
