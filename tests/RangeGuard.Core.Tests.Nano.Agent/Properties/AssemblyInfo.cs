// Legacy .nfproj projects do not generate assembly attributes.
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("RangeGuard portable tests on nanoFramework.TestFramework: forecast, learning, vehicle model, preconditioning, alerts, dashboard, the agent tick, trip.")]
[assembly: AssemblyProduct("RangeGuard")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
