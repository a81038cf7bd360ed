using System;
using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Host.Tests.Can
{
    /// <summary>Checks for the Debian tools the interop tests need (python3-can, socat).</summary>
    internal static class ExternalTool
    {
        public const string Python = "/usr/bin/python3";

        /// <summary>CI must run every test: a missing tool fails there, and only skips on a developer machine.</summary>
        public static void Require(bool present, string what)
        {
            if (present)
            {
                return;
            }

            string message = $"{what} is not installed (apt-get install -y python3-can socat); .ci/run installs it.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + message);
            }

            Assert.Inconclusive(message);
        }

        public static bool PythonHasCan() => Runs(Python, "-c \"import can, serial\"");

        public static bool HasSocat() => Runs("socat", "-V");

        private static bool Runs(string file, string arguments)
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(file, arguments)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (p == null)
                {
                    return false;
                }

                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                if (!p.WaitForExit(10000))
                {
                    p.Kill(true);
                    return false;
                }

                return p.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
