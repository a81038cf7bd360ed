using System;
using System.CommandLine;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator
{
    /// <summary>
    /// Entry point: builds the command tree (one class per verb under Commands/) and runs it. Parse errors and unexpected
    /// exceptions are reported here in the same form as the verbs' own errors (<see cref="CommandError"/>).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            RootCommand root = CommandTree.Build();
            ParseResult parsed = root.Parse(args);
            string verb = ParseErrors.Verb(parsed);
            if (parsed.Errors.Count > 0)
            {
                foreach (string line in ParseErrors.Describe(parsed))
                {
                    Console.Error.WriteLine(CommandError.Format(verb, line));
                }

                Console.Error.WriteLine($"Try '{CommandError.Program}{(verb.Length > 0 ? " " + verb : "")} --help'.");
                return ExitCodes.BadInput;
            }

            try
            {
                return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine(CommandError.Format(verb, "unexpected error", $"{ex.GetType().Name}: {ex.Message}"));
                Console.Error.WriteLine("This is a bug in rangeguard; please report it with the command line and this trace:");
                Console.Error.WriteLine(ex.ToString());
                return ExitCodes.Unexpected;
            }
        }
    }
}
