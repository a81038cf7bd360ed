using System;
using System.Collections.Generic;
using System.IO;
using RangeGuard.Dbc;
using RangeGuard.Host.Vehicles;

namespace RangeGuard.Host.Profiles
{
    /// <summary>
    /// Signal maps by vehicle id (a folder with a signals.profile, built from its profile and DBC), or from a file:
    /// a .profile (built against its dbc=) or a .map (loaded as the device loads it).
    /// </summary>
    public static class ProfileCatalog
    {
        /// <summary>The map text of a vehicle's profile (e.g. "vw-egolf"), or null if no vehicle of that id has one.</summary>
        public static string? BuiltInMapText(string name)
        {
            VehicleFolder? v = VehicleCatalog.Find(name);
            return v != null && v.HasProfile ? v.BuildMap().MapText : null;
        }

        /// <summary>The reference vehicle's DBC text (firmware/vehicles/rangeguard-ref), which the simulator speaks.</summary>
        public static string ReferenceDbcText()
        {
            VehicleFolder v = VehicleCatalog.Find("rangeguard-ref") ?? throw new InvalidOperationException("vehicle rangeguard-ref is missing");
            SignalProfile profile = v.ReadProfile();
            return v.Read(profile.Dbc!) ?? throw new InvalidOperationException($"rangeguard-ref: {profile.Dbc} is missing");
        }

        /// <summary>
        /// Loads a map from a vehicle id or a file path. Throws <see cref="ArgumentException"/> naming the profile
        /// and, for a malformed file, the line and reason.
        /// </summary>
        public static SignalMap Load(string nameOrPath)
        {
            string? text = BuiltInMapText(nameOrPath);
            if (text != null)
            {
                return SignalMapLoader.Load(text);
            }

            if (!File.Exists(nameOrPath))
            {
                throw new ArgumentException($"unknown profile '{nameOrPath}': use one of {string.Join(", ", BuiltInNames)}, a .profile or a .map file");
            }

            if (nameOrPath.EndsWith(".profile", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    return ProfileBuilder.BuildFile(nameOrPath).Map;
                }
                catch (ProfileException ex)
                {
                    throw new ArgumentException(ex.Message, ex);
                }
            }

            if (!SignalMapLoader.TryLoad(File.ReadAllText(nameOrPath), out SignalMap map, out SignalMapError error))
            {
                throw new ArgumentException($"{nameOrPath}: line {error.Line}: {error.Reason}");
            }

            return map;
        }

        /// <summary>Ids of the vehicles that have a signal profile.</summary>
        public static string[] BuiltInNames
        {
            get
            {
                var names = new List<string>();
                foreach (VehicleFolder v in VehicleCatalog.All)
                {
                    if (v.HasProfile)
                    {
                        names.Add(v.Id);
                    }
                }

                return names.ToArray();
            }
        }
    }
}
