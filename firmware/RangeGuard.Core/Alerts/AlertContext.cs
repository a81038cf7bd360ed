using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;
using RangeGuard.Trip;

namespace RangeGuard.Alerts
{
    /// <summary>
    /// What the alert rules look at in one tick: references to the agent's collaborators (readings, trip, cold-soak outlook,
    /// forecast, planner), not copies of their fields. One instance per agent, refreshed by it each tick.
    /// </summary>
    public sealed class AlertContext
    {
        public long NowMs;

        /// <summary>Local time offset for clock times in texts, ms (from AlertConfig.UtcOffsetMinutes).</summary>
        public long UtcOffsetMs;

        public VehicleReadings Readings;
        public TripContext Trip;
        public ColdSoakOutlook ColdSoak;
        public ForecastResult Forecast;
        public PreconditioningPlanner Planner;
        public AlertConfig Config;

        /// <summary>An exception escaped a tick recently (the degraded alert says so and the heater is off).</summary>
        public bool InternalError;

        /// <summary>A plan is set and its forecast valid: the forecast-based rules can judge; otherwise they hold their state.</summary>
        public bool ForecastUsable
        {
            get { return Trip.PlanSet && Forecast != null && Forecast.Valid; }
        }

        /// <summary>Clock time of a UTC timestamp in local time, "hh:mm".</summary>
        public string LocalClock(long utcMs)
        {
            return AlertTexts.ClockText(utcMs + UtcOffsetMs);
        }
    }
}
