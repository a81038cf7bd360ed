namespace RangeGuard.Firmware
{
    /// <summary>Build-time settings of the device image (pins are in <see cref="BoardPins"/>).</summary>
    public static class FirmwareSettings
    {
        /// <summary>
        /// Wi-Fi credentials. Leave empty in the repository: then the credentials stored on the device are used
        /// (set them once with the Visual Studio Device Explorer's network configuration, or fill these in locally).
        /// </summary>
        public const string WifiSsid = "";

        public const string WifiPassword = "";

        /// <summary>How long start-up waits for Wi-Fi plus SNTP time before the agent starts offline.</summary>
        public const int WifiTimeoutMs = 20000;

        /// <summary>SLCAN bit-rate code for the vehicle bus: S6 = 500 kbit/s, usual for EV powertrain buses.</summary>
        public const int CanBitrateCode = 6;

        /// <summary>Identifies this car in MQTT topics.</summary>
        public const string VehicleId = "rg-0001";

        /// <summary>
        /// Route segments the forecaster keeps: about 92 bytes each, so 200 (~18 KB) fits the ~80-110 KB heap of an
        /// ESP32 without PSRAM (size any RoutePlan the same: new RoutePlan(RouteSegmentCapacity)); a WROVER (PSRAM) board
        /// can take RoutePlan.MaxSegments (2,000).
        /// </summary>
        public const int RouteSegmentCapacity = 200;

        /// <summary>The agent ticks once per second.</summary>
        public const int TickPeriodMs = 1000;

        /// <summary>Main-loop stall after which the watchdog forces the safe state.</summary>
        public const int WatchdogStallMs = 5000;

        /// <summary>Main-loop stall after which the watchdog reboots the device.</summary>
        public const int WatchdogRebootMs = 60000;

        /// <summary>Placeholder outbox size (messages), until MQTT replaces it.</summary>
        public const int OutboxCapacity = 16;
    }
}
