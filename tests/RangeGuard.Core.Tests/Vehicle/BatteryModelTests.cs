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
        public void Dc_charge_power_should_follow_the_cc_cv_line_and_pack_temperature()
        {
            // 100 kW peak, knee 50 %, C/20 of 60 kWh = 3 kW at 100 %: at 65 % the CV line gives 3 + 97·35/50 = 70.9 kW;
            // 10 °C → 0.3 + 0.7·10/25 = 0.58 → 41.12 kW. Chargers deliver 95 % (DC) / 90 % (AC, on-board limit 11 kW).
            var b = new BatteryModel();
            Check.Near(100.0, b.ChargePowerKw(30f, 30f, 150f, true), 1e-3, "warm, low SOC: the pack's peak");
            Check.Near(41.12, b.ChargePowerKw(65f, 10f, 150f, true), 0.01, "cold, on the CV line");
            Check.Near(47.5, b.ChargePowerKw(30f, 30f, 50f, true), 1e-3, "charger limit × 0.95");
            Check.Near(9.9, b.ChargePowerKw(30f, 20f, 22f, false), 1e-3, "AC on-board limit 11 kW × 0.9");
            Check.Near(0.0, b.ChargePowerKw(100f, 20f, 22f, false), 1e-6, "full");
            Check.Near(3.0 + 97.0 * 5.0 / 50.0, b.ChargeAcceptKw(95f, 30f), 1e-3, "near full the current falls towards C/20");
        }

        [TestMethod]
        public void Charge_minutes_should_be_205_when_11_kW_AC_from_20_to_80_percent()
        {
            // 60 % of 55.2 kWh = 33.12 kWh at 11 kW × 0.9 = 9.9 kW, less the ~2.3 % resistive loss: about 205 min.
            var b = new BatteryModel();
            Check.Near(205.1, b.ChargeMinutes(20f, 80f, 20f, 11f, false), 0.2, "minutes");
        }

        [TestMethod]
        public void Charge_minutes_should_grow_when_pack_is_cold()
        {
            var b = new BatteryModel();
            float warm = b.ChargeMinutes(10f, 80f, 25f, 150f, true);
            float cold = b.ChargeMinutes(10f, 80f, 0f, 150f, true);
            Assert.IsTrue(cold > 1.5f * warm, "cold " + cold.ToString() + " warm " + warm.ToString());

            // AC into a -10 °C pack: the heater takes half the charger until the pack reaches 5 °C.
            float acWarm = b.ChargeMinutes(10f, 80f, 20f, -10f, 7f, false, 0.3f, 1f, -1f);
            float acCold = b.ChargeMinutes(10f, 80f, -10f, -10f, 7f, false, 0.3f, 1f, -1f);
            Assert.IsTrue(acCold > acWarm + 10f, "cold " + acCold.ToString() + " warm " + acWarm.ToString());
            Assert.AreEqual(-1f, b.ChargeMinutes(10f, 80f, -10f, -10f, 0.2f, false, 0.3f, 1f, -1f), "the car's own load eats a 0.2 kW outlet");
        }

        [TestMethod]
        public void The_last_ten_percent_should_take_longer_than_ten_below_the_knee()
        {
            var b = new BatteryModel();
            float low = b.ChargeMinutes(20f, 30f, 25f, 150f, true);
            float top = b.ChargeMinutes(90f, 100f, 25f, 150f, true);
            Assert.IsTrue(top > 4f * low, "90-100 % " + top.ToString() + " min vs 20-30 % " + low.ToString());
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
