using RangeGuard.Alerts;
using RangeGuard.Preconditioning;

namespace RangeGuard.Agents
{
    /// <summary>Agent settings with defaults; the firmware and the simulator fill it from their configuration.</summary>
    public sealed class AgentConfig
    {
        /// <summary>Which car this is (the MQTT topics use it: rangeguard/v1/&lt;VehicleId&gt;/…).</summary>
        public string VehicleId = "rg-0001";

        /// <summary>The watchdog expires when no tick has completed for this long.</summary>
        public long WatchdogTimeoutMs = 5000;

        /// <summary>Ticks further apart than this (a pause, a clock jump) count this much for position integration.</summary>
        public long MaxTickGapMs = 5000;

        /// <summary>How long the degraded alert reports an exception after the latest one.</summary>
        public long ExceptionHoldMs = 60000;

        /// <summary>Cruise speed the cold-soak range estimate ("plug in tonight: -23 km") assumes, km/h.</summary>
        public float ColdSoakCruiseKmh = 100f;

        public AlertConfig Alerts = new AlertConfig();

        public PackThermalParams Thermal = PackThermalParams.Default75Kwh();
    }
}
