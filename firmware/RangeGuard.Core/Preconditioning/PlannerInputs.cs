namespace RangeGuard.Preconditioning
{
    /// <summary>What the preconditioning planner sees each tick (filled by the agent; a reused instance).</summary>
    public sealed class PlannerInputs
    {
        public long NowMs;

        public bool BatteryTempValid;
        public float BatteryTempC;

        public bool AmbientValid;
        public float AmbientC;

        /// <summary>Plugged in (charging state fresh and not 0).</summary>
        public bool PluggedIn;

        /// <summary>The forecast is valid and a plan is set.</summary>
        public bool ForecastValid;

        /// <summary>Next charger on the plan (-1 none), whether it is DC, its ETA and pessimistic arrival SOC.</summary>
        public int NextChargerIndex = -1;
        public bool NextChargerIsDc;
        public float NextChargerEtaS;
        public float NextChargerSocP10;
        public float ChargerReservePct;

        /// <summary>Heating energy the forecast that produced NextChargerSocP10 already subtracted, kWh.</summary>
        public float FedHeatingKwh;

        /// <summary>A critical range alert (point of no return, nothing reachable) is active.</summary>
        public bool CriticalActive;

        /// <summary>Departure time, ms since epoch, -1 if none; and the forecast minimum ambient until then, °C.</summary>
        public long DepartureUtcMs = -1;
        public float ForecastMinAmbientC;
    }
}
