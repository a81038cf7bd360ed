using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Dbc;
using RangeGuard.Host.Dbc;
using RangeGuard.Host.Profiles;
using RangeGuard.Host.Vehicles;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Profiles
{
    /// <summary>Profile files to device maps: the built-in vehicles, a third-party DBC, and errors that say where and why.</summary>
    [TestClass]
    public class ProfileBuilderTests
    {
        private static DbcFile Pcan => Dbc.DbcRealFileTests.VehicleDbc("hyundai-kona", "pcan.dbc");

        private static ProfileBuild Build(string profileText, DbcFile dbc) => ProfileBuilder.Build(ProfileReader.Read(profileText, "car.profile"), dbc);

        private static ProfileException BuildFails(string profileText, DbcFile dbc) =>
            Assert.ThrowsExactly<ProfileException>(() => Build(profileText, dbc));

        [TestMethod]
        public void Committed_maps_should_equal_a_fresh_build_of_every_vehicle_profile()
        {
            string[] folders = Directory.GetDirectories(RepoFiles.Path("firmware", "vehicles"))
                .Where(d => File.Exists(Path.Combine(d, VehicleFolder.ProfileFile))).ToArray();
            Assert.IsTrue(folders.Length >= 3, "rangeguard-ref, vw-egolf, hyundai-kona at least");
            foreach (string folder in folders)
            {
                string id = Path.GetFileName(folder);
                ProfileBuild fresh = ProfileBuilder.BuildFile(Path.Combine(folder, VehicleFolder.ProfileFile)); // what `rangeguard profile build` does
                Assert.AreEqual(File.ReadAllText(Path.Combine(folder, VehicleFolder.MapFile)), fresh.MapText,
                    $"firmware/vehicles/{id}/signals.map is out of date: rangeguard profile build firmware/vehicles/{id}/signals.profile -o firmware/vehicles/{id}/signals.map");
                Assert.AreEqual(fresh.MapText, VehicleCatalog.Find(id)!.BuildMap().MapText, $"{id}: the embedded copy builds the same map");
            }
        }

        [TestMethod]
        public void Built_in_maps_should_load_on_the_portable_loader()
        {
            Assert.AreEqual(11, ProfileDecodingTests.Map("rangeguard-ref").Count);
            Assert.AreEqual(8, ProfileDecodingTests.Map("vw-egolf").Count);
            SignalMap kona = ProfileDecodingTests.Map("hyundai-kona");
            Assert.AreEqual("hyundai-kona", kona.ProfileName);
            Assert.AreEqual(15, kona.Count);
            Assert.AreEqual(-1, kona.FindInput(InputId.AmbientTempC), "pcan.dbc has no ambient temperature");
            for (int i = 0; i < kona.Count; i++)
            {
                Assert.AreEqual(0, kona.Get(i).Bus, "Kona decodes bus 0 only");
            }

            CollectionAssert.AreEqual(new[] { InputId.AmbientTempC }, VehicleCatalog.Find("hyundai-kona")!.BuildMap().UnmappedInputs.ToArray());
        }

        [TestMethod]
        public void Build_should_name_the_profile_line_and_the_dbc_signal_for_every_bad_entry()
        {
            const string profile = "profile=car\ndbc=pcan.dbc\n\n" +
                "input=ambient_temp_c signal=Batt_HV_Status.AmbientTemp\n" +      // 4: no such signal
                "input=soc_pct signal=BMS_543.SocDisp\n" +                        // 5: no such message
                "input=soc_pct signal=bms_542.SocDisp\n" +                        // 6: wrong case
                "input=soc_pct signal=BMS_542.SocDisp sentinel=256\n" +           // 7: sentinel wider than 8 bits
                "input=soc_pct signal=BMS_542.SocDisp sentinel=SNA\n" +           // 8: no VAL_ table
                "input=soc_pct signal=0x7FF.X\n" +                                // 9: no such id
                "input=soc_pct signal=BMS_542.SocDisp\n";                         // 10: fine
            ProfileException ex = BuildFails(profile, Pcan);
            string[] expected =
            {
                "car.profile:4: signal=Batt_HV_Status.AmbientTemp: message Batt_HV_Status (0x595, pcan.dbc:495) has no signal 'AmbientTemp'; it has: PrechargeRelay, ACChargerDetected, DCFastChargerDetected, ACChargingTransient, IBatt, VBatt",
                "car.profile:5: signal=BMS_543.SocDisp: no message 'BMS_543' in pcan.dbc",
                "car.profile:6: signal=bms_542.SocDisp: no message 'bms_542' in pcan.dbc (did you mean BMS_542? names are case-sensitive)",
                "car.profile:7: signal=BMS_542.SocDisp: sentinel 256 does not fit the signal's 8 bits (raw values 0..255)",
                "car.profile:8: signal=BMS_542.SocDisp: sentinel 'SNA' is not a number and the signal has no VAL_ table",
                "car.profile:9: signal=0x7FF.X: no message with id 0x7FF in pcan.dbc",
            };
            CollectionAssert.AreEqual(expected, ex.Errors.ToArray(), ex.Message);

            DbcFile fd = DbcParser.Parse("BO_ 100 FD: 64 A\n SG_ High : 100|8@1+ (1,0) [0|255] \"\" A\n SG_ Bad : 0|8@2+ (1,0) [0|1] \"\" A\n", "fd.dbc");
            ex = BuildFails("profile=car\ninput=speed_kmh signal=FD.High\ninput=soc_pct signal=FD.Bad", fd);
            CollectionAssert.AreEqual(new[]
            {
                "car.profile:2: signal=FD.High: fd.dbc:2: FD.High cannot be decoded by the device: bits up to 107 lie beyond the 8 bytes of a classic CAN frame",
                "car.profile:3: signal=FD.Bad: fd.dbc:3: signal FD.Bad skipped: expected @0/@1 followed by + or -, got '@2+': the DBC line defining it could not be read",
            }, ex.Errors.ToArray());
        }

        [TestMethod]
        public void Read_should_list_every_malformed_line_with_its_number()
        {
            const string profile = "title=No name\n" +
                "input=soc signal=A.B\n" +                       // 2
                "input=soc_pct signal=AB\n" +                    // 3
                "input=soc_pct signal=A.B colour=red\n" +        // 4
                "input=speed_kmh signal=A.B positive=charge\n" + // 5
                "input=pack_current_a signal=A.B positive=up\n" + // 6
                "input=soc_pct signal=A.B min=50 max=10 combine=median\n" + // 7
                "wheels 4\n";                                    // 8
            ProfileException ex = Assert.ThrowsExactly<ProfileException>(() => ProfileReader.Read(profile, "bad.profile"));
            string all = ex.Message;
            StringAssert.Contains(all, "bad.profile:2: input=soc: unknown input; known: soc_pct, pack_voltage_v");
            StringAssert.Contains(all, "bad.profile:3: signal=AB: expected Message.Signal");
            StringAssert.Contains(all, "bad.profile:4: unknown key 'colour'");
            StringAssert.Contains(all, "bad.profile:5: positive= (sign convention) applies to pack_current_a only");
            StringAssert.Contains(all, "bad.profile:6: positive=up: expected discharge or charge");
            StringAssert.Contains(all, "bad.profile:7: min=50 is above max=10");
            StringAssert.Contains(all, "bad.profile:7: combine=median: expected min, max, avg or sum");
            StringAssert.Contains(all, "bad.profile:8: expected key=value, got 'wheels 4'");
            StringAssert.Contains(all, "bad.profile: no profile=NAME line");
            Assert.AreEqual(9, ex.Errors.Count, all);
        }

        [TestMethod]
        public void A_third_party_dbc_should_build_with_unit_conversion_and_value_table_sentinels()
        {
            ProfileBuild build = ProfileBuilder.BuildFile(RepoFiles.Fixture("profiles", "tesla-model-s-chassis.profile"));
            Assert.AreEqual(0, build.Warnings.Count, string.Join("\n", build.Warnings));
            string speedLine = build.MapText.Split('\n').Single(l => l.StartsWith("input=speed_kmh", System.StringComparison.Ordinal));
            Assert.AreEqual("input=speed_kmh id=0x118 ext=0 start=16 len=12 order=intel signed=0 factor=0.05 offset=-25 scale=1.609344 min=0 max=300 bus=-1 maxage=500 sentinel=4095 signal=DI_torque2.DI_vehicleSpeed", speedLine);
            StringAssert.Contains(build.MapText, "# MPH to km/h; raw 4095 is \"SNA\"", "the comment above the entry travels to the map");
            StringAssert.Contains(build.MapText, "sentinel=254,255 signal=BODY_R1.AirTemp_Outsd");

            // 60 mph: raw (60 + 25) / 0.05 = 1700 -> 96.56 km/h; raw 4095 (SNA) is discarded.
            var d = new SignalDispatcher(build.Map, new VehicleState());
            d.Process(ProfileDecodingTests.Frame(0x118, 0, 0, 0, 1700 & 0xFF, 1700 >> 8, 0, 0), 100);
            Assert.AreEqual(96.56064f, d.State.GetLast(InputId.SpeedKmh), 1e-3f);
            d.Process(ProfileDecodingTests.Frame(0x118, 0, 0, 0, 0xFF, 0x0F, 0, 0), 200);
            Assert.AreEqual(100L, d.State.GetTime(InputId.SpeedKmh));
            Assert.AreEqual(1L, d.Counters.SentinelsDiscarded);
        }

        [TestMethod]
        public void Build_should_warn_about_units_and_combining_across_frames_and_flip_a_charge_positive_current()
        {
            DbcFile tesla = Dbc.DbcRealFileTests.Fixture("tesla_can.dbc");
            ProfileBuild build = Build("profile=car\ninput=speed_kmh signal=DI_torque2.DI_vehicleSpeed\n", tesla);
            Assert.AreEqual("car.profile:2: signal=DI_torque2.DI_vehicleSpeed: DBC unit 'MPH' is not km/h (speed_kmh): convert with scale=/add= (mph to km/h: scale=1.609344)", build.Warnings.Single());

            build = Build("profile=car\n" +
                "input=battery_temp_avg_c signal=BatteryCharging.uwe596_6_TAkkuL combine=avg\n" +
                "input=battery_temp_avg_c signal=Batt_HV_Status.VBatt combine=avg scale=0.1\n" +
                "input=pack_current_a signal=Batt_HV_Status.IBatt positive=charge\n", Pcan);
            StringAssert.Contains(build.Warnings.Single(), "car.profile:3: signal=Batt_HV_Status.VBatt: combine=avg for battery_temp_avg_c spans BatteryCharging and Batt_HV_Status");
            StringAssert.Contains(build.MapText, "factor=0.1 offset=0 scale=-1 min=-1500 max=1500 bus=-1 maxage=0 signal=Batt_HV_Status.IBatt");
        }

        [TestMethod]
        public void Build_should_find_a_message_by_id_and_copy_the_switch_of_a_multiplexed_signal()
        {
            DbcFile vwpq = Dbc.DbcRealFileTests.Fixture("vw_pq.dbc");
            ProfileBuild build = Build("profile=car\ninput=hvac_power_w signal=0x1A0.BR1_MSR_Mo_inv\n", vwpq);
            StringAssert.Contains(build.MapText, "input=hvac_power_w id=0x1A0 ext=0 start=40 len=8 order=intel signed=0 factor=-0.39 offset=99.45 min=0 max=20000 bus=-1 maxage=0 mux_start=1 mux_len=1 mux_order=intel mux_value=1 signal=Bremse_1.BR1_MSR_Mo_inv");
        }
    }
}
