#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Vehicle
{
    [TestClass]
    public class DrivetrainLossTests
    {
        [TestMethod]
        public void Induction_drive_should_add_2644_W_at_20_mps_when_rated_270_kW()
        {
            // 0.0136 · 270 000 W / 27.78 m/s = 132.18 N; at 20 m/s: 2643.6 W, on top of the same car without it.
            VehicleParams vp = VehicleParams.Preset("tesla-model-s-85-2013");
            vp.InductionLossFraction = 0.0136f;
            Check.Near(132.18, vp.InductionLossN, 0.05, "drag N");
            float with = Powertrain.DrivePowerW(vp, 20f, 0f, 0f, 25f, 0f, 25f, 50f);
            vp.InductionDriveKw = 0f;
            float without = Powertrain.DrivePowerW(vp, 20f, 0f, 0f, 25f, 0f, 25f, 50f);
            Check.Near(2643.6, with - without, 1.0, "excitation W");
        }

        [TestMethod]
        public void Permanent_magnet_presets_should_have_no_induction_loss()
        {
            Check.Near(0.0, VehicleParams.Preset("bmw-i3-60ah-2014").InductionLossN, 1e-6, "i3");
            Check.Near(0.0, VehicleParams.Preset("tesla-model-s-lr-2022").InductionLossN, 1e-6, "2022 Model S");
            Check.Near(0.0, VehicleParams.Preset("rangeguard-ref").InductionLossN, 1e-6, "reference");
        }

        [TestMethod]
        public void Induction_loss_should_be_drawn_while_regenerating_and_not_at_standstill()
        {
            VehicleParams vp = VehicleParams.Preset("tesla-model-s-85-2013");
            vp.InductionLossFraction = 0.0136f;
            float with = Powertrain.DrivePowerW(vp, 10f, -1f, 0f, 25f, 0f, 25f, 50f);
            vp.InductionDriveKw = 0f;
            float without = Powertrain.DrivePowerW(vp, 10f, -1f, 0f, 25f, 0f, 25f, 50f);
            Check.Near(1321.8, with - without, 1.0, "regen reduced by 132.18 N × 10 m/s");
            vp.InductionDriveKw = 270f;
            Check.Near(0.0, Powertrain.DrivePowerW(vp, 0f, 0f, 0f, 25f, 0f, 25f, 50f), 1e-3, "standstill");
        }

        [TestMethod]
        public void Cabin_conditioning_should_cool_a_hot_soaked_cabin_with_the_ac_cop()
        {
            // C = 100 kJ/K, A/C COP 2: cabin 39 °C → 21 °C needs 100 000 · 18 / 2 = 900 kJ; cold 5 °C cabin: 100 000 · 16 = 1.6 MJ.
            var vp = new VehicleParams();
            Check.Near(900000.0, vp.CabinConditioningEnergyJ(39f, 30f, 21f), 1.0, "cool-down J");
            Check.Near(1600000.0, vp.CabinConditioningEnergyJ(5f, 0f, 21f), 1.0, "warm-up J");
        }
    }
}
