using RangeGuard.Host.Vehicles;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Board
{
    /// <summary>
    /// Which forecaster preset predicts for a truth vehicle: the one in the same vehicle folder (firmware/vehicles/&lt;id&gt;/
    /// forecaster.cfg next to truth.json), else the reference vehicle's. The models stay independent: the truth reads
    /// truth.json, the agent its forecaster.cfg.
    /// </summary>
    public static class ForecasterPresets
    {
        public static string For(string truthVehicleId, out string? note)
        {
            note = null;
            VehicleFolder? folder = VehicleCatalog.Find(truthVehicleId); // also registers the presets of added folders
            if (folder != null && folder.HasForecaster && VehiclePresets.Create(truthVehicleId) != null)
            {
                return truthVehicleId;
            }

            note = $"no forecaster preset '{truthVehicleId}' (no forecaster.cfg in its vehicle folder): predicting with {VehiclePresets.Reference}";
            return VehiclePresets.Reference;
        }
    }
}
