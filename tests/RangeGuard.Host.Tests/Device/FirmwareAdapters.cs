using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RangeGuard.Ports;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// Portable firmware adapters compiled for the host at test time (their nullable-oblivious code would not pass this
    /// project's nullable warnings if linked in): today the placeholder RamOutbox, for the memory budget.
    /// </summary>
    public static class FirmwareAdapters
    {
        private static readonly Lazy<Assembly> Compiled = new(Compile);

        public static IOutbox NewRamOutbox(int capacity) =>
            (IOutbox)Activator.CreateInstance(Compiled.Value.GetType("RangeGuard.Firmware.Adapters.RamOutbox", true)!, capacity)!;

        private static Assembly Compile()
        {
            string file = Path.Combine(RepoPaths.Root(), "firmware", "RangeGuard.Firmware", "Adapters", "RamOutbox.cs");
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.CSharp9), file);
            var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Select(p => MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(IOutbox).Assembly.Location));
            var compilation = CSharpCompilation.Create("RangeGuard.Firmware.Adapters", new[] { tree }, refs,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var ms = new MemoryStream();
            var result = compilation.Emit(ms);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return Assembly.Load(ms.ToArray());
        }
    }
}
