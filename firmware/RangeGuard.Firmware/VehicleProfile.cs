using RangeGuard.Vehicle;

namespace RangeGuard.Firmware
{
    /// <summary>
    /// The vehicle this image is built for, compiled in (no file system on the device). Its data, VehicleId,
    /// SignalMapText and ForecasterConfigText, are generated from one vehicle folder (firmware/vehicles/&lt;id&gt;/) into
    /// VehicleProfile.Generated.cs by `rangeguard vehicles generate --firmware-vehicle &lt;id&gt;`; a host test checks it is current.
    /// </summary>
    public static partial class VehicleProfile
    {
        /// <summary>Forecaster preset of the car this image is built for (the vehicle folder's id).</summary>
        public const string VehiclePresetId = VehicleId;

        /// <summary>The forecaster parameters from the compiled-in forecaster.cfg (registered as the only preset).</summary>
        public static VehicleParams CreateVehicleParams()
        {
            string problem = VehiclePresets.Register(VehicleId, ForecasterConfigText);
            if (problem != null)
            {
                throw new System.Exception("compiled-in forecaster preset does not parse: " + problem);
            }

            return VehicleParams.Preset(VehicleId);
        }

    }
}
