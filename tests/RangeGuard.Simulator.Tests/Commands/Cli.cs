using System;
using System.IO;
using RangeGuard.Simulator.Views;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>
    /// Runs the rangeguard command line through Program.Main with stdout and stderr captured, as piped output (classes that
    /// use it are [DoNotParallelize]: the console is global).
    /// </summary>
    internal static class Cli
    {
        public static (int Code, string Out, string Err) Run(params string[] args)
        {
            TextWriter oldOut = Console.Out, oldErr = Console.Error;
            var o = new StringWriter();
            var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            BatchProgress.PipedOverride = true;
            try
            {
                return (Program.Main(args), o.ToString(), e.ToString());
            }
            finally
            {
                BatchProgress.PipedOverride = null;
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }

        public static string TempDir()
        {
            string d = Path.Combine(Path.GetTempPath(), "rg-sim-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(d);
            return d;
        }

        /// <summary>Lines of a captured stream, without the trailing empty one.</summary>
        public static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');
    }
}
