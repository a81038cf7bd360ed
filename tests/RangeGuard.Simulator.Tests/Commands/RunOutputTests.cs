using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>
    /// `rangeguard run` with its output piped (a log, CI): the header first, then the timeline once, in time order, with
    /// alerts raised and cleared and advice given and withdrawn, then the results. The scenario is a short built-in one
    /// (2.7 simulated hours, about a second) with alerts, clears and a charge advice.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class RunOutputTests
    {
        private static readonly Regex Entry = new(@"^  d(?<day>\d+) (?<hh>\d\d):(?<mm>\d\d)  km +(?<km>[0-9.]+)  (?<tag>step|alert|cleared|advice|withdrawn) +(?<text>.*)$");

        [TestMethod]
        public void Piped_run_should_print_the_header_first_and_each_alert_once_in_the_timeline()
        {
            string dir = Cli.TempDir();
            var (code, output, err) = Cli.Run("run", "dc-fast-charge-precondition", "--as-driven", "--no-plots", "--out", dir);
            Assert.AreEqual(0, code, err);
            string[] lines = Cli.Lines(output);
            StringAssert.StartsWith(lines[0], "Scenario dc-fast-charge-precondition: ");
            StringAssert.StartsWith(lines[1], "Vehicle RangeGuard reference car");
            StringAssert.EndsWith(lines[1], "; board: agent; driver ignores advice (as driven)");
            Assert.AreEqual("", lines[2]);
            Assert.AreEqual("Timeline (itinerary steps; alerts raised and cleared; advice given and withdrawn):", lines[3]);

            // The timeline runs from line 4 up to the counts line, in time order.
            var entries = new List<Match>();
            int i = 4;
            for (; i < lines.Length && Entry.Match(lines[i]) is { Success: true } m; i++)
            {
                entries.Add(m);
            }

            Assert.IsTrue(entries.Count >= 8, $"a timeline of several entries, got {entries.Count}");
            Assert.AreEqual(3, entries.Count(e => e.Groups["tag"].Value == "step"), "the itinerary's three steps");
            double Minutes(Match m) => (int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) * 24 + int.Parse(m.Groups["hh"].Value, CultureInfo.InvariantCulture)) * 60
                + int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture);
            for (int k = 1; k < entries.Count; k++)
            {
                Assert.IsTrue(Minutes(entries[k]) >= Minutes(entries[k - 1]), $"time order: {entries[k - 1].Value} / {entries[k].Value}");
            }

            // Every alert of the report appears exactly once in the whole output, as a timeline entry.
            JsonNode report = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "dc-fast-charge-precondition.report.json")))!;
            JsonArray alerts = report["alerts"]!.AsArray();
            Assert.IsTrue(alerts.Count >= 3, "the scenario raises alerts");
            foreach (JsonNode? a in alerts)
            {
                string text = $"{(string?)a!["code"]} ({((string?)a["severity"])!.ToLowerInvariant()}): {(string?)a["text"]}";
                Assert.AreEqual(1, entries.Count(e => e.Groups["tag"].Value == "alert" && e.Groups["text"].Value == text), text);
                Assert.AreEqual(1, Regex.Matches(output, Regex.Escape(text)).Count, "printed once: " + text);
            }

            // Clears and the advice's life are listed too.
            Assert.IsTrue(entries.Any(e => e.Groups["tag"].Value == "cleared" && e.Groups["text"].Value == "RG-PRECOND-ON"), "preconditioning alert cleared");
            Match given = entries.First(e => e.Groups["tag"].Value == "advice" && e.Groups["text"].Value.StartsWith("charge at Motorway DC 150 to ", StringComparison.Ordinal));
            Match withdrawn = entries.First(e => e.Groups["tag"].Value == "withdrawn" && e.Groups["text"].Value.StartsWith("charge at Motorway DC 150 to ", StringComparison.Ordinal));
            Assert.IsTrue(Minutes(withdrawn) > Minutes(given), "withdrawn after it was given");

            // Then the counts of what the timeline showed, and the results; no second alert list.
            int Count(string tag) => entries.Count(e => e.Groups["tag"].Value == tag);
            string Times(int n) => n == 1 ? "1 time" : $"{n} times";
            Assert.AreEqual($"{Count("alert")} alerts raised, {Count("cleared")} cleared; advice given {Times(Count("advice"))}, withdrawn {Times(Count("withdrawn"))}.", lines[i]);
            StringAssert.StartsWith(lines[i + 1], "Board: ");
            Assert.IsFalse(output.Contains("Alert timeline", StringComparison.Ordinal));
            StringAssert.Contains(output, "\nItinerary as run:\n");
            StringAssert.Contains(output, "\nOutcome: arrived at Destination");
        }
    }
}
