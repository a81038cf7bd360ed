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

        /// <summary>
        /// Largest payload of the class, characters (the contract's byte limits; the JSON is ASCII except in free texts).
        /// The outbox refuses a longer one and counts it as dropped.
        /// </summary>
        public static int MaxChars(int messageClass)
        {
            switch (messageClass)
            {
                case Telemetry: return 768;
                case Retained: return 3072;
                case Alert: return 768;
                default: return 512;
            }
        }
    }
}
