using System;
using System.Collections.Generic;
using RangeGuard.Host.Dbc;
using RangeGuard.Host.Profiles;

namespace RangeGuard.Host.Vehicles
{
    /// <summary>
    /// One vehicle: a folder (firmware/vehicles/&lt;id&gt;/) holding its signal profile and DBC (or a path to a shared
    /// one), its forecaster parameters, its simulator truth model and a README with sources. Every file is optional
    /// except that a folder needs at least one of them; firmware/vehicles/README.md describes each.
    /// </summary>
    public sealed class VehicleFolder
    {
        public const string ProfileFile = "signals.profile";
        public const string MapFile = "signals.map";
        public const string ForecasterFile = "forecaster.cfg";
        public const string TruthFile = "truth.json";
        public const string ReadmeFile = "README.md";

        private readonly object _buildLock = new();
        private ProfileBuild? _build;
        private SignalProfile? _profile;

        public VehicleFolder(string id, VehicleFiles files)
        {
            Id = id;
            Files = files;
        }

        /// <summary>The folder name: profile name, forecaster preset id and truth vehicle id at once.</summary>
        public string Id { get; }

        public VehicleFiles Files { get; }

        public bool HasProfile => Has(ProfileFile);

        public bool HasForecaster => Has(ForecasterFile);

        public bool HasTruth => Has(TruthFile);

        public string? ForecasterText => Read(ForecasterFile);

        public string? TruthText => Read(TruthFile);

        /// <summary>The committed map (generated from the profile; a test keeps it current).</summary>
        public string? CommittedMapText => Read(MapFile);

        public bool Has(string name)
        {
            string? path = VehicleFiles.Normalize(Id + "/" + name);
            return path != null && Files.Contains(path);
        }

        /// <summary>A file of this folder by a path relative to it ("../shared/x.dbc" reaches a shared folder), or null.</summary>
        public string? Read(string relative)
        {
            string? path = VehicleFiles.Normalize(Id + "/" + relative);
            return path == null ? null : Files.Read(path);
        }

        public string Describe(string relative) => Files.Describe(VehicleFiles.Normalize(Id + "/" + relative) ?? relative);

        /// <summary>The first "# " heading of the README, else the profile title, else the id.</summary>
        public string Title
        {
            get
            {
                string? readme = Read(ReadmeFile);
                if (readme != null)
                {
                    foreach (string line in readme.Split('\n'))
                    {
                        if (line.StartsWith("# ", StringComparison.Ordinal))
                        {
                            return line.Substring(2).Trim();
                        }
                    }
                }

                return HasProfile ? ReadProfile().Title : Id;
            }
        }

        public SignalProfile ReadProfile()
        {
            lock (_buildLock)
            {
                // Built-in files never change; a directory's are re-read so edits show.
                if (_profile != null && Files is EmbeddedVehicleFiles)
                {
                    return _profile;
                }

                return _profile = ReadProfileText();
            }
        }

        private SignalProfile ReadProfileText()
        {
            string text = Read(ProfileFile) ?? throw new ProfileException($"{Id}: no {ProfileFile}");
            SignalProfile profile = ProfileReader.Read(text, Id + "/" + ProfileFile);
            if (profile.Name != Id)
            {
                throw new ProfileException($"{Id}/{ProfileFile}: profile={profile.Name} must equal the folder name '{Id}'");
            }

            return profile;
        }

        /// <summary>The DBC the profile names (dbc=, relative to this folder).</summary>
        public DbcFile ReadDbc(SignalProfile profile)
        {
            if (profile.Dbc == null)
            {
                throw new ProfileException($"{Id}/{ProfileFile}: no dbc= line");
            }

            string text = Read(profile.Dbc) ?? throw new ProfileException($"{Id}/{ProfileFile}: dbc={profile.Dbc}: no such file in {Describe(".")}");
            string name = profile.Dbc.Substring(profile.Dbc.Replace('\\', '/').LastIndexOf('/') + 1);
            return DbcParser.Parse(text, name);
        }

        /// <summary>The map built from the profile and its DBC now (cached): what the tools load for this vehicle.</summary>
        public ProfileBuild BuildMap()
        {
            lock (_buildLock)
            {
                if (_build == null)
                {
                    SignalProfile profile = ReadProfile();
                    _build = ProfileBuilder.Build(profile, ReadDbc(profile));
                }

                return _build;
            }
        }

        /// <summary>What the folder provides, for listings: "profile, forecaster, truth".</summary>
        public string Provides()
        {
            var parts = new List<string>();
            if (HasProfile)
            {
                parts.Add("signal profile");
            }

            if (HasForecaster)
            {
                parts.Add("forecaster");
            }

            if (HasTruth)
            {
                parts.Add("truth model");
            }

            return string.Join(", ", parts);
        }
    }
}
