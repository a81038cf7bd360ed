using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Alerts
{
    /// <summary>Everything the alert policy looks at in one tick (one reused instance, filled by the agent).</summary>
    public sealed class AlertInputs
    {
        public long NowMs;

        public ForecastResult Forecast;

        /// <summary>A plan was accepted; forecast-based alerts are evaluated only with a plan and a valid forecast.</summary>
        public bool PlanSet;

        public float DestinationReservePct;
        public float ChargerReservePct;

        /// <summary>The plan's chargers (a copy the agent owns) and their count.</summary>
        public RouteCharger[] Chargers;
        public int ChargerCount;

        public float PositionM;

        /// <summary>Name of the plan's destination for texts ("at Milford CT SB"); null or empty when unnamed.</summary>
        public string DestinationName;

        /// <summary>The car reports a charging cable (charging state 1..3): it stands at a charger.</summary>
        public bool PluggedIn;

        /// <summary>Latest fresh values for texts (NaN when stale).</summary>
        public float SpeedKmh = float.NaN;
        public float AmbientC = float.NaN;
        public float OdometerKm = -1f;

        /// <summary>Degraded causes: CAN bridge silent, the first stale required input (-1 none), an exception in the tick.</summary>
        public bool CanSilent;
        public int StaleInput = -1;
        public bool InternalError;

        /// <summary>Cold soak applies (parked, unplugged, trip planned, departure ahead) and the predicted pack temperature at departure.</summary>
        public bool ColdSoakApplicable;
        public float ColdSoakPackTempC;
        public long DepartureUtcMs = -1;

        /// <summary>Range lost by the cold soak versus plugged in with preconditioning, km, from the forecaster's estimator (-1 unknown).</summary>
        public float ColdSoakLossKm = -1f;

        public PreconditioningPlanner Planner;

        /// <summary>Local time offset for clock times in texts, ms (from AlertConfig.UtcOffsetMinutes).</summary>
        public long UtcOffsetMs;
    }
}
