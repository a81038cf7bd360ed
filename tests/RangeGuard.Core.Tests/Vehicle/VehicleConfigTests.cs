#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Vehicle
{
    [TestClass]
    public class VehicleConfigTests
    {
        [TestMethod]
        public void TryParse_should_start_from_preset_and_override_when_keys_given()
        {
            string text = "# my i3\npreset=bmw-i3-60ah-2014\nmass_kg = 1500\nheat_pump=true\nsoh_percent=90\n";
            VehicleParams vp;
            string error;
            Assert.IsTrue(VehicleParams.TryParse(text, out vp, out error), error);
            Check.Near(1500.0, vp.MassKg, 1e-3, "mass");
            Assert.IsTrue(vp.HeatPump);
            Check.Near(101.864, vp.RoadLoadAN, 0.01, "A from preset");
            Check.Near(90.0, vp.Battery.SohPercent, 1e-4, "soh");
        }

        [TestMethod]
        public void TryParse_should_set_calibrated_constants_when_keys_given()
        {
            // The 2-fold-calibrated i3 constants of prediction-validation.md, carried by a config file.
            string text = "preset=bmw-i3-60ah-2014\naux_base_w=521\ncabin_conductance_w_per_k=85.8\ncabin_heat_capacity_j_per_k=82200\n"
                + "ac_cop=1.9\nroad_load_scale=0.797\nstartup_energy_wh=339\nband_sigma_scale=1.04\ninduction_drive_kw=0\n";
            VehicleParams vp;
            string error;
            Assert.IsTrue(VehicleParams.TryParse(text, out vp, out error), error);
            Check.Near(521.0, vp.AuxBaseW, 1e-3, "aux");
            Check.Near(82200.0, vp.CabinHeatCapacityJPerK, 1e-1, "C");
            Check.Near(1.9, vp.AcCop, 1e-5, "COP");
            Check.Near(0.797, vp.RoadLoadScale, 1e-5, "scale");
            Check.Near(339.0, vp.StartupEnergyWh, 1e-3, "start-up");
            Check.Near(1.04, vp.BandSigmaScale, 1e-5, "band");
            Assert.IsFalse(VehicleParams.TryParse("road_load_scale=3", out vp, out error), "scale outside 0.5..2");
            Assert.IsNotNull(error);
        }

        [TestMethod]
        public void TryParse_should_build_road_load_when_cda_and_crr_given()
        {
            // A = 2000·9.80665·0.01 = 196.13 N; C = 0.5·1.20412·0.6 = 0.36124.
            VehicleParams vp;
            string error;
            Assert.IsTrue(VehicleParams.TryParse("mass_kg=2000\ncda_m2=0.6\ncrr=0.01", out vp, out error), error);
            Check.Near(196.13, vp.RoadLoadAN, 0.01, "A");
            Check.Near(0.36124, vp.RoadLoadCNPerMps2, 0.0001, "C");
        }

        [TestMethod]
        public void TryParse_should_name_line_and_key_when_value_is_bad()
        {
            VehicleParams vp;
            string error;
            Assert.IsFalse(VehicleParams.TryParse("mass_kg=1500\ntraction_efficiency=abc", out vp, out error));
            Assert.IsNull(vp);
            Assert.IsTrue(error.IndexOf("line 2") >= 0 && error.IndexOf("traction_efficiency") >= 0, error);
            Assert.IsFalse(VehicleParams.TryParse("wings=2", out vp, out error));
            Assert.IsTrue(error.IndexOf("unknown key") >= 0, error);
            Assert.IsFalse(VehicleParams.TryParse("mass_kg=5", out vp, out error));
            Assert.IsTrue(error.IndexOf("outside") >= 0, error);
            Assert.IsFalse(VehicleParams.TryParse("mass_kg=1500\npreset=bmw-i3-60ah-2014", out vp, out error));
            Assert.IsFalse(VehicleParams.TryParse("cda_m2=0.6", out vp, out error));
            Assert.IsFalse(VehicleParams.TryParse("no equals sign", out vp, out error));
        }

        [TestMethod]
        public void TryParse_should_read_numbers_alike_on_host_and_device()
        {
            // double.TryParse differs: .NET accepts thousands separators, nanoFramework's strtod accepts hex.
            VehicleParams vp;
            string error;
            Assert.IsFalse(VehicleParams.TryParse("mass_kg=1,500", out vp, out error), "thousands separator");
            Assert.IsFalse(VehicleParams.TryParse("mass_kg=0x5DC", out vp, out error), "hex");
            Assert.IsTrue(VehicleParams.TryParse("mass_kg=+1.5e3", out vp, out error), error);
            Assert.AreEqual(1500f, vp.MassKg);
        }

        [TestMethod]
        public void TryParse_should_read_an_epa_row_like_the_preset_conversion()
        {
            string text = "etw_lb=3125\na_lbf=22.9\nb_lbf_per_mph=0.346\nc_lbf_per_mph2=0.01626\nepa_udds_wall_wh_per_mi=172\nepa_hwy_wall_wh_per_mi=212\n";
            VehicleParams vp;
            string error;
            Assert.IsTrue(VehicleConfig.TryParse(text, new VehicleParams(), out vp, out error), error);
            var expected = new VehicleParams();
            expected.SetEpaRoadLoad(3125f, 22.9f, 0.346f, 0.01626f);
            Assert.AreEqual(expected.MassKg, vp.MassKg, "mass, bit for bit");
            Assert.AreEqual(expected.RoadLoadAN, vp.RoadLoadAN);
            Assert.AreEqual(expected.RoadLoadBNPerMps, vp.RoadLoadBNPerMps);
            Assert.AreEqual(expected.RoadLoadCNPerMps2, vp.RoadLoadCNPerMps2);
            Assert.AreEqual(212f, vp.EpaHwyWallWhPerMi);

            Assert.IsFalse(VehicleConfig.TryParse("etw_lb=3125\na_lbf=22.9\n", new VehicleParams(), out vp, out error));
            Assert.IsTrue(error.IndexOf("given together") >= 0, error);
            Assert.IsFalse(VehicleConfig.TryParse(text + "cda_m2=0.6\ncrr=0.01\n", new VehicleParams(), out vp, out error));
            Assert.IsTrue(error.IndexOf("not both") >= 0, error);
            Assert.IsFalse(VehicleConfig.TryParse("b_lbf_per_mph=-3\n", new VehicleParams(), out vp, out error), "B outside -2..2");
        }

        [TestMethod]
        public void Register_should_add_a_preset_from_config_text_and_refuse_text_that_does_not_parse()
        {
            Assert.IsNull(VehiclePresets.Register("test-register-ok", "name=Test car\nmass_kg=1234\ncda_m2=0.6\ncrr=0.01\n"));
            VehicleParams vp = VehicleParams.Preset("test-register-ok");
            Assert.AreEqual("test-register-ok", vp.Id);
            Assert.AreEqual("Test car", vp.Name);
            Assert.AreEqual(1234f, vp.MassKg);
            Assert.IsFalse(VehicleParams.Preset("test-register-ok") == vp, "a fresh instance per call");

            string problem = VehiclePresets.Register("test-register-bad", "mass_kg=1234\nwings=2\n");
            Assert.IsNotNull(problem);
            Assert.IsTrue(problem.IndexOf("test-register-bad: line 2: wings: unknown key") >= 0, problem);
            Assert.IsNull(VehiclePresets.Create("test-register-bad"));

            problem = VehiclePresets.Register("test-register-child", "preset=test-register-missing\n");
            Assert.IsTrue(problem.IndexOf("unknown preset 'test-register-missing'") >= 0, problem);
        }
    }
}
