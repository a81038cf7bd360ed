using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>What a board is told before the run: the scenario (route, chargers, reserves, departure) and the driver mode.</summary>
    public sealed class BoardContext
    {
        public BoardContext(Scenario scenario, bool driverFollowsAdvice)
        {
            Scenario = scenario;
            DriverFollowsAdvice = driverFollowsAdvice;
        }

        public Scenario Scenario { get; }
        public bool DriverFollowsAdvice { get; }

        /// <summary>Forecast ambient temperature the board may plan with: the scenario's forecast weather plus its forecast error.</summary>
        public double ForecastTempC(double elapsedS, double localHour, double positionM, double elevationM)
            => Scenario.ForecastWeather.TemperatureC(elapsedS, localHour, positionM, elevationM) + Scenario.Perturb.ForecastTempErrorC;
    }
}
