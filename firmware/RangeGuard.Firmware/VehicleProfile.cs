using RangeGuard.Vehicle;

namespace RangeGuard.Firmware
{
    /// <summary>
    /// The vehicle profile compiled into the image as constants (no file system or resource generator needed on the device).
    /// </summary>
    public static class VehicleProfile
    {
        /// <summary>Forecaster preset of the car this image is built for.</summary>
        public const string VehiclePresetId = "rangeguard-ref";

        /// <summary>
        /// Signal map of the RangeGuard reference vehicle: simulator/RangeGuard.Host/Profiles/rangeguard-ref.map without its
        /// comment lines. A host test (VehicleProfileSyncTests) fails if the two drift apart. For another car, paste the map
        /// that ProfileBuilder generates from its DBC.
        /// </summary>
        public const string SignalMapText =
            "profile=rangeguard-ref\n" +
            "input=soc_pct id=0x100 ext=0 start=0 len=10 order=intel signed=0 factor=0.1 offset=0 min=0 max=100 bus=-1 maxage=1000 sentinel=1023 signal=RG_Battery.Soc\n" +
            "input=pack_voltage_v id=0x100 ext=0 start=16 len=16 order=intel signed=0 factor=0.1 offset=0 min=0 max=1000 bus=-1 maxage=1000 signal=RG_Battery.PackVoltage\n" +
            "input=pack_current_a id=0x100 ext=0 start=32 len=16 order=intel signed=1 factor=0.1 offset=0 min=-1500 max=1500 bus=-1 maxage=1000 signal=RG_Battery.PackCurrent\n" +
            "input=charging_state id=0x100 ext=0 start=48 len=2 order=intel signed=0 factor=1 offset=0 min=0 max=3 bus=-1 maxage=1000 signal=RG_Battery.ChargingState\n" +
            "input=battery_temp_min_c id=0x110 ext=0 start=7 len=12 order=motorola signed=0 factor=0.1 offset=-100 min=-40 max=85 bus=-1 maxage=5000 sentinel=4095 signal=RG_BatteryTemp.BatteryTempMin\n" +
            "input=battery_temp_max_c id=0x110 ext=0 start=11 len=12 order=motorola signed=0 factor=0.1 offset=-100 min=-40 max=85 bus=-1 maxage=5000 sentinel=4095 signal=RG_BatteryTemp.BatteryTempMax\n" +
            "input=battery_temp_avg_c id=0x110 ext=0 start=31 len=12 order=motorola signed=0 factor=0.1 offset=-100 min=-40 max=85 bus=-1 maxage=5000 sentinel=4095 signal=RG_BatteryTemp.BatteryTempAvg\n" +
            "input=speed_kmh id=0x120 ext=0 start=0 len=16 order=intel signed=0 factor=0.01 offset=0 min=0 max=300 bus=-1 maxage=1000 signal=RG_Vehicle.Speed\n" +
            "input=ambient_temp_c id=0x120 ext=0 start=16 len=8 order=intel signed=0 factor=0.5 offset=-40 min=-40 max=85 bus=-1 maxage=1000 signal=RG_Vehicle.AmbientTemp\n" +
            "input=odometer_km id=0x120 ext=0 start=32 len=32 order=intel signed=0 factor=0.01 offset=0 min=0 max=2000000 bus=-1 maxage=1000 signal=RG_Vehicle.Odometer\n" +
            "input=hvac_power_w id=0x130 ext=0 start=0 len=16 order=intel signed=0 factor=1 offset=0 min=0 max=20000 bus=-1 maxage=2500 signal=RG_Climate.HvacPower\n";

        public static VehicleParams CreateVehicleParams()
        {
            return VehicleParams.Preset(VehiclePresetId);
        }

    }
}
