// Legacy .nfproj projects do not generate assembly attributes.
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("RangeGuard.Firmware")]
[assembly: AssemblyDescription("RangeGuard ESP32 application")]
[assembly: AssemblyProduct("RangeGuard")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
