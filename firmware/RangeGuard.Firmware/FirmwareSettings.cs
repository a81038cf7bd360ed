namespace RangeGuard.Firmware
{
    /// <summary>
    /// Build-time settings of the device image: what is the same for every car with this board (pins are in
    /// <see cref="BoardPins"/>). What differs per car (vehicle id, Wi-Fi, broker, credentials, TLS files, route capacity)
    /// is in the settings file on the device: RangeGuard.Runtime.DeviceSettings, hardware-docs/device-settings.md.
    /// </summary>
    public static class FirmwareSettings
    {
        /// <summary>Reported in the MQTT status message ("fw").</summary>
        public const string Version = "0.6.0";

        /// <summary>How long start-up waits for Wi-Fi plus SNTP time before the agent starts offline (MQTT keeps trying).</summary>
        public const int WifiTimeoutMs = 20000;

        /// <summary>SLCAN bit-rate code for the vehicle bus: S6 = 500 kbit/s, usual for EV powertrain buses.</summary>
        public const int CanBitrateCode = 6;

        /// <summary>The agent ticks once per second.</summary>
        public const int TickPeriodMs = 1000;

        /// <summary>Main-loop stall after which the watchdog forces the safe state.</summary>
        public const int WatchdogStallMs = 5000;

        /// <summary>Main-loop stall after which the watchdog reboots the device.</summary>
        public const int WatchdogRebootMs = 60000;
    }
}
