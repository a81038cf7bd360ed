namespace RangeGuard.Preconditioning
{
    /// <summary>
    /// Closed-form lumped model C·dT/dt = P − UA·(T − Ta):
    /// T(t) = Ta + P/UA + (T0 − Ta − P/UA)·e^(−UA·t/C).
    /// </summary>
    public static class ThermalModel
    {
        /// <summary>Pack temperature after <paramref name="seconds"/> with heater power <paramref name="powerW"/> (0 = cooling only).</summary>
        public static float TempAfter(float t0C, float ambientC, float powerW, PackThermalParams p, float seconds)
        {
            if (p.LossUaWPerK <= 0f)
            {
                return t0C + powerW * seconds / p.ThermalMassJPerK;
            }

            float steady = ambientC + powerW / p.LossUaWPerK;
            return steady + (t0C - steady) * (float)RangeGuard.Common.DMath.Exp(-p.LossUaWPerK * seconds / p.ThermalMassJPerK);
        }

        /// <summary>
        /// Heater-on time to go from <paramref name="t0C"/> to <paramref name="targetC"/>, s: 0 if already there,
        /// -1 if the heater cannot get there against the loss to ambient (target at or above Ta + P/UA).
        /// </summary>
        public static float HeatingSeconds(float t0C, float targetC, float ambientC, PackThermalParams p)
        {
            return HeatingSeconds(t0C, targetC, ambientC, ref p);
        }

        /// <summary>
        /// <see cref="HeatingSeconds(float, float, float, PackThermalParams)"/> by reference: on nanoFramework every read of a
        /// field of a struct passed by value copies the whole struct (the planner runs this every tick while it plans).
        /// </summary>
        public static float HeatingSeconds(float t0C, float targetC, float ambientC, ref PackThermalParams p)
        {
            if (t0C >= targetC)
            {
                return 0f;
            }

            if (p.HeaterPowerW <= 0f)
            {
                return -1f;
            }

            if (p.LossUaWPerK <= 0f)
            {
                return p.ThermalMassJPerK * (targetC - t0C) / p.HeaterPowerW;
            }

            float steady = ambientC + p.HeaterPowerW / p.LossUaWPerK;
            if (targetC >= steady)
            {
                return -1f;
            }

            double ratio = (targetC - steady) / (double)(t0C - steady);
            return (float)(-p.ThermalMassJPerK / p.LossUaWPerK * RangeGuard.Common.DMath.Log(ratio));
        }

        /// <summary>Electrical energy of the heater running for <paramref name="seconds"/>, kWh.</summary>
        public static float HeaterKwh(float seconds, PackThermalParams p)
        {
            return p.HeaterPowerW * seconds / 3600000f;
        }

        /// <summary><see cref="HeaterKwh(float, PackThermalParams)"/> by reference (no struct copy on nanoFramework).</summary>
        public static float HeaterKwh(float seconds, ref PackThermalParams p)
        {
            return p.HeaterPowerW * seconds / 3600000f;
        }
    }
}
