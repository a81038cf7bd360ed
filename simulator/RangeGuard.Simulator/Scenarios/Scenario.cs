using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>A named point on the route (a town, a hotel, a charger).</summary>
    public sealed record Place(string Name, double PositionM);

    /// <summary>A charger on the route.</summary>
    public sealed record ChargerSpec(string Name, double PositionM, double PowerKw, bool IsDc);

    /// <summary>
    /// The driver profile: follows advice or not, speed bias (× the road's typical speed, which is all the plan expects),
    /// speed variability (σ of a slowly varying deviation, %, with its correlation time, s) and the hours the driver is awake
    /// (local time; a sleeping driver acts on no advice). Awake from <see cref="AwakeFromHour"/> until <see cref="AwakeUntilHour"/>.
    /// </summary>
    public sealed record DriverSpec(bool FollowsAdvice, double SpeedFactor, double SpeedVariabilityPercent = 0,
        double SpeedCorrelationS = DriverSpec.DefaultCorrelationS, double AwakeFromHour = DriverSpec.DefaultAwakeFromHour,
        double AwakeUntilHour = DriverSpec.DefaultAwakeUntilHour)
    {
        public const double DefaultCorrelationS = 600;
        public const double DefaultAwakeFromHour = 6.5;
        public const double DefaultAwakeUntilHour = 23;

        public static readonly DriverSpec Default = new(false, 1);

        /// <summary>Awake at this local hour (the window may wrap around midnight).</summary>
        public bool AwakeAt(double localHour)
            => AwakeFromHour <= AwakeUntilHour
                ? localHour >= AwakeFromHour && localHour < AwakeUntilHour
                : localHour >= AwakeFromHour || localHour < AwakeUntilHour;
    }

    /// <summary>A stretch of congestion the truth drives through (the plan does not know it): speed capped to <see cref="SpeedKmh"/>.</summary>
    public sealed record TrafficJam(double FromM, double ToM, double SpeedKmh);

    /// <summary>
    /// Perturbations of the truth and of what the board is told, for robustness tests and the sweep: the driver's speed
    /// factor, payload, head wind (truth only), an error added to the forecast temperature the board plans with (not to the
    /// truth), noise on the SOC the BMS reports, the share of their rated power the chargers deliver, traffic jams, the seed.
    /// </summary>
    public sealed record Perturbations(double SpeedFactor, double PayloadKg, double HeadwindMps, double ForecastTempErrorC,
        double SocNoisePercent, uint Seed)
    {
        public static readonly Perturbations None = new(1, 0, 0, 0, 0, 1);

        /// <summary>Share of its rated power a charger delivers (a shared or derated stall), 0..1.</summary>
        public double ChargerPowerFactor { get; init; } = 1;

        public IReadOnlyList<TrafficJam> Traffic { get; init; } = Array.Empty<TrafficJam>();
    }

    /// <summary>A validated scenario: vehicle, start state, route, chargers, weather, itinerary and expected outcomes.</summary>
    public sealed class Scenario
    {
        public string Name { get; init; } = string.Empty;
        public string File { get; init; } = string.Empty;
        public string Description { get; init; } = string.Empty;
        public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

        public VehicleParameters Vehicle { get; init; } = new();
        public DateTimeOffset Start { get; init; }
        public double StartSocPercent { get; init; }
        public double StartBatteryTempC { get; init; }
        public double StartCabinTempC { get; init; }

        /// <summary>Default cabin setpoint, °C (NaN = HVAC off).</summary>
        public double CabinSetpointC { get; init; } = 21;

        public double ChargerReservePercent { get; init; } = 10;
        public double DestinationReservePercent { get; init; } = 15;

        public Route Route { get; init; } = new(Array.Empty<RoadSegment>(), null, null);
        public IReadOnlyList<Place> Places { get; init; } = Array.Empty<Place>();
        public IReadOnlyList<ChargerSpec> Chargers { get; init; } = Array.Empty<ChargerSpec>();
        /// <summary>The weather the truth drives through.</summary>
        public Weather Weather { get; init; } = new();

        /// <summary>The weather the plan is given (the forecast); the scenario's <c>forecast</c>, else the same as <see cref="Weather"/>.</summary>
        public Weather ForecastWeather { get; init; } = new();

        private DriverSpec _driver = DriverSpec.Default;
        private Perturbations _perturb = Perturbations.None;

        public DriverSpec Driver { get => _driver; init => _driver = value; }
        public Perturbations Perturb { get => _perturb; init => _perturb = value; }
        public IReadOnlyList<ItineraryStep> Itinerary { get; init; } = Array.Empty<ItineraryStep>();

        public Expectations? ExpectAsDriven { get; init; }
        public Expectations? ExpectFollowingAdvice { get; init; }

        /// <summary>The final destination (the end of the last drive).</summary>
        public string DestinationName { get; init; } = string.Empty;

        /// <summary>A copy with another driver profile and other perturbations (a sweep variant).</summary>
        public Scenario WithVariant(DriverSpec driver, Perturbations perturb)
        {
            var c = (Scenario)MemberwiseClone();
            c._driver = driver;
            c._perturb = perturb;
            return c;
        }

        public int ChargerIndex(string name)
        {
            for (int i = 0; i < Chargers.Count; i++)
            {
                if (string.Equals(Chargers[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
