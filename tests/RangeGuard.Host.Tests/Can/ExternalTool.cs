using System;
using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace RangeGuard.Host.Tests.Can
{
    /// <summary>
    /// The Debian tools the interop tests need: python3-can (python-can, an independent SLCAN implementation, for
    /// /usr/bin/python3) and socat (pseudo-terminal pairs standing in for a USB serial adapter). Without them a test is
    /// skipped (Inconclusive) with the reason and the packages to install; under CI (CI=true) it fails, because .ci/run
    /// installs both.
    /// </summary>
    internal static class ExternalTool
    {
        public const string Python = "/usr/bin/python3";
        public const string Install = "sudo apt-get install python3-can socat";

        /// <summary>Skips the test unless python-can imports in <see cref="Python"/>; <paramref name="test"/> says what the test does with it.</summary>
        public static void RequirePythonCan(string test)
            => Require(PythonHasCan(), $"needs the Debian package python3-can (python-can for {Python}; `import can, serial` failed there) to {test}");

        /// <summary>Skips the test unless socat runs; <paramref name="test"/> says what the test does with it.</summary>
        public static void RequireSocat(string test)
            => Require(HasSocat(), $"needs the Debian package socat (not found on PATH) to {test}");

        /// <summary>CI must run every test: a missing tool fails there, and only skips on a developer machine.</summary>
        public static void Require(bool present, string why)
            => Require(present, why, string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase));

        internal static void Require(bool present, string why, bool ci)
        {
            if (present)
            {
                return;
            }

            string message = $"Skipped: this test {why}. Install with: {Install} (.ci/run installs both).";
            if (ci)
            {
                Assert.Fail("CI=true, so not skipped: " + message);
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
