using RangeGuard.Forecast;

namespace RangeGuard.Firmware
{
    /// <summary>
    /// The vehicle profile compiled into the image as constants (no file system or resource generator needed on the device).
    /// </summary>
    public static class VehicleProfile
    {
        /// <summary>
        /// Compact signal map for the car this image is built for (default: the RangeGuard reference vehicle).
        /// WIRE: paste the text the DBC import tool emits (its format belongs to the signal-map loader).
        /// </summary>
        public const string SignalMapText = "";

        /// <summary>WIRE: the reference vehicle's parameters for EnergyForecaster (factory or constructor of VehicleParams).</summary>
        public static VehicleParams CreateVehicleParams()
        {
            return new VehicleParams(); // WIRE: VehicleParams defaults / reference-vehicle factory
        }
    }
}
