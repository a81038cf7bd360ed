using System.Collections.Generic;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>One itinerary step as it actually went.</summary>
    public sealed record StepRecord(int Index, string Label, StepKind Kind, double StartS, double EndS, double StartKm, double EndKm,
        double SocStart, double SocEnd, double BatteryTempEndC, double DisplayedRangeEndKm, bool FollowedAdvice);

    /// <summary>One charging session (charger stop, or a plugged park).</summary>
    public sealed record ChargeSession(int StepIndex, string Where, bool IsDc, double StartS, double Minutes, double SocFrom,
        double SocTo, double GridKwh, double AvgKw, double BatteryTempStartC, double BatteryTempEndC);

    /// <summary>Everything a run produced: outcome, totals, step log, charge sessions, alerts and the sampled trace.</summary>
    public sealed class RunResult
    {
        public string ScenarioName { get; init; } = string.Empty;
        public string VehicleId { get; init; } = string.Empty;
        public string BoardName { get; init; } = string.Empty;
        public bool BoardHasAgent { get; init; }

        /// <summary>The board's own one-line account (IBoardSummary), or null.</summary>
        public string? BoardSummary { get; set; }
        public bool FollowedAdvice { get; init; }

        /// <summary>"board", "scripted" (the scenario's ifAdvised steps) or "none".</summary>
        public string AdviceSource { get; set; } = "none";

        public Outcome Outcome { get; set; }
        public double StrandedAtM { get; set; } = double.NaN;
        public string StrandReason { get; set; } = string.Empty;

        /// <summary>Nearest named place to the stranding point and the distance to it, km (negative = before it).</summary>
        public string StrandedNear { get; set; } = string.Empty;
        public double StrandedOffsetKm { get; set; }
        public string ArrivedAt { get; set; } = string.Empty;

        public double MinSocPercent { get; set; } = 100;
        public double MinSocAtKm { get; set; }
        public double FinalSocPercent { get; set; }
        public double DistanceKm { get; set; }
        public double BatteryOutKwh { get; set; }
        public double BatteryInKwh { get; set; }
        public double GridKwh { get; set; }
        public double HvacKwh { get; set; }
        public double BatteryHeaterKwh { get; set; }
        public double RegenKwh { get; set; }

        public double SimulatedS { get; set; }
        public long Ticks { get; set; }
        public double WallS { get; set; }

        public List<StepRecord> Steps { get; } = new();
        public List<ChargeSession> ChargeSessions { get; } = new();

        /// <summary>Charge-time advice at the start of each charge stop against the truth's time (agent boards only).</summary>
        public List<ChargeAdviceCheck> ChargeAdvice { get; } = new();
        public List<BoardAlert> Alerts { get; } = new();

        /// <summary>When alerts cleared (the board's view), for "still active at the step" checks.</summary>
        public List<BoardAlert> ClearedAlerts { get; } = new();
        public RunTrace? Trace { get; init; }

        public double RealTimeFactor => WallS > 0 ? SimulatedS / WallS : double.PositiveInfinity;
    }
}
