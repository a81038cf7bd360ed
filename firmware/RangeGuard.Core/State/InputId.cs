namespace RangeGuard.State
{
    /// <summary>
    /// The vehicle inputs RangeGuard reads from the CAN bus, in the agent's units.
    /// Constants rather than an enum: nanoFramework prints enums as numbers, and these index fixed arrays.
    /// </summary>
    public static class InputId
    {
        /// <summary>State of charge, % (0..100).</summary>
        public const int SocPercent = 0;

        /// <summary>Pack voltage, V.</summary>
        public const int PackVoltageV = 1;

        /// <summary>Pack current, A, discharge positive (normalised whatever the car's convention).</summary>
        public const int PackCurrentA = 2;

        /// <summary>Battery temperature, minimum over the pack, °C.</summary>
        public const int BatteryTempMinC = 3;

        /// <summary>Battery temperature, maximum over the pack, °C.</summary>
        public const int BatteryTempMaxC = 4;

        /// <summary>Battery temperature, average (or the only one the car reports), °C.</summary>
        public const int BatteryTempAvgC = 5;

        /// <summary>Outside air temperature, °C.</summary>
        public const int AmbientTempC = 6;

        /// <summary>Vehicle speed, km/h.</summary>
        public const int SpeedKmh = 7;

        /// <summary>Odometer, km.</summary>
        public const int OdometerKm = 8;

        /// <summary>Charging state: 0 not plugged, 1 plugged not charging, 2 AC charging, 3 DC charging.</summary>
        public const int ChargingState = 9;

        /// <summary>Cabin heating/cooling (HVAC) electrical power, W.</summary>
        public const int HvacPowerW = 10;

        /// <summary>Number of inputs (array size).</summary>
        public const int Count = 11;

        private static readonly string[] s_names =
        {
            "soc_pct", "pack_voltage_v", "pack_current_a", "battery_temp_min_c", "battery_temp_max_c",
            "battery_temp_avg_c", "ambient_temp_c", "speed_kmh", "odometer_km", "charging_state", "hvac_power_w",
        };

        /// <summary>Stable snake_case name with unit suffix, used in signal maps, logs and telemetry.</summary>
        public static string Name(int input)
        {
            return input >= 0 && input < Count ? s_names[input] : "unknown";
        }

        /// <summary>Index of a name from <see cref="Name"/>, or -1.</summary>
        public static int FromName(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (s_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
