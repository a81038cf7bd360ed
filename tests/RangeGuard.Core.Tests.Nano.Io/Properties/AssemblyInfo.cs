// Legacy .nfproj projects do not generate assembly attributes.
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("RangeGuard portable tests on nanoFramework.TestFramework: CAN and SLCAN, signal decoding, vehicle state, common helpers, the agent loop (CAN pump, commands, device state).")]
[assembly: AssemblyProduct("RangeGuard")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
