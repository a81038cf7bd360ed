using System.Collections.Generic;
using RangeGuard.Ports;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>A predicted arrival at a point ahead (next charger or destination) with its 10-50-90 % band of SOC.</summary>
    public struct ArrivalBand
    {
        public bool Exists;
        public string? Name;
        public double DistanceM;
        public double SocP10;
        public double SocP50;
        public double SocP90;
    }

    /// <summary>What the board advises the driver; NaN / -1 / false where it advises nothing.</summary>
    public struct BoardAdvice
    {
        public double MaxSpeedKmh;
        public int ChargerIndex;
        public double ChargeToSocPercent;
        public double ChargeMinutes;
        public bool PlugInWhenParked;
        public double CabinSetpointC;

        public static BoardAdvice None => new()
        {
            MaxSpeedKmh = double.NaN,
            ChargerIndex = -1,
            ChargeToSocPercent = double.NaN,
            ChargeMinutes = double.NaN,
            CabinSetpointC = double.NaN,
        };

        public readonly bool Any => !double.IsNaN(MaxSpeedKmh) || ChargerIndex >= 0 || !double.IsNaN(ChargeToSocPercent)
            || !double.IsNaN(ChargeMinutes) || PlugInWhenParked || !double.IsNaN(CabinSetpointC);
    }

    /// <summary>One alert the board raised, or re-announced because it got worse (<paramref name="Worse"/>).</summary>
    public sealed record BoardAlert(long TimeUnixMs, double ElapsedS, double PositionM, string Code, AlertSeverity Severity, string Text,
        bool Worse = false);

    /// <summary>
    /// The board's outputs as the simulator sees them after each step: dashboard LEDs and buzzer, heater request, forecast
    /// band, alerts (append-only), advice. Owned and updated by the board; read by the runner, the views and the report.
    /// </summary>
    public sealed class BoardView
    {
        public LedPattern Green;
        public LedPattern Amber;
        public LedPattern Red;
        public BuzzerPattern Buzzer;

        /// <summary>The board asks for the battery heater (preconditioning); the truth model heats the pack while true.</summary>
        public bool HeaterRequest;
        public bool Preconditioning;

        public ArrivalBand NextCharger;
        public ArrivalBand Destination;
        public BoardAdvice Advice = BoardAdvice.None;

        /// <summary>Status line (e.g. "degraded: CAN silent"); null when nothing to say.</summary>
        public string? Status;

        /// <summary>Every alert raised so far, oldest first. Boards append; nobody removes.</summary>
        public List<BoardAlert> Alerts { get; } = new(64);

        /// <summary>When alerts cleared (Text "cleared"), oldest first; lets a check ask whether an alert was still up at a decision point.</summary>
        public List<BoardAlert> Cleared { get; } = new(64);
    }
}
