using RangeGuard.Forecast;
using RangeGuard.Host.Trips;

namespace RangeGuard.Host.Evaluation.Planning
{
    /// <summary>Which plan the forecaster gets for a logged trip.</summary>
    public enum PlanKind
    {
        /// <summary>What a navigation system knows before departure (<see cref="NavPlanner"/>): the headline.</summary>
        Nav,

        /// <summary>
        /// The trip's own time per segment (stops included), its own stop-and-go energy and the exact departure ambient
        /// (<see cref="RouteFromTrip"/>): information no router has, so an upper bound on what the model can do.
        /// </summary>
        Oracle,
    }

    public sealed record PlanOptions(PlanKind Kind = PlanKind.Nav, double TempErrorSdC = 2.0, int Seed = 1)
    {
        public static readonly PlanOptions Nav = new();
        public static readonly PlanOptions Oracle = new(PlanKind.Oracle);

        public ForecastError Weather => Kind == PlanKind.Oracle ? ForecastError.None : new ForecastError(TempErrorSdC, Seed);

        public void Build(TripLog trip, RoutePlan plan)
        {
            if (Kind == PlanKind.Oracle)
            {
                RouteFromTrip.Build(trip, plan);
            }
            else
            {
                NavPlanner.Build(PreDepartureView.FromTrip(trip, Weather), plan);
            }
        }

        public string Describe() => Kind == PlanKind.Oracle
            ? "oracle plan: each trip's own time per ~300 m segment (stops included), its own stop-and-go energy, exact departure ambient (an upper bound, not a forecast)"
            : System.FormattableString.Invariant($"nav plan: distance, elevation, road speed (moving speed over {PreDepartureView.RoadSpeedWindowM / 1000:F0} km, stops removed), no stop energy, no time spent; forecast ambient = departure value + N(0, {TempErrorSdC:F1} °C) seeded {Seed}");
    }
}
