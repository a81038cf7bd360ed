namespace RangeGuard.Messaging.Outbox
{
    /// <summary>How the outbox treats a message (hardware-docs/mqtt-contract.md, "Store and forward").</summary>
    public static class MessageClass
    {
        /// <summary>QoS 0, thinned and evicted first under pressure.</summary>
        public const int Telemetry = 0;

        /// <summary>QoS 1, retained (status, forecast, alerts/active): under pressure an older one superseded by a newer one on the same topic may go.</summary>
        public const int Retained = 1;

        /// <summary>QoS 1, numbered with the alert seq and stored durably until acknowledged.</summary>
        public const int Alert = 2;

        /// <summary>QoS 1 command results.</summary>
        public const int Result = 3;
    }
}
