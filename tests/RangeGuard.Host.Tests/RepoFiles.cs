using System;
using System.IO;

namespace RangeGuard.Host.Tests
{
    /// <summary>Paths in the repository (vehicle folders, generated files) and in the copied test fixtures.</summary>
    internal static class RepoFiles
    {
        private static readonly Lazy<string> s_root = new(() =>
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(d.FullName, "RangeGuard.sln")))
                {
                    return d.FullName;
                }
            }

            throw new DirectoryNotFoundException("RangeGuard.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => s_root.Value;

        public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));

        /// <summary>A file of a vehicle folder, firmware/vehicles/&lt;id&gt;/&lt;file&gt;.</summary>
        public static string Vehicle(string id, string file) => Path("firmware", "vehicles", id, file);

        /// <summary>A copied fixture, tests/fixtures/... next to the test assembly.</summary>
        public static string Fixture(params string[] parts) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", System.IO.Path.Combine(parts));
    }
}
