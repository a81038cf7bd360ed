namespace RangeGuard.Messaging
{
    /// <summary>Constants of hardware-docs/mqtt-contract.md shared by every payload.</summary>
    public static class MqttContract
    {
        /// <summary>Contract version: in the topic prefix ("v1") and as "v" in every payload.</summary>
        public const int Version = 1;

        /// <summary>The retained last will the broker publishes for a car that vanishes.</summary>
        public const string LastWill = "{\"v\":1,\"state\":\"offline\"}";

        /// <summary>Keep-alive of the MQTT session, s (the broker declares a silent car gone after 1.5 × this).</summary>
        public const int KeepAliveSeconds = 60;

        /// <summary>QoS 1 messages handed to the client and not yet acknowledged, at most (the outbox's send window).</summary>
        public const int SendWindow = 8;

        /// <summary>The device's outbox: messages and payload characters held at most (the simulator uses the same).</summary>
        public const int DeviceOutboxMessages = 48;
        public const int DeviceOutboxChars = 24576;

        private static readonly string[] s_modes = { "off", "wait_dc", "heat_dc", "wait_departure", "heat_departure", "declined" };

        /// <summary>The preconditioning planner's mode as the contract names it (telemetry "precond", forecast advice).</summary>
        public static string PreconditionMode(int mode)
        {
            return mode >= 0 && mode < s_modes.Length ? s_modes[mode] : "unknown";
        }
    }
}
