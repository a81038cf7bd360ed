using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Dbc;
using RangeGuard.Host.Vehicles;
using RangeGuard.State;
using RangeGuard.Vehicle;
using DeviceProfile = RangeGuard.Firmware.VehicleProfile;

namespace RangeGuard.Host.Tests.Vehicles
{
    /// <summary>The C# generated from the vehicle folders is current (`rangeguard vehicles generate` rewrites it).</summary>
    [TestClass]
    public class GeneratedSourcesTests
    {
        private static VehicleFolder DiskFolder(string id) => new(id, new DirectoryVehicleFiles(RepoFiles.Path("firmware", "vehicles")));

        [TestMethod]
        public void Firmware_profile_should_be_generated_from_its_vehicle_folder()
        {
            string path = RepoFiles.Path(GeneratedSources.FirmwareProfilePath);
            string committed = File.ReadAllText(path);
            string id = GeneratedSources.FirmwareVehicleId(committed)!;
            Assert.AreEqual(DeviceProfile.VehicleId, id);
            Assert.AreEqual(GeneratedSources.FirmwareProfile(DiskFolder(id)), committed,
                $"{GeneratedSources.FirmwareProfilePath} is out of date: rangeguard vehicles generate");
        }

        [TestMethod]
        public void Nano_test_presets_should_be_generated_from_every_vehicle_folder()
        {
            var folders = VehicleCatalog.Discover(new DirectoryVehicleFiles(RepoFiles.Path("firmware", "vehicles")));
            Assert.AreEqual(GeneratedSources.NanoTestPresets(folders), File.ReadAllText(RepoFiles.Path(GeneratedSources.NanoTestPresetsPath)),
                $"{GeneratedSources.NanoTestPresetsPath} is out of date: rangeguard vehicles generate");
        }

        [TestMethod]
        public void Device_profile_should_load_map_every_input_and_give_the_hosts_preset()
        {
            SignalMap map = SignalMapLoader.Load(DeviceProfile.SignalMapText);
            for (int input = 0; input < InputId.Count; input++)
            {
                Assert.IsTrue(map.FindInput(input) >= 0, "reference vehicle maps " + InputId.Name(input));
            }

            // The device registers its compiled-in text; the host has the same folder embedded: same parameters.
            VehicleParams device = DeviceProfile.CreateVehicleParams();
            VehicleParams host = VehicleParams.Preset(DeviceProfile.VehiclePresetId);
            Assert.AreEqual(host.MassKg, device.MassKg);
            Assert.AreEqual(host.RoadLoadCNPerMps2, device.RoadLoadCNPerMps2);
            Assert.AreEqual(host.Battery.NominalKwh, device.Battery.NominalKwh);
            Assert.AreEqual(host.Battery.ThermalMassJPerK, device.Battery.ThermalMassJPerK);
            var thermal = RangeGuard.Preconditioning.PackThermalParams.From(device);
            Assert.AreEqual(device.Battery.ThermalMassJPerK, thermal.ThermalMassJPerK);
            Assert.IsTrue(thermal.UsableKwh > 20f && thermal.UsableKwh < 150f, "usable kWh " + thermal.UsableKwh);
        }

        [TestMethod]
        public void Generated_text_should_keep_non_ascii_out_of_the_device_strings()
        {
            string text = GeneratedSources.FirmwareProfile(DiskFolder("hyundai-kona"));
            foreach (char c in text)
            {
                Assert.IsTrue(c == '\n' || (c >= ' ' && c <= '~'), $"character U+{(int)c:X4} in the generated source");
            }

            StringAssert.Contains(text, "public const string VehicleId = \"hyundai-kona\";");
            StringAssert.Contains(text, "\"input=speed_kmh id=0x386");
            StringAssert.Contains(text, "\"battery_nominal_kwh=64\\n\"");
        }
    }
}
