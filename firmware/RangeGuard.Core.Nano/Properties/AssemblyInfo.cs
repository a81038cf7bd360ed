// Legacy .nfproj projects do not generate assembly attributes; the metadata processor needs the version.
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("RangeGuard.Core")]
[assembly: AssemblyDescription("Portable RangeGuard agent code (nanoFramework build)")]
[assembly: AssemblyProduct("RangeGuard")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
