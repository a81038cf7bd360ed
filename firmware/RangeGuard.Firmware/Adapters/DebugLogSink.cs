using System.Diagnostics;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// Log lines to the debugger output (Visual Studio Output window over the nanoFramework wire protocol).
    /// Debug.WriteLine is [Conditional("DEBUG")], so a Release build of this project compiles the call away
    /// and logs nothing; that is intended for the production image (no string work on the device).
    /// </summary>
    public sealed class DebugLogSink : ILogSink
    {
        public void Write(string message)
        {
            Debug.WriteLine(message);
        }
    }
}
