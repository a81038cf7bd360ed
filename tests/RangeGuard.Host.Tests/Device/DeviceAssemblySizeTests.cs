using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// A nanoFramework assembly holds at most 64 KB of byte code and 64 KB of strings (16-bit offsets in the .pe). These
    /// tests compile every device assembly of the repository as the nanoFramework build does and fail at 85 % of either
    /// limit, so growth is caught here before a device build breaks with "Byte code table overflow".
    /// </summary>
    [TestClass]
    public sealed class DeviceAssemblySizeTests
    {
        /// <summary>Fail above this share of a table limit.</summary>
        public const double MaxShare = 0.85;

        /// <summary>The device builds of the portable core (firmware/RangeGuard.*.Nano: the core by layer).</summary>
        public static IEnumerable<string> CoreProjects(string root) =>
            Directory.GetDirectories(Path.Combine(root, "firmware"), "RangeGuard.*.Nano").Order(StringComparer.Ordinal)
                .SelectMany(d => Directory.GetFiles(d, "*.nfproj"));

        /// <summary>The device projects whose sources are portable; the ESP32 app (firmware/RangeGuard.Firmware) needs
        /// GPIO/UART/Wi-Fi/MQTT libraries with no stubs here.</summary>
        public static IEnumerable<string> DeviceProjects(string root)
        {
            foreach (string p in CoreProjects(root))
            {
                yield return p;
            }

            foreach (string dir in Directory.GetDirectories(Path.Combine(root, "tests"), "RangeGuard.Core.Tests.Nano*").Order(StringComparer.Ordinal))
            {
                foreach (string p in Directory.GetFiles(dir, "*.nfproj"))
                {
                    yield return p;
                }
            }

            foreach (string dir in Directory.GetDirectories(Path.Combine(root, "tests"), "RangeGuard.Benchmarks.Nano*"))
            {
                foreach (string p in Directory.GetFiles(dir, "*.nfproj"))
                {
                    yield return p;
                }
            }
        }

        [TestMethod]
        public void Every_device_assembly_should_stay_below_85_percent_of_the_pe_table_limits()
        {
            string root = RepoPaths.Root();
            var compiler = new NanoCompiler();
            var report = new StringBuilder();
            var over = new List<string>();
            int limit = (int)(PeSizes.TableLimit * MaxShare);
            report.AppendLine($"{"device assembly",-42} {"byte code",9} {"%",4} {"strings",8} {"%",4}   (raw IL, .NET #US heap)");
            foreach (string path in DeviceProjects(root))
            {
                PeSizes s = PeSizes.Measure(compiler.Compile(DeviceProject.Load(path)));
                string name = Path.GetFileNameWithoutExtension(path);
                report.AppendLine($"{name,-42} {s.ByteCode,9} {Pct(s.ByteCode),4} {s.Strings,8} {Pct(s.Strings),4}   ({s.RawIl}, {s.UserStringHeap})");
                if (s.ByteCode > limit || s.Strings > limit)
                {
                    over.Add(name);
                }
            }

            Console.WriteLine(report);
            Assert.AreEqual(0, over.Count,
                $"over {MaxShare:P0} of {PeSizes.TableLimit} bytes: {string.Join(", ", over)}; split the assembly (see hardware-docs/testing-on-device.md)\n{report}");
        }

        [TestMethod]
        public void Every_shared_test_file_should_be_in_exactly_one_device_test_assembly()
        {
            string root = RepoPaths.Root();
            string shared = Path.Combine(root, "tests", "RangeGuard.Core.Tests") + Path.DirectorySeparatorChar;
            string core = Path.Combine(root, "firmware", "RangeGuard.Core") + Path.DirectorySeparatorChar;
            var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var testProjects = DeviceProjects(root).Where(p => p.Contains("RangeGuard.Core.Tests.Nano")).ToList();
            Assert.IsTrue(testProjects.Count > 0, "no tests/RangeGuard.Core.Tests.Nano* project");
            foreach (string path in testProjects)
            {
                DeviceProject p = DeviceProject.Load(path);
                Assert.AreEqual("NFUnitTest", p.AssemblyName, path + ": the UnitTestLauncher loads NFUnitTest");
                Assert.IsFalse(p.Sources.Any(f => f.StartsWith(core, StringComparison.Ordinal)),
                    path + " compiles core sources itself; reference the firmware/RangeGuard.*.Nano projects instead");
                foreach (string f in p.Sources.Where(f => f.StartsWith(shared, StringComparison.Ordinal) && HasTests(f)))
                {
                    if (!owners.TryGetValue(f, out List<string>? list))
                    {
                        owners[f] = list = new List<string>();
                    }

                    list.Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            var problems = new List<string>();
            foreach (string f in Directory.EnumerateFiles(shared, "*.cs", SearchOption.AllDirectories).Where(HasTests))
            {
                string rel = Path.GetRelativePath(root, f);
                if (!owners.TryGetValue(f, out List<string>? list))
                {
                    problems.Add(rel + ": in no device test assembly (add its folder to a tests/RangeGuard.Core.Tests.Nano.* project)");
                }
                else if (list.Count > 1)
                {
                    problems.Add(rel + ": in " + string.Join(" and ", list));
                }
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void Every_core_file_should_be_in_exactly_one_device_core_assembly()
        {
            string root = RepoPaths.Root();
            string core = Path.Combine(root, "firmware", "RangeGuard.Core") + Path.DirectorySeparatorChar;
            var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (string path in CoreProjects(root))
            {
                foreach (string f in DeviceProject.Load(path).Sources.Where(f => f.StartsWith(core, StringComparison.Ordinal)))
                {
                    if (!owners.TryGetValue(f, out List<string>? list))
                    {
                        owners[f] = list = new List<string>();
                    }

                    list.Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            var problems = new List<string>();
            foreach (string f in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            {
                string rel = Path.GetRelativePath(root, f);
                if (!owners.TryGetValue(f, out List<string>? list))
                {
                    problems.Add(rel + ": in no device core assembly (add its folder to a firmware/RangeGuard.*.Nano project)");
                }
                else if (list.Count > 1)
                {
                    problems.Add(rel + ": in " + string.Join(" and ", list));
                }
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        private static bool HasTests(string file) => File.ReadAllText(file).Contains("[TestClass]", StringComparison.Ordinal);

        private static string Pct(int bytes) => (100.0 * bytes / PeSizes.TableLimit).ToString("0") + "%";
    }
}
