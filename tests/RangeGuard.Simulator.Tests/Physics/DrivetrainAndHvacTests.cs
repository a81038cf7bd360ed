using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Tests.Physics
{
    [TestClass]
    public class DrivetrainAndHvacTests
    {
        private static double RegenW(double packTempC, double socPercent)
        {
            // 20 m/s, braking at 1 m/s², 20 °C air (aero at the reference density), dt 0.01 s so v_mid ≈ 19.995 m/s:
            // F = 100 + 0.5·v² − 2000·1 = −1700.1 N → wheel −33.99 kW → 0.7 × 33.99 = 23.8 kW, then capped by the regen limit.
            var car = new TruthCar(TestVehicles.Simple(), socPercent, packTempC, 20) { SpeedMps = 20 };
            var u = new CarInputs { Driving = true, CarOn = true, DesiredAccelMps2 = -1, AmbientC = 20, CabinSetpointC = double.NaN, CabinHeaterCapW = double.PositiveInfinity };
            car.Step(0.01, in u);
            return -car.DriveElectricW;
        }

        [TestMethod]
        public void Regen_should_be_limited_by_power_cold_pack_and_high_soc()
        {
            Assert.AreEqual(20_000, RegenW(25, 50), 1, "warm: 23.8 kW recoverable, capped at the 20 kW limit");
            Assert.AreEqual(10_000, RegenW(5, 50), 1, "5 °C pack: factor 0.5 → 10 kW");
            Assert.AreEqual(0, RegenW(-10, 50), 1, "-10 °C pack: no regen");
            Assert.AreEqual(10_000, RegenW(25, 95), 1, "95 % SOC: factor 0.5 → 10 kW");
        }

        [TestMethod]
        public void Regen_below_the_limit_should_recover_the_regen_efficiency_share()
        {
            VehicleParameters p = TestVehicles.Simple();
            var car = new TruthCar(WithRegenLimit(p, 100_000), 50, 25, 20) { SpeedMps = 20 };
            var u = new CarInputs { Driving = true, CarOn = true, DesiredAccelMps2 = -1, AmbientC = 20, CabinSetpointC = double.NaN, CabinHeaterCapW = double.PositiveInfinity };
            car.Step(0.01, in u);
            double v = 19.995;
            double wheel = (100 + 0.5 * v * v - 2000) * v;
            Assert.AreEqual(-0.7 * wheel, -car.DriveElectricW, 1.0);
        }

        private static VehicleParameters WithRegenLimit(VehicleParameters p, double w) => new()
        {
            Id = p.Id, RoadLoadAN = p.RoadLoadAN, RoadLoadCNPerMps2 = p.RoadLoadCNPerMps2, TestMassKg = p.TestMassKg,
            RollingTempCoeffPerC = 0, TractionEfficiency = p.TractionEfficiency, RegenEfficiency = p.RegenEfficiency,
            MaxRegenPowerW = w, NominalEnergyKwh = p.NominalEnergyKwh, CellOcvV = p.CellOcvV, PackResistance25COhm = p.PackResistance25COhm,
            BaseAuxW = 0, ParkedDrainW = 0, SolarGainW = 0, BmsDriveHeatBelowC = -30,
        };

        [TestMethod]
        public void Resistive_heater_should_hold_21_C_at_minus_10_C_with_3_41_kW()
        {
            // Steady state with the cabin at the setpoint: UA·ΔT = 110 W/K · 31 K = 3,410 W.
            var cabin = new CabinHvac(TestVehicles.Simple(), 21);
            Assert.AreEqual(3410, cabin.Step(1, -10, 21, double.PositiveInfinity, 0), 0.5);
        }

        [TestMethod]
        public void Heat_pump_should_need_the_heat_divided_by_its_cop()
        {
            // COP 1.6 at −10 °C: 3,410 / 1.6 = 2,131 W electric; at 0 °C: 110·21 / 2.2 = 1,050 W.
            var cabin = new CabinHvac(TestVehicles.Simple(heatPump: true), 21);
            Assert.AreEqual(2131.25, cabin.Step(1, -10, 21, double.PositiveInfinity, 0), 0.5);
            cabin.CabinTempC = 21;
            Assert.AreEqual(1050, cabin.Step(1, 0, 21, double.PositiveInfinity, 0), 0.5);
        }

        [TestMethod]
        public void Heater_cap_should_limit_heating_heat_on_low()
        {
            var cabin = new CabinHvac(TestVehicles.Simple(), 0);
            Assert.AreEqual(2000, cabin.Step(1, -10, 21, 2000, 0), 0.001);
        }
    }
}
