namespace RangeGuard.Preconditioning
{
    /// <summary>
    /// Lumped thermal model of the pack and its heater. Defaults: a ~75 kWh pack (about 450 kg of cells at ~1 kJ/(kg·K)),
    /// a 6 kW resistive heater, 15 W/K loss to ambient (time constant ~8 h parked). The integrator fills it from the vehicle model.
    /// </summary>
    public struct PackThermalParams
    {
        public float ThermalMassJPerK;
        public float HeaterPowerW;
        public float LossUaWPerK;

        /// <summary>Preferred pack window for DC fast charging (and the departure target), °C.</summary>
        public float WindowMinC;
        public float WindowMaxC;

        public float UsableKwh;

        public static PackThermalParams Default75Kwh()
        {
            PackThermalParams p;
            p.ThermalMassJPerK = 450000f;
            p.HeaterPowerW = 6000f;
            p.LossUaWPerK = 15f;
            p.WindowMinC = 25f;
            p.WindowMaxC = 40f;
            p.UsableKwh = 75f;
            return p;
        }
    }
}
