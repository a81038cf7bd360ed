using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>--help as System.CommandLine writes it, followed by the verb's exit codes (<see cref="ExitCodes.For"/>).</summary>
    public sealed class ExitCodeHelp : SynchronousCommandLineAction
    {
        private readonly CommandLineAction _help;

        private ExitCodeHelp(CommandLineAction help) => _help = help;

        public override bool ClearsParseErrors => true;

        /// <summary>Replaces the help option's action on <paramref name="root"/> (the option applies to every verb).</summary>
        public static void Install(RootCommand root)
        {
            foreach (Option o in root.Options)
            {
                if (o is HelpOption help && help.Action is CommandLineAction action && action is not ExitCodeHelp)
                {
                    help.Action = new ExitCodeHelp(action);
                }
            }
        }

        public override int Invoke(ParseResult parseResult)
        {
            int code = _help is SynchronousCommandLineAction sync ? sync.Invoke(parseResult) : 0;
            TextWriter o = parseResult.InvocationConfiguration.Output;
            o.WriteLine("Exit codes:");
            foreach ((int c, string meaning) in ExitCodes.For(ParseErrors.Verb(parseResult)))
            {
                o.WriteLine($"  {c}  {meaning}");
            }

            return code;
        }
    }
}
