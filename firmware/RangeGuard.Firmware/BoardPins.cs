namespace RangeGuard.Firmware
{
    /// <summary>
    /// The one table of ESP32 GPIO assignments (documented, with the reasons, in hardware-docs/pins.md).
    /// All pins avoid the strapping pins (0, 2, 5, 12, 15), the SPI flash pins (6-11), UART0 (1, 3: nanoFramework
    /// debugger), the WROVER PSRAM pins (16, 17), the input-only pins (34-39, no pull-ups) and GPIO 14 (reported to toggle at boot).
    /// </summary>
    public static class BoardPins
    {
        /// <summary>UART1 (nanoFramework COM2; COM1 is the debugger) receive: wired to the CAN bridge's TX.</summary>
        public const int CanBridgeRx = 32;

        /// <summary>UART (COM2) transmit: wired to the CAN bridge's RX (set-up commands only while listen-only).</summary>
        public const int CanBridgeTx = 33;

        /// <summary>
        /// Assumed UART speed of the bridge, 8N1; the bridge must be set to match (a LAWICEL CAN232 ships at 57600).
        /// 115200 carries at most about 440 full 8-byte frames/s with timestamps (26 characters per frame), so
        /// filter ids on the bridge or raise both sides' speed for busy buses (hardware-docs/wiring.md).
        /// </summary>
        public const int CanBridgeBaud = 115200;

        /// <summary>Dashboard LEDs, active high through a series resistor.</summary>
        public const int LedGreen = 13;

        public const int LedAmber = 18;

        public const int LedRed = 27;

        /// <summary>Active buzzer via an NPN low-side switch, active high.</summary>
        public const int Buzzer = 23;

        /// <summary>Acknowledge button to GND; internal pull-up, so pressed = low.</summary>
        public const int AckButton = 4;

        /// <summary>Preconditioning request (MOSFET/relay driver), active high, external 10 kOhm pull-down keeps it off during reset.</summary>
        public const int HeaterRelay = 21;
    }
}
