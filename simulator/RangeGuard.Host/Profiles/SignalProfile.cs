using System;
using System.Collections.Generic;
using RangeGuard.Dbc;

namespace RangeGuard.Host.Profiles
{
    /// <summary>A profile file could not be read or built: every line is "file:line: what: why".</summary>
    public sealed class ProfileException : Exception
    {
        public ProfileException(IReadOnlyList<string> errors)
            : base(string.Join(Environment.NewLine, errors))
        {
            Errors = errors;
        }

        public ProfileException(string error)
            : this(new[] { error })
        {
        }

        public IReadOnlyList<string> Errors { get; }
    }

    /// <summary>
    /// One line of a profile: a DBC signal feeding one agent input (RangeGuard.State.InputId), with the checks and
    /// transform that end up in the device's map line (see hardware-docs/signal-maps.md).
    /// </summary>
    public sealed record ProfileEntry(int Line, int Input, string Message, string Signal)
    {
        /// <summary>"Message.Signal" as written in the profile.</summary>
        public string SignalRef => Message + "." + Signal;

        /// <summary>Multiplier after the DBC factor/offset; "positive=charge" makes it negative.</summary>
        public double Scale { get; init; } = 1;

        public double Add { get; init; }

        /// <summary>Bus filter, -1 = any.</summary>
        public int Bus { get; init; } = -1;

        /// <summary>Staleness limit, ms (0 = VehicleState default).</summary>
        public long MaxAgeMs { get; init; }

        /// <summary>Plausibility limits in agent units; null = the VehicleState default of the input.</summary>
        public double? Min { get; init; }

        public double? Max { get; init; }

        /// <summary>Raw values meaning "not available", as written: integers (decimal or 0x) or VAL_ names of the signal.</summary>
        public IReadOnlyList<string> Sentinels { get; init; } = Array.Empty<string>();

        /// <summary>A RangeGuard.Dbc.CombineMode constant.</summary>
        public int Combine { get; init; } = CombineMode.Set;

        /// <summary>Comment lines directly above the entry: copied above its line in the map.</summary>
        public IReadOnlyList<string> Comments { get; init; } = Array.Empty<string>();
    }

    /// <summary>
    /// A vehicle's signal profile: its name, the DBC it is built against (relative to the profile file), notes for the
    /// map header (e.g. inputs the car lacks) and its entries. <see cref="Source"/> names the file in messages.
    /// </summary>
    public sealed record SignalProfile(string Source, string Name, string Title, string? Dbc, IReadOnlyList<string> Notes, IReadOnlyList<ProfileEntry> Entries);
}
