using System;
using System.Collections.Generic;
using RangeGuard.Host.Dbc;
using RangeGuard.State;

namespace RangeGuard.Host.Profiles
{
    /// <summary>Units: a speed in MPH fed to speed_kmh unscaled is a silent 38 % error, so the builder says so.</summary>
    internal static class UnitAdvice
    {
        /// <summary>Warns when the DBC unit is not the input's and no scale/add converts it.</summary>
        public static void Check(ProfileEntry entry, DbcSignal signal, string where, List<string> warnings)
        {
            string unit = signal.Unit.Trim();
            string[] expected = ExpectedUnits(entry.Input);
            if (unit.Length == 0 || expected.Length == 0 || entry.Scale != 1 || entry.Add != 0)
            {
                return;
            }

            foreach (string e in expected)
            {
                if (string.Equals(unit, e, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            string hint = unit.ToLowerInvariant() switch
            {
                "mph" or "mi/h" => " (mph to km/h: scale=1.609344)",
                "mi" or "miles" or "mile" => " (miles to km: scale=1.609344)",
                "kw" => " (kW to W: scale=1000)",
                "°f" or "f" or "degf" or "deg f" => " (°F to °C: scale=0.5555556 add=-17.777778)",
                "ma" => " (mA to A: scale=0.001)",
                "mv" => " (mV to V: scale=0.001)",
                _ => "",
            };
            warnings.Add($"{where}: DBC unit '{unit}' is not {expected[0]} ({InputId.Name(entry.Input)}): convert with scale=/add={hint}");
        }

        private static string[] ExpectedUnits(int input) => input switch
        {
            InputId.SocPercent => new[] { "%", "pct", "percent" },
            InputId.PackVoltageV => new[] { "V", "volt", "volts" },
            InputId.PackCurrentA => new[] { "A", "amp", "amps" },
            InputId.BatteryTempMinC or InputId.BatteryTempMaxC or InputId.BatteryTempAvgC or InputId.AmbientTempC
                => new[] { "°C", "C", "degC", "deg C", "deg", "celsius", "degrees C", "\u00B0C" },
            InputId.SpeedKmh => new[] { "km/h", "kph", "kmh", "km/hr", "kmph" },
            InputId.OdometerKm => new[] { "km" },
            InputId.HvacPowerW => new[] { "W", "watt", "watts" },
            _ => Array.Empty<string>(),
        };

    }
}
