using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Dbc;
using RangeGuard.Host.Profiles;
using RangeGuard.Host.Vehicles;
using RangeGuard.State;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Tests.Vehicles
{
    /// <summary>A vehicle is one folder: the catalogues find it, whatever it holds, with nothing else to edit.</summary>
    [TestClass]
    public class VehicleCatalogTests
    {
        private static string TempDir()
        {
            string d = Path.Combine(Path.GetTempPath(), "rg-vehicles-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(d);
            return d;
        }

        /// <summary>A new vehicle folder as firmware/vehicles/README.md says to write one, with its DBC in a shared folder.</summary>
        internal static string WriteNewVehicle(string root, string id)
        {
            Directory.CreateDirectory(Path.Combine(root, "shared"));
            File.WriteAllText(Path.Combine(root, "shared", "small-ev.dbc"),
                "VERSION \"\"\nBO_ 768 BMS: 8 BMS\n SG_ Soc : 0|8@1+ (0.5,0) [0|127.5] \"%\" X\n SG_ Current : 8|16@1- (0.1,0) [-3276.8|3276.7] \"A\" X\n" +
                "VAL_ 768 Soc 255 \"SNA\" ;\n");
            string dir = Path.Combine(root, id);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "signals.profile"),
                $"profile={id}\ntitle=Small test EV\ndbc=../shared/small-ev.dbc\ninput=soc_pct signal=BMS.Soc sentinel=SNA\ninput=pack_current_a signal=BMS.Current positive=charge\n");
            File.WriteAllText(Path.Combine(dir, "forecaster.cfg"), "name=Small test EV\nmass_kg=1300\ncda_m2=0.55\ncrr=0.009\nbattery_nominal_kwh=40\n");
            File.WriteAllText(Path.Combine(dir, "README.md"), "# Small test EV\n\nSources: made up for a test.\n");
            return dir;
        }

        [TestMethod]
        public void A_new_folder_should_be_picked_up_by_the_profile_and_forecaster_catalogues()
        {
            string root = TempDir();
            WriteNewVehicle(root, "test-small-ev");
            Assert.IsNull(ProfileCatalog.BuiltInMapText("test-small-ev"));
            VehicleCatalog.AddDirectory(root);
            try
            {
                VehicleFolder v = VehicleCatalog.Find("test-small-ev")!;
                Assert.AreEqual("Small test EV", v.Title);
                Assert.AreEqual("signal profile, forecaster", v.Provides());
                CollectionAssert.Contains(ProfileCatalog.BuiltInNames, "test-small-ev");
                Assert.AreEqual(0, VehicleCatalog.Problems.Count, string.Join("\n", VehicleCatalog.Problems));

                SignalMap map = ProfileCatalog.Load("test-small-ev");
                Assert.AreEqual(2, map.Count);
                SignalMapping soc = map.Get(map.FindInput(InputId.SocPercent));
                Assert.AreEqual(255UL, soc.Sentinels.Single(), "SNA from the shared DBC's VAL_ table");
                Assert.AreEqual(-1f, map.Get(map.FindInput(InputId.PackCurrentA)).Scale, "positive=charge");

                VehicleParams vp = VehicleParams.Preset("test-small-ev");
                Assert.AreEqual("Small test EV", vp.Name);
                Assert.AreEqual(1300f, vp.MassKg);
                Assert.AreEqual(40f, vp.Battery.NominalKwh);
            }
            finally
            {
                VehicleCatalog.RemoveDirectory(root);
            }

            Assert.IsNull(VehicleCatalog.Find("test-small-ev"));
        }

        [TestMethod]
        public void A_folder_whose_forecaster_does_not_parse_should_be_reported_not_registered()
        {
            string root = TempDir();
            string dir = Directory.CreateDirectory(Path.Combine(root, "test-broken-ev")).FullName;
            File.WriteAllText(Path.Combine(dir, "forecaster.cfg"), "name=Broken\nmass_kg=heavy\n");
            VehicleCatalog.AddDirectory(root);
            try
            {
                string problem = VehicleCatalog.Problems.Single(p => p.Contains("test-broken-ev"));
                StringAssert.Contains(problem, "forecaster.cfg: test-broken-ev: line 2: mass_kg: not a number 'heavy'");
                Assert.IsNull(VehiclePresets.Create("test-broken-ev"));
            }
            finally
            {
                VehicleCatalog.RemoveDirectory(root);
            }
        }

        [TestMethod]
        public void Every_folder_in_firmware_vehicles_should_be_embedded_whole_and_consistent()
        {
            string vehicles = RepoFiles.Path("firmware", "vehicles");
            var disk = new DirectoryVehicleFiles(vehicles);
            var embedded = new EmbeddedVehicleFiles(typeof(VehicleCatalog).Assembly);
            CollectionAssert.AreEqual(disk.Paths.ToArray(), embedded.Paths.ToArray(), "RangeGuard.Host.csproj embeds firmware/vehicles/** (rebuild after adding files)");
            foreach (string path in disk.Paths)
            {
                Assert.AreEqual(disk.Read(path), embedded.Read(path), path);
            }

            foreach (VehicleFolder v in VehicleCatalog.BuiltIn)
            {
                string readme = v.Read(VehicleFolder.ReadmeFile) ?? "";
                StringAssert.Contains(readme, "## Sources", $"{v.Id}/README.md names its sources");
                if (v.HasProfile)
                {
                    Assert.AreEqual(v.Id, v.ReadProfile().Name);
                }

                if (v.HasForecaster)
                {
                    Assert.IsNull(VehiclePresets.Register(v.Id, v.ForecasterText!), v.Id);
                    Assert.AreEqual(v.Id, VehicleParams.Preset(v.Id).Id);
                }
            }
        }
    }
}
