namespace RangeGuard.Forecast
{
    /// <summary>What the forecaster needs each tick, already validated by the vehicle state (stale inputs flagged).</summary>
    public struct ForecastInputs
    {
        /// <summary>Distance travelled along the plan since its start, m.</summary>
        public float PositionM;

        public float SocPercent;

        /// <summary>Battery temperature (average), °C.</summary>
        public float BatteryTempC;

        public float AmbientTempC;

        public float SpeedKmh;

        /// <summary>Measured battery power, W, discharge positive (for learning).</summary>
        public float BatteryPowerW;

        /// <summary>Measured HVAC power, W, or a negative value if the car does not report it.</summary>
        public float HvacPowerW;

        /// <summary>Cabin air temperature, °C, read only when HasCabinTemp (at departure it sizes the warm-up/cool-down).</summary>
        public float CabinTempC;

        /// <summary>False (default) when the car does not report the cabin temperature: a cold soak (cabin = ambient) is assumed.</summary>
        public bool HasCabinTemp;

        /// <summary>Energy the agent has planned to spend on battery preconditioning before the next charger, kWh.</summary>
        public float PlannedHeatingKwh;

        /// <summary>Seconds until the planned departure while the car waits for it, ≤ 0 when none lies ahead.</summary>
        public float DepartureInS;

        /// <summary>The car reports a charging cable: it stands at a charger (charging until the departure).</summary>
        public bool PluggedIn;

        /// <summary>False if any input the forecast needs is stale or implausible: the result is then marked degraded.</summary>
        public bool InputsValid;

        /// <summary>Agent time, ms (from IClock).</summary>
        public long TimeMs;
    }
}
