using System;
using System.CommandLine;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator
{
    /// <summary>Entry point: builds the command tree (one class per verb under Commands/) and runs it.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            RootCommand root = CommandTree.Build();
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors)
                {
                    Console.Error.WriteLine($"error: {e.Message}");
                }

                Console.Error.WriteLine("Try 'rangeguard --help'.");
                return ExitCodes.BadInput;
            }

            return parsed.Invoke();
        }
    }
}
