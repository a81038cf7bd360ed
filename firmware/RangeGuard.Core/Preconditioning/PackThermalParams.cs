using RangeGuard.Vehicle;

namespace RangeGuard.Preconditioning
{
    /// <summary>
    /// Lumped thermal model of the pack and its heater. Defaults: a ~75 kWh pack (about 450 kg of cells at ~1 kJ/(kg·K)),
    /// a 6 kW resistive heater, 15 W/K loss to ambient (time constant ~8 h parked). <see cref="From"/> maps a vehicle model's
    /// pack onto it: the one mapping the device and the simulator share.
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

        /// <summary>The pack of a vehicle model: thermal mass, heater, loss to ambient, the DC full-power window and usable energy at 25 °C.</summary>
        public static PackThermalParams From(VehicleParams vehicle)
        {
            BatteryModel b = vehicle.Battery;
            PackThermalParams p = Default75Kwh();
            p.ThermalMassJPerK = b.ThermalMassJPerK;
            p.HeaterPowerW = b.HeaterPowerW;
            p.LossUaWPerK = b.HeatTransferWPerK;
            p.WindowMinC = b.DcFullPowerTempC;
            p.UsableKwh = b.UsableEnergyKwh(25f);
            return p;
        }

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
