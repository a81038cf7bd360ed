using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Firmware;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>Wiring a board from hardware-docs/pins.md must match what the firmware drives (BoardPins.cs).</summary>
    [TestClass]
    public sealed class PinTableTests
    {
        /// <summary>GPIO constants of BoardPins (everything but the UART speed).</summary>
        private static Dictionary<string, int> FirmwarePins() =>
            typeof(BoardPins).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(int) && !f.Name.EndsWith("Baud", StringComparison.Ordinal))
                .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

        private static List<string[]> TableAfter(string heading)
        {
            string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.Root(), "hardware-docs", "pins.md"));
            int start = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
            Assert.IsTrue(start >= 0, "pins.md: table starting with '" + heading + "' not found");
            return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
                .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
        }

        /// <summary>Rows of the main table: BoardPins name → GPIO.</summary>
        private static List<(string Name, int Gpio)> DocPins() =>
            TableAfter("| Function | GPIO | `BoardPins` |").Select(r => (r[2].Trim('`'), int.Parse(r[1]))).ToList();

        /// <summary>GPIOs of the "Avoided" table ("0, 2, 5", "6 - 11").</summary>
        private static HashSet<int> AvoidedGpios()
        {
            var set = new HashSet<int>();
            foreach (string[] row in TableAfter("| GPIO | Reason |"))
            {
                foreach (string part in row[0].Split(','))
                {
                    Match m = Regex.Match(part, @"^\s*(\d+)\s*(?:-\s*(\d+))?\s*$");
                    Assert.IsTrue(m.Success, "pins.md: cannot read GPIO list '" + row[0] + "'");
                    int a = int.Parse(m.Groups[1].Value);
                    int b = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : a;
                    for (int g = a; g <= b; g++)
                    {
                        set.Add(g);
                    }
                }
            }

            return set;
        }

        [TestMethod]
        public void Pin_table_in_the_docs_should_match_BoardPins_when_read_row_by_row()
        {
            Dictionary<string, int> firmware = FirmwarePins();
            var doc = DocPins();
            var problems = new List<string>();
            foreach ((string name, int gpio) in doc)
            {
                if (!firmware.TryGetValue(name, out int fw))
                {
                    problems.Add($"pins.md names BoardPins.{name}, which does not exist");
                }
                else if (fw != gpio)
                {
                    problems.Add($"{name}: pins.md says GPIO {gpio}, BoardPins.cs says {fw}");
                }
            }

            foreach (string name in firmware.Keys.Where(n => doc.Count(d => d.Name == n) != 1))
            {
                problems.Add($"BoardPins.{name} appears {doc.Count(d => d.Name == name)} times in pins.md (expected once)");
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
            Assert.AreEqual(8, doc.Count, "the board has 8 wired pins (UART RX/TX, 3 LEDs, buzzer, button, heater)");
        }

        [TestMethod]
        public void BoardPins_should_use_each_gpio_once_and_none_the_docs_say_to_avoid()
        {
            Dictionary<string, int> firmware = FirmwarePins();
            HashSet<int> avoided = AvoidedGpios();
            Assert.IsTrue(avoided.Contains(12) && avoided.Contains(6) && avoided.Contains(39), "Avoided table read: " + string.Join(",", avoided));

            var clash = firmware.GroupBy(p => p.Value).Where(g => g.Count() > 1).Select(g => $"GPIO {g.Key}: {string.Join(", ", g.Select(p => p.Key))}");
            var bad = firmware.Where(p => avoided.Contains(p.Value)).Select(p => $"{p.Key} = GPIO {p.Value}, which pins.md lists as avoided");
            var problems = clash.Concat(bad).ToList();
            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }
    }
}
