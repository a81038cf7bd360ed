#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Vehicle
{
    [TestClass]
    public class BatteryModelTests
    {
        [TestMethod]
        public void Usable_energy_should_drop_12_percent_when_pack_at_minus_10_C()
        {
            // 60 kWh · 0.92 = 55.2 kWh at ≥ 20 °C; ·(1 − 0.004·30) = 48.576 kWh at −10 °C.
            var b = new BatteryModel();
            Check.Near(55.2, b.UsableEnergyKwh(25f), 0.001, "warm");
            Check.Near(48.576, b.UsableEnergyKwh(-10f), 0.001, "cold");
            b.SohPercent = 90f;
            Check.Near(49.68, b.UsableEnergyKwh(25f), 0.001, "90 % health");
        }

        [TestMethod]
        public void Loss_fraction_should_quadruple_when_minus_20_C()
        {
            var b = new BatteryModel();
            Check.Near(0.02, b.LossFraction(25f), 1e-5, "25 C");
            Check.Near(0.0800, b.LossFraction(-20f), 0.0002, "-20 C");
        }

        [TestMethod]
        public void Regen_acceptance_should_fall_when_cold_or_full()
        {
            var b = new BatteryModel();
            Check.Near(1.0, b.RegenAcceptance(20f, 50f), 1e-6, "warm");
            Check.Near(0.25, b.RegenAcceptance(-5f, 50f), 1e-6, "cold");
            Check.Near(0.5, b.RegenAcceptance(5f, 50f), 1e-5, "5 C");
            Check.Near(0.5, b.RegenAcceptance(20f, 95f), 1e-5, "95 % SOC");
        }

        [TestMethod]
        public void Dc_charge_power_should_follow_soc_taper_and_pack_temperature()
        {
            // 100 kW peak; 65 % SOC → taper 1 − 0.55·15/30 = 0.725; 10 °C → 0.3 + 0.7·10/25 = 0.58 → 42.05 kW.
            var b = new BatteryModel();
            Check.Near(100.0, b.ChargePowerKw(30f, 30f, 150f, true), 1e-3, "warm, low SOC");
            Check.Near(42.05, b.ChargePowerKw(65f, 10f, 150f, true), 0.01, "cold, mid SOC");
            Check.Near(50.0, b.ChargePowerKw(30f, 30f, 50f, true), 1e-3, "charger limit");
            Check.Near(11.0, b.ChargePowerKw(30f, 20f, 22f, false), 1e-3, "AC on-board limit");
            Check.Near(0.0, b.ChargePowerKw(100f, 20f, 22f, false), 1e-6, "full");
        }

        [TestMethod]
        public void Charge_minutes_should_be_180_7_when_11_kW_AC_from_20_to_80_percent()
        {
            // 60 % of 55.2 kWh = 33.12 kWh at 11 kW = 180.65 min.
            var b = new BatteryModel();
            Check.Near(180.65, b.ChargeMinutes(20f, 80f, 20f, 11f, false), 0.05, "minutes");
        }

        [TestMethod]
        public void Charge_minutes_should_grow_when_pack_is_cold()
        {
            var b = new BatteryModel();
            float warm = b.ChargeMinutes(10f, 80f, 25f, 150f, true);
            float cold = b.ChargeMinutes(10f, 80f, 0f, 150f, true);
            Assert.IsTrue(cold > 2.5f * warm, "cold " + cold.ToString() + " warm " + warm.ToString());
        }

        [TestMethod]
        public void Regen_acceptance_over_a_leg_should_average_the_full_pack_taper()
        {
            // Taper 1 up to 90 %, linear to 0 at 100 %: mean over 100→80 = (5 + 10) / 20 = 0.75; 100→90 = 0.5; 80→60 = 1.
            var b = new BatteryModel();
            Check.Near(0.75, b.RegenAcceptanceOverSoc(25f, 100f, 80f), 1e-5, "100 to 80");
            Check.Near(0.5, b.RegenAcceptanceOverSoc(25f, 100f, 90f), 1e-5, "100 to 90");
            Check.Near(1.0, b.RegenAcceptanceOverSoc(25f, 80f, 60f), 1e-5, "below the taper");
            Check.Near(0.25 * 0.75, b.RegenAcceptanceOverSoc(0f, 100f, 80f), 1e-5, "cold pack 0.25");
            Check.Near(b.RegenAcceptance(25f, 95f), b.RegenAcceptanceOverSoc(25f, 95f, 95f), 1e-5, "no span");
        }
    }
}
