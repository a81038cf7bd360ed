using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Host.Tests.Portable
{
    /// <summary>
    /// firmware/RangeGuard.Core.Mscorlib compiles the portable core against nanoFramework's mscorlib.dll alone; this test
    /// project references it (build order only), so the compile happens on every test run. Here: that it did, and that
    /// the result references nothing but that mscorlib.
    /// </summary>
    [TestClass]
    public class MscorlibBuildTests
    {
        [TestMethod]
        public void Core_should_be_compiled_against_the_devices_mscorlib_only()
        {
            // This test's own output folder is .../tests/RangeGuard.Host.Tests/bin/<Configuration>/net10.0/.
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = testBin.Parent!.Name;
            string root = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            string dll = Path.Combine(root, "firmware", "RangeGuard.Core.Mscorlib", "bin", configuration, "net10.0", "RangeGuard.Core.Mscorlib.dll");
            Assert.IsTrue(File.Exists(dll), "not built: " + dll);

            using var pe = new PEReader(File.OpenRead(dll));
            MetadataReader md = pe.GetMetadataReader();
            var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
                .Select(r => md.GetString(r.Name) + " " + r.Version).ToList();
            CollectionAssert.AreEqual(new[] { "mscorlib 1.17.11.0" }, references, string.Join(", ", references));
            Assert.IsTrue(md.TypeDefinitions.Select(h => md.GetTypeDefinition(h)).Any(t => md.GetString(t.Name) == "DMath"),
                "the core's types are in it");
        }
    }
}
