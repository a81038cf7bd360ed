using System;
using System.IO;

namespace RangeGuard.Host.Tests.Device
{
    internal static class RepoPaths
    {
        /// <summary>The checkout these tests were built from (the folder holding RangeGuard.sln).</summary>
        public static string Root()
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "RangeGuard.sln")))
                {
                    return d.FullName;
                }
            }

            throw new DirectoryNotFoundException("RangeGuard.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
