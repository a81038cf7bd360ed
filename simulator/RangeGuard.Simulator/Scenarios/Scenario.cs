using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>A named point on the route (a town, a hotel, a charger).</summary>
    public sealed record Place(string Name, double PositionM);

    /// <summary>A charger on the route.</summary>
    public sealed record ChargerSpec(string Name, double PositionM, double PowerKw, bool IsDc);

    /// <summary>How the driver behaves by default.</summary>
    public sealed record DriverSpec(bool FollowsAdvice, double SpeedFactor);

    /// <summary>Optional perturbations of the truth (and of what the board is told), for robustness tests.</summary>
    public sealed record Perturbations(double SpeedFactor, double PayloadKg, double HeadwindMps, double ForecastTempErrorC,
        double SocNoisePercent, uint Seed)
    {
        public static readonly Perturbations None = new(1, 0, 0, 0, 0, 1);
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
        public Weather Weather { get; init; } = new();
        public DriverSpec Driver { get; init; } = new(false, 1);
        public Perturbations Perturb { get; init; } = Perturbations.None;
        public IReadOnlyList<ItineraryStep> Itinerary { get; init; } = Array.Empty<ItineraryStep>();

        public Expectations? ExpectAsDriven { get; init; }
        public Expectations? ExpectFollowingAdvice { get; init; }

        /// <summary>The final destination (the end of the last drive).</summary>
        public string DestinationName { get; init; } = string.Empty;

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
