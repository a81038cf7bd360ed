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
    }
}
