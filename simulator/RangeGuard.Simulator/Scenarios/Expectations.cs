using System;
using System.Collections.Generic;

namespace RangeGuard.Simulator.Scenarios
{
    public enum Outcome
    {
        Arrives,
        Strands,
    }

    /// <summary>Alert severities as the board reports them (matches issue 4's levels).</summary>
    public enum AlertSeverity
    {
        Info = 0,
        Advisory = 1,
        Warning = 2,
        Critical = 3,
    }

    /// <summary>An alert that must appear (optionally at least this severe, optionally not before a position) before a position, a time or an itinerary step.</summary>
    public sealed record AlertExpectation(string Path, string Code, AlertSeverity? MinSeverity, double BeforeM,
        DateTimeOffset? BeforeTime, int BeforeStep)
    {
        /// <summary>Only alerts raised at or after this route position count (m; NaN = from the start).</summary>
        public double AfterM { get; init; } = double.NaN;
    }

    /// <summary>What `run --check` asserts for one driver mode. NaN / null bounds are not checked.</summary>
    public sealed class Expectations
    {
        public string Path { get; init; } = string.Empty;
        public Outcome? Outcome { get; init; }
        public double StrandedFromM { get; init; } = double.NaN;
        public double StrandedToM { get; init; } = double.NaN;
        public double MinSocLow { get; init; } = double.NaN;
        public double MinSocHigh { get; init; } = double.NaN;
        public double FinalSocLow { get; init; } = double.NaN;
        public double FinalSocHigh { get; init; } = double.NaN;

        /// <summary>Highest alert severity allowed; -1 = no alerts at all; null = not checked.</summary>
        public int? MaxAlertSeverity { get; init; }
        public IReadOnlyList<AlertExpectation> Alerts { get; init; } = Array.Empty<AlertExpectation>();

        /// <summary>
        /// No crying wolf: no critical alert while the truth car then reaches its next charge stop (or the end) above that
        /// stop's reserve without stranding.
        /// </summary>
        public bool NoFalseCritical { get; init; }
    }
}
