using System.Collections.Generic;
using RangeGuard.Dbc;
using RangeGuard.State;

namespace RangeGuard.Host.Profiles
{
    /// <summary>The built-in profiles. Generated maps live next to this file (*.map); see hardware-docs/signal-maps.md.</summary>
    public static class VehicleProfiles
    {
        /// <summary>RangeGuard reference vehicle: hardware-docs/dbc/rangeguard-ref.dbc, spoken by the simulator.</summary>
        public static VehicleProfile Reference { get; } = new(
            "rangeguard-ref",
            "RangeGuard reference vehicle",
            "rangeguard-ref.dbc",
            new List<ProfileEntry>
            {
                new(InputId.SocPercent, 0x100, "Soc") { MaxAgeMs = 1000, Sentinels = new ulong[] { 1023 }, Note = "raw 0x3FF = not available" },
                new(InputId.PackVoltageV, 0x100, "PackVoltage") { MaxAgeMs = 1000 },
                new(InputId.PackCurrentA, 0x100, "PackCurrent") { MaxAgeMs = 1000, Note = "already discharge positive" },
                new(InputId.ChargingState, 0x100, "ChargingState") { MaxAgeMs = 1000 },
                new(InputId.BatteryTempMinC, 0x110, "BatteryTempMin") { MaxAgeMs = 5000, Sentinels = new ulong[] { 4095 }, Note = "Motorola message, raw 0xFFF = not available" },
                new(InputId.BatteryTempMaxC, 0x110, "BatteryTempMax") { MaxAgeMs = 5000, Sentinels = new ulong[] { 4095 } },
                new(InputId.BatteryTempAvgC, 0x110, "BatteryTempAvg") { MaxAgeMs = 5000, Sentinels = new ulong[] { 4095 } },
                new(InputId.SpeedKmh, 0x120, "Speed") { MaxAgeMs = 1000 },
                new(InputId.AmbientTempC, 0x120, "AmbientTemp") { MaxAgeMs = 1000 },
                new(InputId.OdometerKm, 0x120, "Odometer") { MaxAgeMs = 1000 },
                new(InputId.HvacPowerW, 0x130, "HvacPower") { MaxAgeMs = 2500 },
            },
            new[] { "Cycle times: 0x100 and 0x120 100 ms, 0x110 1000 ms, 0x130 500 ms; max ages are 5-10 cycles." });

        /// <summary>VW e-Golf (KCAN) from OVMS vwegolf.dbc.</summary>
        public static VehicleProfile VwEGolf { get; } = new(
            "vw-egolf",
            "VW e-Golf (KCAN, OVMS vwegolf.dbc)",
            "vwegolf.dbc",
            new List<ProfileEntry>
            {
                new(InputId.SocPercent, 0x131, "SoC") { MaxAgeMs = 5000, Sentinels = new ulong[] { 0xFE }, Note = "0xFE (127 %) is the startup sentinel named in the DBC comment" },
                new(InputId.PackCurrentA, 0x191, "BatCurrent") { MaxAgeMs = 5000, Min = -1000, Max = 1000, Note = "DBC comment: positive = discharge, so scale 1; the invalid d[2]=FF frame decodes to 2033 A and is rejected by max" },
                new(InputId.PackVoltageV, 0x191, "BatVoltage") { MaxAgeMs = 5000, Min = 100, Max = 1000, Note = "min 100 V rejects the 0 V of the invalid d[2]=FF frame" },
                new(InputId.BatteryTempAvgC, 0x59E, "BatTemp") { MaxAgeMs = 10000, Sentinels = new ulong[] { 0xFE }, Note = "one pack temperature: fed to avg; d[2]=FE (87 C) is a sentinel" },
                new(InputId.AmbientTempC, 0x6B7, "OutsideTemp") { MaxAgeMs = 10000, Note = "filtered outside temperature (0x6B5 AirTemp is the raw sensor)" },
                new(InputId.SpeedKmh, 0x0FD, "Speed") { MaxAgeMs = 2000 },
                new(InputId.OdometerKm, 0x6B7, "Odometer") { MaxAgeMs = 10000 },
                new(InputId.ChargingState, 0x594, "ChargeInProgress") { MaxAgeMs = 10000, Scale = 2, Note = "1 = charging -> 2; AC and DC are not told apart, plugged-not-charging reads 0" },
            },
            new[]
            {
                "No HVAC power signal in vwegolf.dbc: hvac_power_w stays missing (stale).",
                "No battery min/max temperature: only battery_temp_avg_c.",
            });

        /// <summary>Hyundai Kona Electric (PCAN) from projectgus/kona-ev-dbc pcan.dbc; bus 0 only.</summary>
        public static VehicleProfile HyundaiKona { get; } = new(
            "hyundai-kona",
            "Hyundai Kona Electric (PCAN, kona-ev-dbc pcan.dbc)",
            "pcan.dbc",
            new List<ProfileEntry>
            {
                new(InputId.SocPercent, 0x542, "SocDisp") { Bus = 0, MaxAgeMs = 5000, Note = "SOC as displayed (0x594 SoC_Maybe is 'probably actual')" },
                new(InputId.PackVoltageV, 0x595, "VBatt") { Bus = 0, MaxAgeMs = 5000, Min = 100, Max = 1000, Note = "bus 0 only: 0x595 on bus 1 (CCAN) carries other content" },
                new(InputId.PackCurrentA, 0x595, "IBatt") { Bus = 0, MaxAgeMs = 5000, Min = -1000, Max = 1000, Note = "positive = discharge: 0..3.4 A while READY and not charging in log 230112-7; scale 1" },
                new(InputId.ChargingState, 0x595, "ACChargerDetected") { Bus = 0, MaxAgeMs = 5000, Scale = 2, Combine = CombineMode.Max, Note = "charger detected counts as charging: AC -> 2, DC -> 3 (max of both)" },
                new(InputId.ChargingState, 0x595, "DCFastChargerDetected") { Bus = 0, MaxAgeMs = 5000, Scale = 3, Combine = CombineMode.Max },
                new(InputId.BatteryTempMinC, 0x596, "uwe596_6_TAkkuL") { Bus = 0, MaxAgeMs = 5000 },
                new(InputId.BatteryTempMaxC, 0x596, "uwe596_7_TAkkuH") { Bus = 0, MaxAgeMs = 5000 },
                new(InputId.BatteryTempAvgC, 0x596, "uwe596_6_TAkkuL") { Bus = 0, MaxAgeMs = 5000, Combine = CombineMode.Avg, Note = "avg = (low + high) / 2" },
                new(InputId.BatteryTempAvgC, 0x596, "uwe596_7_TAkkuH") { Bus = 0, MaxAgeMs = 5000, Combine = CombineMode.Avg },
                new(InputId.SpeedKmh, 0x386, "WHL_SPD_FL") { Bus = 0, MaxAgeMs = 2000, Combine = CombineMode.Avg, Note = "mean of the four wheel speeds (km/h); 0x450 Speed has no unit in the DBC" },
                new(InputId.SpeedKmh, 0x386, "WHL_SPD_FR") { Bus = 0, MaxAgeMs = 2000, Combine = CombineMode.Avg },
                new(InputId.SpeedKmh, 0x386, "WHL_SPD_RL") { Bus = 0, MaxAgeMs = 2000, Combine = CombineMode.Avg },
                new(InputId.SpeedKmh, 0x386, "WHL_SPD_RR") { Bus = 0, MaxAgeMs = 2000, Combine = CombineMode.Avg },
                new(InputId.OdometerKm, 0x5D0, "Odometer") { Bus = 0, MaxAgeMs = 10000 },
                new(InputId.HvacPowerW, 0x5F6, "HeaterPower") { Bus = 0, MaxAgeMs = 5000, Note = "heater only: CompressorPower (0x5F5) is another message and is not added" },
            },
            new[]
            {
                "No ambient (outside air) temperature is defined in pcan.dbc: ambient_temp_c stays missing (stale).",
                "0x595/0x596 also occur on bus 1 (CCAN) with other content: every mapping is bus 0.",
            });

        public static IReadOnlyList<VehicleProfile> All { get; } = new[] { Reference, VwEGolf, HyundaiKona };

        /// <summary>Profile by <see cref="VehicleProfile.Name"/>, or null.</summary>
        public static VehicleProfile? Find(string name)
        {
            foreach (VehicleProfile p in All)
            {
                if (p.Name == name)
                {
                    return p;
                }
            }

            return null;
        }
    }
}
