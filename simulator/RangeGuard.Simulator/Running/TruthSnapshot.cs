namespace RangeGuard.Simulator.Running
{
    /// <summary>What the simulated car is doing.</summary>
    public enum CarPhase
    {
        Driving,
        Parked,
        Charging,
        Stranded,
        Done,
    }

    /// <summary>
    /// The truth at one 1 Hz tick, handed to the virtual board (which encodes what a real car would put on CAN from it) and
    /// to the views. A struct filled in place by the runner: passing it costs no allocation.
    /// Sign convention as RangeGuard.State.InputId: current positive = discharge; charging state 0..3.
    /// </summary>
    public struct TruthSnapshot
    {
        /// <summary>Simulated wall-clock time, ms since the Unix epoch (feeds the board's IClock).</summary>
        public long TimeUnixMs;
        public double ElapsedS;

        /// <summary>Local hour of day (0..24) at the scenario's UTC offset.</summary>
        public double LocalHour;

        public CarPhase Phase;

        /// <summary>Index of the itinerary step being executed.</summary>
        public int StepIndex;

        /// <summary>When the current park/charge is planned to end (next departure), ms since epoch; -1 when driving or unknown.</summary>
        public long NextDepartureUnixMs;

        /// <summary>Distance along the route (the path as driven), m.</summary>
        public double PositionM;
        public double OdometerKm;
        public double SpeedKmh;
        public double AccelMps2;
        public double ElevationM;
        public double Grade;
        public double HeadwindMps;

        /// <summary>True state of charge, % of nominal capacity.</summary>
        public double SocPercent;

        /// <summary>State of charge as the car's BMS reports it (with the scenario's sensor noise).</summary>
        public double SocReportedPercent;

        /// <summary>SOC below which the pack delivers nothing at its present temperature, %.</summary>
        public double SocFloorPercent;

        /// <summary>Energy above that floor, kWh (the truth the forecast tries to match).</summary>
        public double UsableEnergyKwh;

        /// <summary>What the car's own range display shows, km (its estimate, not the truth).</summary>
        public double CarDisplayedRangeKm;

        public double PackVoltageV;
        public double PackCurrentA;
        public double PackPowerKw;

        public double BatteryTempC;

        /// <summary>Min/max cell temperature: the lumped model has one thermal node, so these are the mean ∓ 1 K.</summary>
        public double BatteryTempMinC;
        public double BatteryTempMaxC;
        public double AmbientTempC;

        /// <summary>Ambient as the weather forecast says (truth + the scenario's forecast error).</summary>
        public double AmbientForecastC;
        public double CabinTempC;

        /// <summary>Cabin setpoint, °C; NaN when the climate is off.</summary>
        public double CabinSetpointC;

        public double HvacPowerW;
        public double BatteryHeaterW;
        public double AuxPowerW;
        public double WheelPowerKw;

        /// <summary>0 not plugged, 1 plugged not charging, 2 AC charging, 3 DC charging.</summary>
        public int ChargingState;
        public bool Plugged;

        /// <summary>Index into Scenario.Chargers of the charger in use, -1 if none (home/hotel outlets included).</summary>
        public int ChargerIndex;
        public double ChargerInputKw;

        public bool Stranded;

        public double BatteryOutKwh;
        public double BatteryInKwh;
        public double GridKwh;
    }
}
