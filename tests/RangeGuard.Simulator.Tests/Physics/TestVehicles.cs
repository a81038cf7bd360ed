using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Tests.Physics
{
    /// <summary>A simple vehicle with round numbers for hand-computed tests.</summary>
    internal static class TestVehicles
    {
        public static VehicleParameters Simple(bool heatPump = false) => new()
        {
            Id = "test",
            Name = "test car",
            RoadLoadAN = 100,
            RoadLoadBNPerMps = 0,
            RoadLoadCNPerMps2 = 0.5,
            TestMassKg = 2000,
            RollingTempCoeffPerC = 0,
            TractionEfficiency = 0.9,
            RegenEfficiency = 0.7,
            RegenMaxDecelMps2 = 2.0,
            MaxRegenPowerW = 20_000,
            MaxDrivePowerW = 150_000,
            RegenTempFactor = new Table1D(new[] { -10.0, 20.0 }, new[] { 0.0, 1.0 }),
            RegenSocFactor = new Table1D(new[] { 90.0, 100.0 }, new[] { 1.0, 0.0 }),
            NominalEnergyKwh = 60,
            CellsInSeries = 96,
            CellOcvV = Table1D.Constant(3.8),
            PackResistance25COhm = 0.07,
            PackMassKg = 400,
            PackSpecificHeatJPerKgK = 1000,
            PackUaParkedWPerK = 20,
            PackUaDrivingWPerK = 40,
            BatteryHeaterW = 5000,
            BmsDriveHeatBelowC = -30,
            BmsChargeHeatBelowC = -30,
            HeatPump = heatPump,
            CabinHeaterMaxW = 6000,
            CabinUaWPerK = 110,
            HeatPumpCop = new Table1D(new[] { -20.0, -10.0, 0.0, 10.0 }, new[] { 1.1, 1.6, 2.2, 2.8 }),
            BaseAuxW = 0,
            ParkedDrainW = 0,
            SolarGainW = 0,
        };
    }
}
