using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Board
{
    /// <summary>
    /// Which forecaster preset (RangeGuard.Vehicle.VehiclePresets, built from the EPA test-car list) predicts for a truth
    /// vehicle. The ids match by design, but the models stay independent: the truth reads vehicles/*.json, the agent its
    /// own preset table.
    /// </summary>
    public static class ForecasterPresets
    {
        public static string For(string truthVehicleId, out string? note)
        {
            note = null;
            if (VehiclePresets.Create(truthVehicleId) != null)
            {
                return truthVehicleId;
            }

            note = $"no forecaster preset '{truthVehicleId}': predicting with {VehiclePresets.Reference}";
            return VehiclePresets.Reference;
        }
    }
}
