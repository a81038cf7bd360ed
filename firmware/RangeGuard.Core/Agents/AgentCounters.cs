namespace RangeGuard.Agents
{
    /// <summary>Health counters for telemetry and tests (plain fields: read them, do not write).</summary>
    public sealed class AgentCounters
    {
        public int Ticks;

        /// <summary>Exceptions caught in Tick (each turned the heater off).</summary>
        public int Exceptions;

        /// <summary>Required inputs (SOC, battery temperature, ambient, speed) going from fresh to stale.</summary>
        public int StaleEvents;

        /// <summary>Calls to SafeOff (watchdog, exception, start-up).</summary>
        public int SafeOffs;

        public int PlansAccepted;
        public int PlansRejected;
    }
}
