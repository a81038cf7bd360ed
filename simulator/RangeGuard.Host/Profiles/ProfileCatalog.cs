using System;
using System.IO;
using RangeGuard.Dbc;

namespace RangeGuard.Host.Profiles
{
    /// <summary>Loads a signal map by built-in profile name (embedded resource) or from a .map file path.</summary>
    public static class ProfileCatalog
    {
        /// <summary>The map text of a built-in profile (e.g. "vw-egolf"), or null if there is none by that name.</summary>
        public static string? BuiltInMapText(string name)
        {
            using Stream? stream = typeof(ProfileCatalog).Assembly.GetManifestResourceStream("RangeGuard.Profiles." + name + ".map");
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        /// <summary>The reference vehicle's DBC text (hardware-docs/dbc/rangeguard-ref.dbc).</summary>
        public static string ReferenceDbcText()
        {
            using Stream stream = typeof(ProfileCatalog).Assembly.GetManifestResourceStream("RangeGuard.Dbc.rangeguard-ref.dbc")
                ?? throw new InvalidOperationException("rangeguard-ref.dbc is not embedded in RangeGuard.Host");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        /// <summary>
        /// Loads a map from a built-in name or a file path. Throws <see cref="ArgumentException"/> naming the profile
        /// and, for a malformed map, the line and reason.
        /// </summary>
        public static SignalMap Load(string nameOrPath)
        {
            string? text = BuiltInMapText(nameOrPath);
            string source = nameOrPath;
            if (text is null)
            {
                if (!File.Exists(nameOrPath))
                {
                    throw new ArgumentException($"unknown profile '{nameOrPath}': use one of {string.Join(", ", BuiltInNames)} or a .map file path");
                }

                text = File.ReadAllText(nameOrPath);
            }

            if (!SignalMapLoader.TryLoad(text, out SignalMap map, out SignalMapError error))
            {
                throw new ArgumentException($"{source}: line {error.Line}: {error.Reason}");
            }

            return map;
        }

        /// <summary>Names of the built-in profiles.</summary>
        public static string[] BuiltInNames => new[] { "rangeguard-ref", "vw-egolf", "hyundai-kona" };
    }
}
