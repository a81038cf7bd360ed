using System;
using System.IO;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Tests.Scenarios;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>The rangeguard command line end to end, through Program.Main (console redirected, so not in parallel).</summary>
    [TestClass]
    [DoNotParallelize]
    public class CommandLineTests
    {
        private static (int Code, string Out, string Err) Cli(params string[] args)
        {
            TextWriter oldOut = Console.Out, oldErr = Console.Error;
            var o = new StringWriter();
            var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                return (Program.Main(args), o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }

        private static string TempDir()
        {
            string d = Path.Combine(Path.GetTempPath(), "rg-sim-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(d);
            return d;
        }

        [TestMethod]
        public void Run_with_check_should_exit_0_and_write_the_report()
        {
            string dir = TempDir();
            var (code, output, _) = Cli("run", "summer-commute", "--as-driven", "--check", "--no-plots", "--out", dir);
            Assert.AreEqual(0, code, output);
            StringAssert.Contains(output, "PASS  outcome arrives");
            JsonNode report = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summer-commute.report.json")))!;
            Assert.AreEqual("arrived", (string?)report["outcome"]!["result"]);
            Assert.AreEqual(3, report["steps"]!.AsArray().Count);
        }

        [TestMethod]
        public void A_failed_expectation_should_exit_1()
        {
            string dir = TempDir();
            JsonObject o = ScenarioJson.Node();
            o["expect"]!["asDriven"]!["outcome"] = "strands";
            string file = Path.Combine(dir, "wrong.json");
            File.WriteAllText(file, o.ToJsonString());
            var (code, output, _) = Cli("run", file, "--check", "--no-plots", "--out", dir);
            Assert.AreEqual(1, code, output);
            StringAssert.Contains(output, "FAIL  outcome strands: arrives");
        }

        [TestMethod]
        public void Bad_input_should_exit_2_with_a_clear_message()
        {
            var (code, _, err) = Cli("run", "no-such-scenario");
            Assert.AreEqual(2, code);
            StringAssert.Contains(err, "rangeguard run: no-such-scenario: $: no built-in scenario of that name (built in: broder-2013");

            string dir = TempDir();
            string file = Path.Combine(dir, "bad.json");
            File.WriteAllText(file, ScenarioJson.Node().ToJsonString().Replace("\"hours\":1", "\"hours\":-1", StringComparison.Ordinal));
            (code, _, err) = Cli("run", file, "--no-plots", "--out", dir);
            Assert.AreEqual(2, code);
            StringAssert.Contains(err, "rangeguard run: bad.json: $.itinerary[2].hours: must be >= 0 (got -1)");
            Assert.IsFalse(err.Contains("   at ", StringComparison.Ordinal), "no stack trace");

            (code, _, err) = Cli("run", "summer-commute", "--speedup", "fast");
            Assert.AreEqual(2, code);
            StringAssert.Contains(err, "rangeguard run: --speedup: ");

            (code, _, err) = Cli("run", "summer-commute", "--follow-advice", "--as-driven");
            Assert.AreEqual(2, code);
            StringAssert.Contains(err, "exclude each other");
        }

        [TestMethod]
        public void Scenarios_should_list_the_built_ins_with_descriptions()
        {
            var (code, output, _) = Cli("scenarios");
            Assert.AreEqual(0, code);
            foreach (string n in new[] { "broder-2013", "summer-commute", "winter-mountain-pass", "dc-fast-charge-precondition", "cold-night-unplugged" })
            {
                StringAssert.Contains(output, n);
            }

            StringAssert.Contains(output, "tesla-model-s-85-2013");
        }

        [TestMethod]
        public void A_scenario_with_both_modes_should_run_both_compare_them_and_write_plots()
        {
            string dir = TempDir();
            var (code, output, _) = Cli("run", "broder-2013", "--check", "--out", dir);
            Assert.AreEqual(0, code, output);
            StringAssert.Contains(output, "Without following advice: stranded at km");
            StringAssert.Contains(output, "Following advice:         arrived at Milford CT Supercharger SB");
            foreach (string png in new[] { "soc-distance", "soc-time", "temperatures" })
            {
                byte[] bytes = File.ReadAllBytes(Path.Combine(dir, $"broder-2013.as-driven.{png}.png"));
                Assert.IsTrue(bytes.Length > 10_000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', png);
            }
        }

        [TestMethod]
        public void Bench_should_report_the_real_time_factor()
        {
            var (code, output, _) = Cli("bench", "summer-commute", "--runs", "1");
            Assert.AreEqual(0, code);
            StringAssert.Contains(output, "× real time");
        }
    }
}
