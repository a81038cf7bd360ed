using System;
using System.Collections.Generic;
using System.IO;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Vehicles
{
    /// <summary>
    /// Every vehicle the host tools know: the folders embedded from firmware/vehicles, then the folders of each
    /// directory in the RANGEGUARD_VEHICLES variable (path-separator list) and of <see cref="AddDirectory"/>; a later
    /// folder with the same id replaces an earlier one. Adding a vehicle = adding a folder: nothing else lists them.
    /// The forecaster presets of added folders are registered with RangeGuard.Vehicle.VehiclePresets (the built-in
    /// ones are embedded in the core's host build already), so VehicleParams.Preset(id) finds them too.
    /// </summary>
    public static class VehicleCatalog
    {
        /// <summary>Environment variable with extra vehicle directories (':' or ';' separated).</summary>
        public const string DirectoryVariable = "RANGEGUARD_VEHICLES";

        private static readonly object s_lock = new();
        private static readonly List<VehicleFiles> s_extra = new();
        private static readonly VehicleFiles s_builtIn = new EmbeddedVehicleFiles(typeof(VehicleCatalog).Assembly);
        private static List<VehicleFolder>? s_all;
        private static readonly List<string> s_problems = new();
        private static readonly List<string> s_environmentProblems = new();
        private static bool s_environmentRead;

        /// <summary>The built-in folders only.</summary>
        public static IReadOnlyList<VehicleFolder> BuiltIn { get; } = Discover(s_builtIn);

        /// <summary>All folders, sorted by id.</summary>
        public static IReadOnlyList<VehicleFolder> All
        {
            get
            {
                lock (s_lock)
                {
                    ReadEnvironment();
                    return s_all ??= Merge();
                }
            }
        }

        public static VehicleFolder? Find(string id)
        {
            foreach (VehicleFolder v in All)
            {
                if (v.Id == id)
                {
                    return v;
                }
            }

            return null;
        }

        /// <summary>Adds a directory of vehicle folders (its folders replace built-ins of the same id).</summary>
        public static void AddDirectory(string directory)
        {
            var files = new DirectoryVehicleFiles(directory);
            lock (s_lock)
            {
                ReadEnvironment();
                s_extra.RemoveAll(f => f.Origin == files.Origin);
                s_extra.Add(files);
                s_all = Merge();
            }
        }

        /// <summary>Forecaster files of added folders that did not parse ("id: line 3: ..."); such a preset is not registered.</summary>
        public static IReadOnlyList<string> Problems
        {
            get
            {
                lock (s_lock)
                {
                    _ = All;
                    return s_problems.ToArray();
                }
            }
        }

        /// <summary>Forgets a directory added with <see cref="AddDirectory"/>.</summary>
        public static void RemoveDirectory(string directory)
        {
            string origin = Path.GetFullPath(directory);
            lock (s_lock)
            {
                s_extra.RemoveAll(f => f.Origin == origin);
                s_all = Merge();
            }
        }

        /// <summary>The vehicle folders of one source: top-level folders holding at least one vehicle file.</summary>
        public static IReadOnlyList<VehicleFolder> Discover(VehicleFiles files)
        {
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string path in files.Paths)
            {
                int slash = path.IndexOf('/');
                string name = slash < 0 ? "" : path.Substring(slash + 1);
                if (slash > 0 && name is VehicleFolder.ProfileFile or VehicleFolder.MapFile or VehicleFolder.ForecasterFile or VehicleFolder.TruthFile)
                {
                    ids.Add(path.Substring(0, slash));
                }
            }

            var folders = new List<VehicleFolder>();
            foreach (string id in ids)
            {
                folders.Add(new VehicleFolder(id, files));
            }

            return folders;
        }

        private static void ReadEnvironment()
        {
            if (s_environmentRead)
            {
                return;
            }

            s_environmentRead = true;
            string? dirs = Environment.GetEnvironmentVariable(DirectoryVariable);
            if (string.IsNullOrWhiteSpace(dirs))
            {
                return;
            }

            foreach (string dir in dirs.Split(new[] { Path.PathSeparator, ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                try
                {
                    s_extra.Add(new DirectoryVehicleFiles(dir.Trim()));
                }
                catch (DirectoryNotFoundException ex)
                {
                    s_environmentProblems.Add($"{DirectoryVariable}: {ex.Message}");
                }
            }
        }

        private static List<VehicleFolder> Merge()
        {
            var byId = new SortedDictionary<string, VehicleFolder>(StringComparer.Ordinal);
            foreach (VehicleFolder v in BuiltIn)
            {
                byId[v.Id] = v;
            }

            foreach (VehicleFiles source in s_extra)
            {
                foreach (VehicleFolder v in Discover(source))
                {
                    byId[v.Id] = v;
                }
            }

            // Forecaster presets: added folders register theirs; a built-in one a removed folder had replaced comes back.
            s_problems.Clear();
            s_problems.AddRange(s_environmentProblems);
            foreach (VehicleFolder v in byId.Values)
            {
                string? text = v.ForecasterText;
                if (text != null && (v.Files != s_builtIn || VehiclePresets.ConfigText(v.Id) != text))
                {
                    string? problem = VehiclePresets.Register(v.Id, text);
                    if (problem != null)
                    {
                        s_problems.Add($"{v.Describe(VehicleFolder.ForecasterFile)}: {problem}");
                    }
                }
            }

            return new List<VehicleFolder>(byId.Values);
        }
    }
}
