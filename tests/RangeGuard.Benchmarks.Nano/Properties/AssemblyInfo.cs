// Legacy .nfproj projects do not generate assembly attributes; the metadata processor needs the version.
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("RangeGuard.Benchmarks.Nano")]
[assembly: AssemblyDescription("RangeGuard interpreter benchmarks (nanoCLR or a board)")]
[assembly: AssemblyProduct("RangeGuard")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
