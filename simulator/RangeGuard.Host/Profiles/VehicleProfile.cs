using System;
using System.Collections.Generic;
using RangeGuard.Dbc;

namespace RangeGuard.Host.Profiles
{
    /// <summary>
    /// One DBC signal feeding one RangeGuard input (RangeGuard.State.InputId), with the transform and checks that
    /// end up in the device's signal map (see RangeGuard.Dbc.SignalMapLoader for the line format).
    /// </summary>
    public sealed record ProfileEntry(int Input, uint MessageId, string Signal)
    {
        public bool IsExtended { get; init; }

        /// <summary>Multiplier after the DBC factor/offset, e.g. -1 for a charge-positive current.</summary>
        public double Scale { get; init; } = 1;

        public double Add { get; init; }

        /// <summary>Bus filter, -1 = any.</summary>
        public int Bus { get; init; } = -1;

        /// <summary>Staleness limit, ms (0 = VehicleState default).</summary>
        public long MaxAgeMs { get; init; }

        /// <summary>Plausibility limits in agent units; null = the VehicleState default of the input.</summary>
        public double? Min { get; init; }

        public double? Max { get; init; }

        /// <summary>Raw values meaning "not available".</summary>
        public IReadOnlyList<ulong> Sentinels { get; init; } = Array.Empty<ulong>();

        /// <summary>A RangeGuard.Dbc.CombineMode constant.</summary>
        public int Combine { get; init; } = CombineMode.Set;

        /// <summary>Why this signal was chosen / how it is transformed; written as a comment above the line.</summary>
        public string? Note { get; init; }
    }

    /// <summary>A vehicle profile: the DBC it is built from, its mappings and notes (e.g. inputs the car lacks).</summary>
    public sealed record VehicleProfile(string Name, string Title, string DbcFileName, IReadOnlyList<ProfileEntry> Entries, IReadOnlyList<string> Notes)
    {
        /// <summary>File name of the generated map, e.g. "vw-egolf.map".</summary>
        public string MapFileName => Name + ".map";
    }
}
