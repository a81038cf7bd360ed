using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>hardware-docs/prediction-validation.md must show what the code prints (issue 10, item 8).</summary>
    [TestClass]
    public class PredictionValidationDocTests
    {
        private static string RepoRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "RangeGuard.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("RangeGuard.sln not found above " + AppContext.BaseDirectory);
        }

        [TestMethod]
        public void Fixture_block_should_match_a_fresh_run()
        {
            const string Marker = "<!-- generated: rangeguard evaluate tests/fixtures/bmw-i3 --folds 2 -->";
            string root = RepoRoot();
            string[] doc = File.ReadAllLines(Path.Combine(root, "hardware-docs", "prediction-validation.md"));
            int at = Array.IndexOf(doc, Marker);
            Assert.IsTrue(at >= 0 && doc[at + 1].StartsWith("```"), "marker and fence present");
            string[] block = doc.Skip(at + 2).TakeWhile(l => !l.StartsWith("```")).ToArray();

            var output = new StringWriter();
            EvaluateCommand.Create().Parse(new[] { Path.Combine(root, "tests", "fixtures", "bmw-i3"), "--folds", "2" })
                .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
            string[] fresh = output.ToString().TrimEnd('\n').Split('\n');
            CollectionAssert.AreEqual(fresh, block, "rerun python3 hardware-docs/regenerate-prediction-validation.py");
        }

        [TestMethod]
        public void Every_generated_block_should_name_its_command()
        {
            string doc = File.ReadAllText(Path.Combine(RepoRoot(), "hardware-docs", "prediction-validation.md"));
            int markers = Regex.Matches(doc, "<!-- generated: rangeguard ").Count;
            Assert.IsTrue(markers >= 10, $"{markers} generated blocks");
            Assert.IsFalse(doc.Contains("FINDINGS"), "findings written");
        }
    }
}
