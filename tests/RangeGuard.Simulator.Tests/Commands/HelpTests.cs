using System.Collections.Generic;
using System.CommandLine;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>Every verb's --help ends with its exit codes, and they are the codes the verb returns.</summary>
    [TestClass]
    [DoNotParallelize]
    public class HelpTests
    {
        private static IEnumerable<string> Verbs(Command c, string prefix)
        {
            foreach (Command sub in c.Subcommands)
            {
                string path = prefix.Length == 0 ? sub.Name : prefix + " " + sub.Name;
                if (sub.Action != null)
                {
                    yield return path;
                }

                foreach (string p in Verbs(sub, path))
                {
                    yield return p;
                }
            }
        }

        [TestMethod]
        public void Every_verb_should_say_what_its_exit_code_1_means()
        {
            var inTree = new List<string>(Verbs(CommandTree.Build(), ""));
            foreach (string verb in inTree)
            {
                Assert.IsTrue(ExitCodes.CheckFailedMeaning.ContainsKey(verb), $"'{verb}' is missing from ExitCodes.CheckFailedMeaning");
            }

            foreach (string verb in ExitCodes.CheckFailedMeaning.Keys)
            {
                CollectionAssert.Contains(inTree, verb, "ExitCodes lists a verb the command line does not have");
            }
        }

        [TestMethod]
        public void Help_should_end_with_the_verbs_exit_codes()
        {
            var (code, output, _) = Cli.Run("evaluate", "--help");
            Assert.AreEqual(0, code);
            StringAssert.EndsWith(output.TrimEnd(), string.Join(System.Environment.NewLine,
                "Exit codes:",
                "  0  ok",
                "  1  the predictor missed at least one of its accuracy targets",
                "  2  bad arguments or input (the message on stderr names the argument, file or line)",
                "  3  unexpected error: a bug (stderr has the stack trace; please report it)"));

            StringAssert.Contains(Cli.Run("run", "--help").Out, "  1  an expected outcome of the scenario failed (only with --check)");
            StringAssert.Contains(Cli.Run("dyno", "--help").Out, "  1  the predicted consumption misses the EPA measurements by more than the tolerance");
            StringAssert.Contains(Cli.Run("vehicles", "generate", "--help").Out, "  1  a generated file is out of date (only with --check)");
            string dbc = Cli.Run("dbc", "--help").Out;
            StringAssert.Contains(dbc, "  2  bad arguments or input");
            Assert.IsFalse(dbc.Contains("  1  ", System.StringComparison.Ordinal), "dbc never exits 1, so its help does not list 1");
            StringAssert.Contains(Cli.Run("--help").Out, "  1  the check the command makes failed (each command's --help says what that is)");
        }
    }
}
