namespace RangeGuard.Simulator.Scenarios
{
    public enum StepKind
    {
        Drive,
        Park,
        Charge,
    }

    /// <summary>
    /// One itinerary step. Drive: from where the car is to <see cref="ToM"/>. Park: for a duration (plugged or not, climate
    /// on or off). Charge: at a charger for some minutes and/or to a SOC. <see cref="IfAdvised"/> holds the same step as a
    /// driver who follows RangeGuard's advice would do it (scripted fallback; live board advice is applied on top).
    /// </summary>
    public sealed record ItineraryStep
    {
        public StepKind Kind { get; init; }
        public int Index { get; init; }

        /// <summary>JSON path of the step in its file, for messages.</summary>
        public string Path { get; init; } = string.Empty;
        public string Label { get; init; } = string.Empty;

        // Drive.
        public double ToM { get; init; }
        public string ToName { get; init; } = string.Empty;

        /// <summary>Cruise cap, km/h (NaN = none).</summary>
        public double MaxSpeedKmh { get; init; } = double.NaN;

        /// <summary>Multiplier on the road's typical speed (NaN = the driver's default).</summary>
        public double SpeedFactor { get; init; } = double.NaN;

        /// <summary>Extra distance driven slowly off the route after arriving (looking for the charger), m.</summary>
        public double ExtraM { get; init; }
        public double ExtraSpeedKmh { get; init; } = 20;

        // Climate (drive and park): null = scenario default, NaN = off.
        public double? CabinSetpointC { get; init; }

        /// <summary>Cap on cabin heating power, W (+∞ = none): "heat on low".</summary>
        public double HeaterCapW { get; init; } = double.PositiveInfinity;

        // Park.
        public double DurationS { get; init; }

        /// <summary>Park until this local hour of day (next occurrence), instead of a duration; NaN = not used.</summary>
        public double UntilLocalHour { get; init; } = double.NaN;
        public bool Plugged { get; init; }

        /// <summary>Power of the outlet available while parked, kW (0 = none within reach).</summary>
        public double OutletKw { get; init; }

        // Charge.
        public int ChargerIndex { get; init; } = -1;
        public double Minutes { get; init; } = double.NaN;
        public double ToSocPercent { get; init; } = double.NaN;

        public ItineraryStep? IfAdvised { get; init; }
    }
}
