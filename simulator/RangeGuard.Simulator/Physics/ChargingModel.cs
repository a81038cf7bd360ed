using System;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// What a charging session can put into the pack: the charger's and the car's limits, the DC taper with SOC, and the
    /// BMS's C-rate limit vs battery temperature (cold packs charge slowly; ev-physics-notes B4, B6).
    /// </summary>
    public static class ChargingModel
    {
        /// <summary>Power drawn from the wall or DC station before losses, W.</summary>
        public static double InputLimitW(VehicleParameters p, double chargerW, bool isDc)
            => Math.Min(chargerW, isDc ? p.MaxDcChargeW : p.MaxAcChargeW);

        public static double Efficiency(VehicleParameters p, bool isDc) => isDc ? p.DcChargeEfficiency : p.AcChargeEfficiency;

        /// <summary>Most power the pack accepts at this SOC and temperature, W (before the voltage limit).</summary>
        public static double PackAcceptW(VehicleParameters p, double socPercent, double tempC, bool isDc)
        {
            double byTemp = p.MaxChargeCRateByTemp.Eval(tempC) * p.NominalEnergyKwh * 1000.0;
            // The taper table also stands for the constant-voltage phase of slow AC charging near full.
            double taperRef = Math.Max(p.MaxDcChargeW, p.MaxAcChargeW);
            double bySoc = p.DcTaperBySoc.Eval(socPercent) * taperRef;
            return socPercent >= 100.0 ? 0 : Math.Min(byTemp, bySoc);
        }
    }
}
