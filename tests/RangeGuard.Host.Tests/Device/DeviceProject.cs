using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// What a legacy nanoFramework project (.nfproj) compiles: its Compile items (plain paths, <c>dir\*.cs</c> and
    /// <c>dir\**\*.cs</c> globs, Exclude), the items of the .projitems it imports, its assembly references by name and
    /// its project references. Enough of MSBuild for this repository's device projects; anything else throws.
    /// </summary>
    public sealed class DeviceProject
    {
        public string Path { get; }
        public string AssemblyName { get; }
        public bool IsExe { get; }
        public bool AllowUnsafe { get; }
        public IReadOnlyList<string> Sources { get; }
        public IReadOnlyList<string> References { get; }
        public IReadOnlyList<string> ProjectReferences { get; }

        private DeviceProject(string path)
        {
            Path = System.IO.Path.GetFullPath(path);
            XDocument doc = XDocument.Load(Path);
            AssemblyName = Property(doc, "AssemblyName") ?? System.IO.Path.GetFileNameWithoutExtension(Path);
            IsExe = string.Equals(Property(doc, "OutputType"), "Exe", StringComparison.OrdinalIgnoreCase);
            AllowUnsafe = string.Equals(Property(doc, "AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase);
            var sources = new List<string>();
            CollectItems(doc, Path, sources);
            Sources = sources.Distinct(StringComparer.Ordinal).ToList();
            References = Items(doc, "Reference").Select(r => r.Split(',')[0].Trim()).ToList();
            ProjectReferences = Items(doc, "ProjectReference").Select(r => Resolve(Path, r)).ToList();
        }

        public static DeviceProject Load(string path) => new DeviceProject(path);

        private static string? Property(XDocument doc, string name) =>
            doc.Descendants().FirstOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();

        private static IEnumerable<string> Items(XDocument doc, string kind) =>
            doc.Descendants().Where(e => e.Name.LocalName == kind).Select(e => (string?)e.Attribute("Include")).OfType<string>();

        private static void CollectItems(XDocument doc, string file, List<string> into)
        {
            foreach (XElement item in doc.Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                string? include = (string?)item.Attribute("Include");
                if (include == null)
                {
                    continue; // Compile Remove/Update
                }

                var excluded = new HashSet<string>(StringComparer.Ordinal);
                foreach (string e in Split((string?)item.Attribute("Exclude")))
                {
                    excluded.UnionWith(Expand(file, e));
                }

                into.AddRange(Split(include).SelectMany(p => Expand(file, p)).Where(p => !excluded.Contains(p)));
            }

            foreach (XElement import in doc.Descendants().Where(e => e.Name.LocalName == "Import"))
            {
                string? project = (string?)import.Attribute("Project");
                if (project != null && project.EndsWith(".projitems", StringComparison.OrdinalIgnoreCase))
                {
                    string path = Resolve(file, project);
                    CollectItems(XDocument.Load(path), path, into);
                }
            }
        }

        private static IEnumerable<string> Split(string? list) =>
            (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private static string Resolve(string file, string relative)
        {
            string dir = System.IO.Path.GetDirectoryName(file)!;
            string p = relative.Replace("$(MSBuildThisFileDirectory)", "").Replace("$(MSBuildProjectDirectory)", "").Replace('\\', '/');
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, p));
        }

        /// <summary>A Compile pattern relative to the file that declares it, as full paths (bin/ and obj/ left out).</summary>
        private static IEnumerable<string> Expand(string file, string pattern)
        {
            string full = Resolve(file, pattern);
            if (!full.Contains('*'))
            {
                return new[] { full };
            }

            string name = System.IO.Path.GetFileName(full);
            string dir = System.IO.Path.GetDirectoryName(full)!;
            SearchOption depth = SearchOption.TopDirectoryOnly;
            if (System.IO.Path.GetFileName(dir) == "**")
            {
                dir = System.IO.Path.GetDirectoryName(dir)!;
                depth = SearchOption.AllDirectories;
            }

            if (dir.Contains('*'))
            {
                throw new NotSupportedException("Compile pattern not understood: " + pattern + " in " + file);
            }

            char sep = System.IO.Path.DirectorySeparatorChar;
            return Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, name, depth)
                    .Where(f => !f.Contains(sep + "bin" + sep) && !f.Contains(sep + "obj" + sep))
                    .Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        }
    }
}
