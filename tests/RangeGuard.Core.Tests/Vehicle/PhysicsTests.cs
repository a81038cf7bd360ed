#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Vehicle
{
    [TestClass]
    public class PhysicsTests
    {
        private static VehicleParams AeroOnly()
        {
            var vp = new VehicleParams();
            vp.RoadLoadAN = 0f;
            vp.RoadLoadBNPerMps = 0f;
            vp.RoadLoadCNPerMps2 = 0.5f;
            return vp;
        }

        [TestMethod]
        public void AirDensity_should_follow_ideal_gas_when_cold_or_mild()
        {
            // ρ = 101325 / (287.05 · T[K]): 15 °C → 1.2250, −10 °C → 1.3414 kg/m³.
            Check.Near(1.2250, RoadLoad.AirDensity(15f, 0f), 0.0005, "rho 15 C");
            Check.Near(1.3414, RoadLoad.AirDensity(-10f, 0f), 0.0005, "rho -10 C");
        }

        [TestMethod]
        public void Aero_force_should_be_9_5_percent_higher_when_minus_10_vs_15_C()
        {
            // C = 0.5 N/(m/s)² at 20 °C (ρref 1.20412); v = 25 m/s: 0.5·625·ρ/ρref = 317.92 N at 15 °C, 348.13 N at −10 °C.
            VehicleParams vp = AeroOnly();
            float mild = RoadLoad.ForceN(vp, 25f, 15f, 0f, 0f);
            float cold = RoadLoad.ForceN(vp, 25f, -10f, 0f, 0f);
            Check.Near(317.92, mild, 0.1, "aero 15 C");
            Check.Near(348.13, cold, 0.1, "aero -10 C");
            Check.Near(1.0950, cold / mild, 0.0005, "ratio");
        }

        [TestMethod]
        public void Aero_force_should_use_air_speed_when_head_wind()
        {
            // 25 m/s + 5 m/s head wind at 20 °C: 0.5 · 30² = 450 N.
            Check.Near(450.0, RoadLoad.ForceN(AeroOnly(), 25f, 20f, 0f, 5f), 0.2, "head wind");
        }

        [TestMethod]
        public void Rolling_resistance_should_rise_24_percent_when_minus_10_C()
        {
            // ECE R117 K_t = 0.008/K from 20 °C: 1 + 0.008·30 = 1.24; A = 150 N → 186 N.
            var vp = new VehicleParams();
            vp.RoadLoadAN = 150f;
            vp.RoadLoadBNPerMps = 0f;
            vp.RoadLoadCNPerMps2 = 0f;
            Check.Near(1.24, RoadLoad.TyreFactor(-10f), 1e-5, "factor");
            Check.Near(186.0, RoadLoad.ForceN(vp, 10f, -10f, 0f, 0f), 0.01, "force");
            Check.Near(150.0, RoadLoad.ForceN(vp, 10f, 20f, 0f, 0f), 0.01, "force at 20 C");
        }

        [TestMethod]
        public void Regen_efficiency_should_be_0_921_when_decelerating_at_half_a_metre_per_s2()
        {
            // Fiori 2016: exp(−0.0411/0.5) = 0.92109.
            Check.Near(0.92109, RoadLoad.RegenDecelEfficiency(-0.5f, 0.0411f), 1e-4, "eta_rb");
            Check.Near(1.0, RoadLoad.RegenDecelEfficiency(0.2f, 0.0411f), 1e-6, "not braking");
        }

        [TestMethod]
        public void Braking_power_should_apply_regen_chain_when_decelerating()
        {
            // m 1000 kg, 10 m/s, −0.5 m/s², no road load: wheel −5000 W → ·0.75 · 0.92109 · (1 − 0.02) = −3385.0 W at 25 °C.
            var vp = new VehicleParams();
            vp.MassKg = 1000f;
            vp.RoadLoadAN = 0f;
            vp.RoadLoadBNPerMps = 0f;
            vp.RoadLoadCNPerMps2 = 0f;
            Check.Near(-3385.0, Powertrain.DrivePowerW(vp, 10f, -0.5f, 0f, 20f, 0f, 25f, 50f), 1.0, "regen W");
            // Same at 5 °C pack: acceptance 0.25 + 0.75·5/15 = 0.5, loss 0.02·e^(0.0308·20) = 0.03704.
            float cold = Powertrain.DrivePowerW(vp, 10f, -0.5f, 0f, 20f, 0f, 5f, 50f);
            Check.Near(-5000.0 * 0.75 * 0.92109 * 0.5 * (1 - 0.03704), cold, 1.5, "cold pack regen W");
        }

        [TestMethod]
        public void Traction_power_should_divide_by_efficiency_when_climbing()
        {
            // 1000 kg at 10 m/s up 5 %: m·g·sinθ·v = 1000·9.80665·0.05·10 = 4903.3 W; /0.96 ·1.02 = 5209.8 W.
            var vp = new VehicleParams();
            vp.TractionEfficiency = 0.96f;
            vp.MassKg = 1000f;
            vp.RoadLoadAN = 0f;
            vp.RoadLoadBNPerMps = 0f;
            vp.RoadLoadCNPerMps2 = 0f;
            Check.Near(5209.8, Powertrain.DrivePowerW(vp, 10f, 0f, 0.05f, 20f, 0f, 25f, 50f), 0.5, "climb W");
        }

        [TestMethod]
        public void Heater_should_draw_3640_W_when_minus_10_C_with_resistive_heater()
        {
            // 130 W/K · (21 − 3 K dead band − (−10)) = 3640 W; heat pump COP 2.2 + 0.03·(−10) = 1.9 → 1915.8 W.
            var vp = new VehicleParams();
            Check.Near(3640.0, vp.HeatingPowerW(-10f, 21f), 0.5, "PTC");
            vp.HeatPump = true;
            Check.Near(1915.8, vp.HeatingPowerW(-10f, 21f), 0.5, "heat pump");
            Check.Near(0.0, vp.HeatingPowerW(19f, 21f), 1e-6, "dead band");
        }

        [TestMethod]
        public void Epa_preset_should_convert_units_when_created()
        {
            // BMW i3 row: ETW 3125 lb → 1417.48 kg; A 22.9 lbf → 101.864 N; C 0.01626 lbf/mph² → 0.36192 N/(m/s)².
            VehicleParams i3 = VehicleParams.Preset("bmw-i3-60ah-2014");
            Check.Near(1417.48, i3.MassKg, 0.05, "mass");
            Check.Near(101.864, i3.RoadLoadAN, 0.01, "A");
            Check.Near(0.36192, i3.RoadLoadCNPerMps2, 0.0001, "C");
            Check.Near(172.0, i3.EpaUddsWallWhPerMi, 1e-3, "udds");
        }

        [TestMethod]
        public void Presets_should_exist_when_listed()
        {
            // One per vehicle folder with a forecaster.cfg: the six EPA rows, the reference, the e-Golf and the Kona.
            string[] known = { "tesla-model-s-85-2013", "tesla-model-s-lr-2022", "tesla-model-3-lr-awd-2022", "nissan-leaf-s-2013",
                "chevrolet-bolt-2019", "bmw-i3-60ah-2014", "rangeguard-ref", "vw-egolf", "hyundai-kona" };
            for (int k = 0; k < known.Length; k++)
            {
                Assert.IsNotNull(VehiclePresets.Create(known[k]), known[k]);
            }

            Assert.IsTrue(VehiclePresets.Count >= known.Length, "count " + VehiclePresets.Count.ToString());
            for (int i = 0; i < VehiclePresets.Count; i++)
            {
                VehicleParams vp = VehicleParams.Preset(VehiclePresets.IdAt(i));
                Assert.AreEqual(VehiclePresets.IdAt(i), vp.Id);
                Assert.IsTrue(vp.MassKg > 1000f && vp.Battery.NominalKwh > 10f, vp.Id);
            }

            Check.Throws(typeof(System.ArgumentException), () => VehicleParams.Preset("no-such-car"), "unknown preset");
        }
    }
}
