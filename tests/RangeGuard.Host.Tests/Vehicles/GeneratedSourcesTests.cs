using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Dbc;
using DeviceProfile = RangeGuard.Firmware.VehicleProfile;
using RangeGuard.Host.Profiles;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Firmware
{
    [TestClass]
    public class VehicleProfileSyncTests
    {
        [TestMethod]
        public void SignalMapText_should_equal_the_generated_reference_map_without_comments()
        {
            string generated = ProfileCatalog.BuiltInMapText("rangeguard-ref")!;
            string[] expected = generated.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
            string[] actual = DeviceProfile.SignalMapText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            CollectionAssert.AreEqual(expected, actual, "firmware/RangeGuard.Firmware/VehicleProfile.cs is out of date: paste the regenerated map");
        }

        [TestMethod]
        public void Device_profile_should_load_and_map_every_agent_input_when_parsed_by_the_portable_loader()
        {
            SignalMap map = SignalMapLoader.Load(DeviceProfile.SignalMapText);
            for (int input = 0; input < InputId.Count; input++)
            {
                Assert.IsTrue(map.FindInput(input) >= 0, "reference vehicle maps " + InputId.Name(input));
            }

            var vehicle = DeviceProfile.CreateVehicleParams();
            var thermal = DeviceProfile.CreateThermalParams(vehicle);
            Assert.AreEqual(vehicle.Battery.ThermalMassJPerK, thermal.ThermalMassJPerK);
            Assert.IsTrue(thermal.UsableKwh > 20f && thermal.UsableKwh < 150f, "usable kWh " + thermal.UsableKwh);
        }
    }
}
