using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Vehicles;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Commands;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Tests.Scenarios
{
    /// <summary>Truth vehicles and forecaster presets come from the vehicle folders; a new folder is a new vehicle.</summary>
    [TestClass]
    public class VehicleFolderTests
    {
        [TestMethod]
        public void Truth_vehicles_should_be_the_folders_with_a_truth_model()
        {
            CollectionAssert.AreEqual(new[] { "bmw-i3-60ah-2014", "nissan-leaf-s-2013", "rangeguard-ref", "tesla-model-s-85-2013" }, VehicleLoader.PresetIds().ToArray());
            foreach (string id in VehicleLoader.PresetIds())
            {
                Assert.AreEqual(id, VehicleLoader.LoadPreset(id).Id);
                Assert.AreEqual(id, ForecasterPresets.For(id, out string? note), "every truth vehicle has its own forecaster preset");
                Assert.IsNull(note);
            }

            // An inline truth vehicle with no folder is predicted with the reference preset, and the run says so.
            Assert.AreEqual("rangeguard-ref", ForecasterPresets.For("my-inline-car", out string? fallback));
            StringAssert.Contains(fallback, "no forecaster preset 'my-inline-car' (no forecaster.cfg in its vehicle folder): predicting with rangeguard-ref");

            var ex = Assert.ThrowsExactly<InputException>(() => VehicleLoader.LoadPreset("vw-egolf"));
            StringAssert.Contains(ex.Message, "unknown vehicle preset \"vw-egolf\" (known: bmw-i3-60ah-2014, nissan-leaf-s-2013, rangeguard-ref, tesla-model-s-85-2013)");
        }

        [TestMethod]
        public void A_new_folder_should_be_driven_by_the_simulator_and_listed()
        {
            string root = Path.Combine(Path.GetTempPath(), "rg-sim-vehicles-" + Guid.NewGuid().ToString("N"));
            string dir = Directory.CreateDirectory(Path.Combine(root, "test-sim-ev")).FullName;
            JsonObject truth = JsonNode.Parse(VehicleCatalog.Find("rangeguard-ref")!.TruthText!)!.AsObject();
            truth["id"] = "test-sim-ev";
            truth["name"] = "Test EV for the simulator";
            File.WriteAllText(Path.Combine(dir, "truth.json"), truth.ToJsonString());
            File.WriteAllText(Path.Combine(dir, "forecaster.cfg"), "name=Test EV\nmass_kg=1700\ncda_m2=0.6\ncrr=0.009\nbattery_nominal_kwh=64\n");
            VehicleCatalog.AddDirectory(root);
            try
            {
                CollectionAssert.Contains(VehicleLoader.PresetIds().ToArray(), "test-sim-ev");
                Assert.AreEqual("Test EV for the simulator", VehicleLoader.LoadPreset("test-sim-ev").Name);
                Assert.AreEqual("test-sim-ev", ForecasterPresets.For("test-sim-ev", out _));

                JsonObject scenario = ScenarioJson.Node();
                scenario["vehicle"] = "test-sim-ev";
                string file = Path.Combine(root, "mini.json");
                File.WriteAllText(file, scenario.ToJsonString());
                Assert.AreEqual("test-sim-ev", ScenarioCatalog.Load(file).Vehicle.Id);

                var o = new StringWriter();
                VehiclesCommand.List(o);
                StringAssert.Contains(o.ToString(), "test-sim-ev                  forecaster, truth model");
            }
            finally
            {
                VehicleCatalog.RemoveDirectory(root);
            }
        }

        [TestMethod]
        public void Generate_check_should_find_every_generated_file_current()
        {
            var o = new StringWriter();
            var err = new StringWriter();
            int code = VehiclesCommand.Generate(AppContext.BaseDirectory, null, check: true, o, err);
            Assert.AreEqual(0, code, o + err.ToString());
            StringAssert.Contains(o.ToString(), "current  firmware/RangeGuard.Firmware/VehicleProfile.Generated.cs");
            StringAssert.Contains(o.ToString(), "current  firmware/vehicles/vw-egolf/signals.map");
        }
    }
}
