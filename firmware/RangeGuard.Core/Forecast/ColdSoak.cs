using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    /// <summary>Parked cold-soak outlook at departure, unplugged versus plugged in with preconditioning.</summary>
    public struct ColdSoakResult
    {
        /// <summary>Pack temperature at departure if left unplugged, °C (Newton cooling to ambient).</summary>
        public float PackTempUnpluggedC;

        /// <summary>Usable energy at departure, kWh, and range at the cruise speed, km (cabin warm-up deducted).</summary>
        public float EnergyUnpluggedKwh;
        public float RangeUnpluggedKm;

        /// <summary>Plugged in: pack warmed from the grid to the target temperature and cabin pre-heated.</summary>
        public float PackTempPluggedC;
        public float EnergyPluggedKwh;
        public float RangePluggedKm;

        /// <summary>Range the driver loses by not plugging in, km ("plug in tonight: you would lose N km").</summary>
        public float RangeLostKm;

        /// <summary>Grid energy the preconditioning draws (pack + cabin heat), kWh.</summary>
        public float GridEnergyKwh;

        /// <summary>Minutes the battery heater needs to reach the target from the unplugged temperature.</summary>
        public float PreheatMinutes;
    }

    /// <summary>
    /// Cold soak: T(t) = Ta + (T0 − Ta)·exp(−t·UA/C) with the pack's heat transfer UA (W/K) and thermal mass C (J/K).
    /// Range = (usable energy at the pack temperature − cabin warm-up) / consumption per km at the cruise speed,
    /// where consumption includes cold-pack losses, reduced regen and cabin heating.
    /// </summary>
    public static class ColdSoak
    {
        public const float PreconditionTargetC = 20f;

        public static ColdSoakResult Estimate(VehicleParams vp, float socPercent, float packTempC, float ambientC,
            float hoursToDeparture, float cabinSetpointC, float cruiseSpeedKmh)
        {
            BatteryModel b = vp.Battery;
            ColdSoakResult r = new ColdSoakResult();
            float hours = hoursToDeparture < 0f ? 0f : hoursToDeparture;
            float tau = b.HeatTransferWPerK > 0f ? b.ThermalMassJPerK / b.HeatTransferWPerK : 1e9f;
            float tDep = ambientC + (packTempC - ambientC) * (float)RangeGuard.Common.DMath.Exp(-hours * 3600f / tau);
            r.PackTempUnpluggedC = tDep;

            float cabinWarmupWh = cabinSetpointC > ambientC ? vp.CabinHeatCapacityJPerK * (cabinSetpointC - ambientC) / 3600f / vp.HeaterCop(ambientC) : 0f;
            r.EnergyUnpluggedKwh = socPercent / 100f * b.UsableEnergyKwh(tDep);
            float whKmCold = WhPerKm(vp, tDep, ambientC, cabinSetpointC, cruiseSpeedKmh, socPercent);
            r.RangeUnpluggedKm = (r.EnergyUnpluggedKwh * 1000f - cabinWarmupWh) / whKmCold;

            float tPlug = tDep > PreconditionTargetC ? tDep : PreconditionTargetC;
            r.PackTempPluggedC = tPlug;
            r.EnergyPluggedKwh = socPercent / 100f * b.UsableEnergyKwh(tPlug);
            r.RangePluggedKm = r.EnergyPluggedKwh * 1000f / WhPerKm(vp, tPlug, ambientC, cabinSetpointC, cruiseSpeedKmh, socPercent);
            if (r.RangeUnpluggedKm < 0f)
            {
                r.RangeUnpluggedKm = 0f;
            }

            r.RangeLostKm = r.RangePluggedKm - r.RangeUnpluggedKm;
            float packJ = b.ThermalMassJPerK * (tPlug - tDep);
            r.PreheatMinutes = b.HeaterPowerW > 0f ? packJ / b.HeaterPowerW / 60f : -1f;
            // Holding the pack warm for the heating time costs UA·(T − Ta) on top.
            float holdJ = b.HeatTransferWPerK * (tPlug - ambientC) * r.PreheatMinutes * 60f;
            r.GridEnergyKwh = (packJ + holdJ) / 3.6e6f + cabinWarmupWh / 1000f;
            return r;
        }

        /// <summary>Battery energy per km at a steady speed on a flat road (with the typical stop-and-go of that speed), Wh/km.</summary>
        public static float WhPerKm(VehicleParams vp, float packTempC, float ambientC, float setpointC, float speedKmh, float socPercent)
        {
            float drive, regen;
            Powertrain.SegmentEnergy(vp, 1000f, 0f, speedKmh, Powertrain.DefaultPkeMps2(speedKmh), ambientC, 0f, out drive, out regen);
            float r = vp.Battery.LossFraction(packTempC);
            float net = drive * (1f + r) - regen * vp.Battery.RegenAcceptance(packTempC, socPercent) * (1f - r);
            float hours = 1f / speedKmh;
            float aux = vp.AuxBaseW + vp.HeatingPowerW(ambientC, setpointC) + vp.CoolingPowerW(ambientC, setpointC);
            return net + aux * hours;
        }
    }
}
