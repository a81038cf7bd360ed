using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Commands;
using RangeGuard.Simulator.Tests.Scenarios;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>
    /// What a newcomer reads when something is wrong: one line per problem on stderr, "rangeguard VERB: WHAT: WHY", the
    /// same form for every verb, and exit code 2 (3 for a bug). The important messages are asserted word for word.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class ErrorMessageTests
    {
        private static void Expect(string expected, params string[] args)
        {
            var (code, _, err) = Cli.Run(args);
            Assert.AreEqual(ExitCodes.BadInput, code, err);
            Assert.AreEqual(expected, Cli.Lines(err)[0], string.Join(' ', args));
        }

        [TestMethod]
        public void Parse_errors_should_name_the_option_and_say_what_it_needs()
        {
            Expect("rangeguard run: --speedup: 'fast' is not a number", "run", "summer-commute", "--speedup", "fast");
            Expect("rangeguard bench: --runs: 'x' is not a whole number", "bench", "-n", "x");
            Expect("rangeguard run: <scenario>: required argument missing", "run");
            Expect("rangeguard run: --frob: no such option", "run", "summer-commute", "--frob");
            Expect("rangeguard run: extra: unexpected extra argument", "run", "summer-commute", "extra");
            Expect("rangeguard replay: --profile: required option missing", "replay", "x.log");
            Expect("rangeguard run: --board: needs a value", "run", "summer-commute", "--board");
            Expect("rangeguard profile: no subcommand given (one of: build, check)", "profile");

            var (code, _, err) = Cli.Run("frob");
            Assert.AreEqual(ExitCodes.BadInput, code);
            string[] lines = Cli.Lines(err);
            StringAssert.StartsWith(lines[0], "rangeguard: frob: no such command (commands: run, scenarios, vehicles, bench, sweep, replay, dbc, profile, evaluate, dyno");
            Assert.AreEqual("Try 'rangeguard --help'.", lines[^1]);
            Assert.AreEqual(2, lines.Length, "one error, not also 'no command given'");
            Assert.AreEqual("Try 'rangeguard run --help'.", Cli.Lines(Cli.Run("run").Err)[^1]);
        }

        [TestMethod]
        public void Run_errors_should_name_the_option_at_fault()
        {
            Expect("rangeguard run: --speedup: must be more than 0 (got 0)", "run", "summer-commute", "--speedup", "0");
            Expect("rangeguard run: --follow-advice, --as-driven: choose one: they exclude each other", "run", "summer-commute", "--follow-advice", "--as-driven");
            Expect("rangeguard run: --board foo: no such board; use agent or null", "run", "summer-commute", "--board", "foo");
            Expect("rangeguard run: --can udp://x:1: unknown scheme 'udp'; use serial:/dev/ttyUSB0[@115200] or tcp://host:port", "run", "summer-commute", "--can", "udp://x:1");
            Expect("rangeguard run: --can tcp://a:1: needs the agent board (--board agent), not --board null", "run", "summer-commute", "--board", "null", "--can", "tcp://a:1");
            Expect("rangeguard bench: --runs: must be 1 to 1000 (got 0)", "bench", "summer-commute", "-n", "0");
        }

        [TestMethod]
        public void A_serial_device_that_does_not_exist_should_be_reported_as_missing_not_access_denied()
        {
            string dir = Cli.TempDir();
            var (code, _, err) = Cli.Run("run", "summer-commute", "--as-driven", "--no-plots", "--out", dir, "--can", "serial:/dev/rangeguard-no-such-adapter");
            Assert.AreEqual(ExitCodes.BadInput, code, err);
            Assert.AreEqual("rangeguard run: --can serial:/dev/rangeguard-no-such-adapter: /dev/rangeguard-no-such-adapter does not exist: "
                + "is the adapter plugged in? USB adapters appear as /dev/ttyUSB0 or /dev/ttyACM0 (ls /dev/ttyUSB* /dev/ttyACM*)", Cli.Lines(err)[^1]);
            Assert.IsFalse(err.Contains("denied", StringComparison.Ordinal), err);
        }

        [TestMethod]
        public void Scenario_errors_should_give_the_file_and_json_path()
        {
            Expect("rangeguard run: no-such-scenario: $: no built-in scenario of that name (built in: broder-2013, cold-night-unplugged, "
                + "dc-fast-charge-precondition, summer-commute, winter-mountain-pass; or give a path to a .json file)", "run", "no-such-scenario");
            string dir = Cli.TempDir();
            string file = Path.Combine(dir, "bad.json");
            File.WriteAllText(file, ScenarioJson.Node().ToJsonString().Replace("\"hours\":1", "\"hours\":-1", StringComparison.Ordinal));
            Expect("rangeguard run: bad.json: $.itinerary[2].hours: must be >= 0 (got -1)", "run", file, "--no-plots", "--out", dir);
            Expect("rangeguard bench: bad.json: $.itinerary[2].hours: must be >= 0 (got -1)", "bench", file);
        }

        [TestMethod]
        public void File_verbs_should_say_which_file_is_missing_and_replay_interval_should_not_contradict_itself()
        {
            string missing = Path.Combine(Cli.TempDir(), "car.log");
            Expect($"rangeguard replay: {missing}: no such file", "replay", missing, "--profile", "hyundai-kona");
            Expect($"rangeguard dbc: {Path.ChangeExtension(missing, ".dbc")}: no such file", "dbc", Path.ChangeExtension(missing, ".dbc"));
            Expect($"rangeguard profile build: {Path.ChangeExtension(missing, ".profile")}: no such file", "profile", "build", Path.ChangeExtension(missing, ".profile"));
            Expect($"rangeguard profile check: {missing}: no such file", "profile", "check", "hyundai-kona", missing);

            // Zero was rejected by a message saying "between 0 and 86400"; it now says what is allowed.
            string log = Path.Combine(AppContext.BaseDirectory, "fixtures", "can", "sample-candump.log");
            Expect("rangeguard replay: --interval: must be more than 0 and at most 86400 seconds (got 0)", "replay", log, "--profile", "hyundai-kona", "--interval", "0");
        }

        [TestMethod]
        public void An_unexpected_exception_should_exit_3_with_the_verb_the_message_and_the_trace()
        {
            Func<RangeGuard.Simulator.Scenarios.Scenario, RangeGuard.Simulator.Running.IVirtualBoard> saved = RunCommand.BoardFactory;
            RunCommand.BoardFactory = _ => throw new InvalidOperationException("board exploded");
            try
            {
                var (code, _, err) = Cli.Run("run", "summer-commute", "--no-plots", "--out", Cli.TempDir());
                Assert.AreEqual(ExitCodes.Unexpected, code);
                string[] lines = Cli.Lines(err);
                Assert.AreEqual("rangeguard run: unexpected error: InvalidOperationException: board exploded", lines[0]);
                Assert.AreEqual("This is a bug in rangeguard; please report it with the command line and this trace:", lines[1]);
                StringAssert.Contains(err, "   at ");
            }
            finally
            {
                RunCommand.BoardFactory = saved;
            }
        }
    }
}
