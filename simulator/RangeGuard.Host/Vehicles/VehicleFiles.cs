using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace RangeGuard.Host.Vehicles
{
    /// <summary>
    /// Where vehicle folders come from: the copies embedded in this assembly (firmware/vehicles at build time, so the
    /// tools run from a fresh clone anywhere) or a directory on disk (a user's own vehicles). Paths are "id/file", '/'-separated.
    /// </summary>
    public abstract class VehicleFiles
    {
        /// <summary>Describes the origin in messages ("built-in", or the directory).</summary>
        public abstract string Origin { get; }

        /// <summary>Every file path, "id/name" (files of nested folders too, e.g. "shared/x.dbc").</summary>
        public abstract IReadOnlyList<string> Paths { get; }

        /// <summary>Text of a file, or null if there is none.</summary>
        public abstract string? Read(string path);

        /// <summary>True if the file exists (without reading it).</summary>
        public abstract bool Contains(string path);

        /// <summary>Where a file lives for a person to open (a disk path, or "built-in:id/name").</summary>
        public abstract string Describe(string path);

        /// <summary>"a/b/../c" → "a/c"; null if it climbs out of the root.</summary>
        public static string? Normalize(string path)
        {
            var parts = new List<string>();
            foreach (string part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(part);
            }

            return string.Join('/', parts);
        }
    }

    /// <summary>The vehicle folders embedded as resources named "vehicles/&lt;id&gt;/&lt;file&gt;".</summary>
    public sealed class EmbeddedVehicleFiles : VehicleFiles
    {
        private const string Prefix = "vehicles/";
        private readonly Assembly _assembly;
        private readonly Dictionary<string, string> _resourceByPath = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

        public EmbeddedVehicleFiles(Assembly assembly)
        {
            _assembly = assembly;
            foreach (string name in assembly.GetManifestResourceNames())
            {
                string normal = name.Replace('\\', '/');
                if (normal.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    _resourceByPath[normal.Substring(Prefix.Length)] = name;
                }
            }

            var paths = new List<string>(_resourceByPath.Keys);
            paths.Sort(StringComparer.Ordinal);
            Paths = paths;
        }

        public override string Origin => "built-in";

        public override IReadOnlyList<string> Paths { get; }

        public override string? Read(string path)
        {
            if (!_resourceByPath.TryGetValue(path, out string? resource))
            {
                return null;
            }

            // Embedded files never change: read each once (the simulator asks per run, the benchmarks count the bytes).
            lock (_texts)
            {
                if (!_texts.TryGetValue(path, out string? text))
                {
                    using Stream stream = _assembly.GetManifestResourceStream(resource)!;
                    using var reader = new StreamReader(stream);
                    text = reader.ReadToEnd();
                    _texts[path] = text;
                }

                return text;
            }
        }

        public override bool Contains(string path) => _resourceByPath.ContainsKey(path);

        public override string Describe(string path) => "built-in:" + path;
    }

    /// <summary>Vehicle folders in a directory on disk (read when asked, so edits show without a rebuild).</summary>
    public sealed class DirectoryVehicleFiles : VehicleFiles
    {
        private readonly string _root;

        public DirectoryVehicleFiles(string root)
        {
            _root = Path.GetFullPath(root);
            if (!Directory.Exists(_root))
            {
                throw new DirectoryNotFoundException($"vehicle directory {_root} does not exist");
            }

            var paths = new List<string>();
            foreach (string file in Directory.GetFiles(_root, "*", SearchOption.AllDirectories))
            {
                paths.Add(Path.GetRelativePath(_root, file).Replace('\\', '/'));
            }

            paths.Sort(StringComparer.Ordinal);
            Paths = paths;
        }

        public override string Origin => _root;

        public override IReadOnlyList<string> Paths { get; }

        public override string? Read(string path)
        {
            string full = Path.Combine(_root, path);
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }

        public override bool Contains(string path) => File.Exists(Path.Combine(_root, path));

        public override string Describe(string path) => Path.Combine(_root, path);
    }
}
