namespace RangeGuard.Forecast
{
    /// <summary>
    /// What the agent needs from the energy forecaster (issue 3's EnergyForecaster implements it).
    /// The seam lets tests script forecasts directly.
    /// </summary>
    public interface IRangeForecaster
    {
        /// <summary>Validates and adopts a plan; on failure the previous plan stays in force and <paramref name="error"/> says why.</summary>
        bool TrySetPlan(RoutePlan plan, out string error);

        /// <summary>One forecast step: overwrites <paramref name="result"/> in place (no allocation).</summary>
        void Tick(ForecastInputs inputs, ForecastResult result);

        /// <summary>
        /// Parked until a departure: pack temperature, energy and range at departure unplugged versus plugged in with
        /// preconditioning, from this forecaster's vehicle model (<see cref="ColdSoak.Estimate"/>).
        /// </summary>
        ColdSoakResult EstimateColdSoak(float socPercent, float packTempC, float ambientC, float hoursToDeparture, float cabinSetpointC, float cruiseSpeedKmh);
    }
}
