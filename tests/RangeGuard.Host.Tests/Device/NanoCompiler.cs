using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// Compiles device projects in memory the way the nanoFramework project system does: C# 9, NANOFRAMEWORK_1_0,
    /// optimized, no standard library, against the real nanoFramework mscorlib.dll (CoreLibrary 1.17.11, copied to
    /// nano/ by the test project). Other nanoFramework libraries come from the signature stubs in Device/ApiStubs;
    /// project references are compiled first and referenced as images.
    /// </summary>
    public sealed class NanoCompiler
    {
        /// <summary>Referenced by the test projects for the test adapter only; nothing compiles against it.</summary>
        private static readonly string[] RuntimeOnly = { "nanoFramework.UnitTestLauncher" };

        private readonly Dictionary<string, MetadataReference> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, byte[]> _projects = new(StringComparer.Ordinal);

        public NanoCompiler()
        {
            string mscorlib = Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll");
            if (!File.Exists(mscorlib))
            {
                throw new FileNotFoundException("nanoFramework mscorlib.dll not next to the tests (package nanoFramework.CoreLibrary)", mscorlib);
            }

            _byName["mscorlib"] = MetadataReference.CreateFromFile(mscorlib);
        }

        public static string StubDir => Path.Combine(AppContext.BaseDirectory, "Device", "ApiStubs");

        /// <summary>Compiles a device project (and its project references); returns the PE image.</summary>
        public byte[] Compile(DeviceProject project)
        {
            if (_projects.TryGetValue(project.Path, out byte[]? done))
            {
                return done;
            }

            var refs = new List<MetadataReference>();
            foreach (string name in project.References.Where(r => !RuntimeOnly.Contains(r)))
            {
                refs.Add(Library(name, project));
            }

            foreach (string p in project.ProjectReferences)
            {
                refs.Add(MetadataReference.CreateFromImage(Compile(DeviceProject.Load(p))));
            }

            var sources = project.Sources.Select(f => (f, File.ReadAllText(f))).ToList();
            byte[] image = Emit(project.AssemblyName, sources, refs, project.IsExe, project.AllowUnsafe);
            _projects[project.Path] = image;
            return image;
        }

        /// <summary>Compiles source text against mscorlib (plus extra references); throws with the first errors.</summary>
        public byte[] Emit(string assemblyName, IEnumerable<(string Path, string Text)> sources, IEnumerable<MetadataReference>? extra = null,
            bool exe = false, bool allowUnsafe = false)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
            var options = new CSharpCompilationOptions(exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release, deterministic: true, allowUnsafe: allowUnsafe,
                nullableContextOptions: NullableContextOptions.Disable);
            var compilation = CSharpCompilation.Create(assemblyName, trees,
                new[] { _byName["mscorlib"] }.Concat(extra ?? Enumerable.Empty<MetadataReference>()), options);
            using var ms = new MemoryStream();
            var result = compilation.Emit(ms);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(8).Select(d => d.ToString());
                throw new InvalidOperationException(assemblyName + " does not compile for nanoFramework:\n" + string.Join("\n", errors));
            }

            return ms.ToArray();
        }

        private MetadataReference Library(string name, DeviceProject project)
        {
            if (_byName.TryGetValue(name, out MetadataReference? r))
            {
                return r;
            }

            string stub = Path.Combine(StubDir, name + ".cs");
            if (!File.Exists(stub))
            {
                throw new FileNotFoundException(project.Path + " references " + name + ", which has no API stub in Device/ApiStubs", stub);
            }

            r = MetadataReference.CreateFromImage(Emit(name, new[] { (stub, File.ReadAllText(stub)) }));
            _byName[name] = r;
            return r;
        }
    }
}
