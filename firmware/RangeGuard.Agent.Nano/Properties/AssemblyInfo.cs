// Legacy .nfproj projects do not generate assembly attributes; the metadata processor needs the version.
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("RangeGuard.Agent")]
[assembly: AssemblyDescription("Portable RangeGuard agent code, upper layers (nanoFramework build)")]
[assembly: AssemblyProduct("RangeGuard")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]

// The device test assemblies (tests/RangeGuard.Core.Tests.Nano.*) are all named NFUnitTest, the name the launcher loads.
[assembly: InternalsVisibleTo("NFUnitTest")]
