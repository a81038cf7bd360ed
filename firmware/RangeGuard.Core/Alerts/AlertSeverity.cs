namespace RangeGuard.Alerts
{
    /// <summary>Alert severities, ordered: a higher number wins the dashboard. Constants, not an enum (nano prints enums as numbers).</summary>
    public static class AlertSeverity
    {
        public const int None = 0;
        public const int Info = 1;
        public const int Advisory = 2;
        public const int Warning = 3;
        public const int Critical = 4;

        private static readonly string[] s_names = { "none", "info", "advisory", "warning", "critical" };

        public static string Name(int severity)
        {
            return severity >= 0 && severity <= Critical ? s_names[severity] : "unknown";
        }
    }

    /// <summary>What happened to an alert (one MQTT alert message per event).</summary>
    public static class AlertEvent
    {
        public const int Raised = 1;
        public const int Worsened = 2;
        public const int Cleared = 3;
        public const int Acknowledged = 4;

        private static readonly string[] s_names = { "none", "raise", "worse", "clear", "ack" };

        public static string Name(int ev)
        {
            return ev >= 0 && ev <= Acknowledged ? s_names[ev] : "unknown";
        }
    }
}
