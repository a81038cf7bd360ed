using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator.Tests.Commands
{
    /// <summary>`rangeguard dbc` and `rangeguard profile build/check` on real fixtures.</summary>
    [TestClass]
    public class DbcAndProfileCommandTests
    {
        private static string Fixture(params string[] parts) => Path.Combine(AppContext.BaseDirectory, "fixtures", Path.Combine(parts));

        private static string TempDir()
        {
            string d = Path.Combine(Path.GetTempPath(), "rg-profile-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(d);
            return d;
        }

        [TestMethod]
        public void Dbc_should_list_signals_value_tables_and_problems_with_lines()
        {
            var o = new StringWriter();
            Assert.AreEqual(0, DbcCommand.Run(new FileInfo(Fixture("dbc", "vw_pq.dbc")), "Bremse_1", false, o, TextWriter.Null));
            string text = o.ToString();
            StringAssert.StartsWith(text, "vw_pq.dbc: 86 messages, 1,331 signals, 1 nodes, 0 value tables; 22 problems (0 statements skipped, 14 unusable for the device)");
            StringAssert.Contains(text, "0x1A0             Bremse_1  DLC 8  from ABS  (line 976)");
            StringAssert.Contains(text, "BR1_MSR_Mo_inv               40|8   intel    unsigned x-0.39 +99.45      [0..99.06] %  m1 of BR1_MSR_Anf");
            StringAssert.Contains(text, "values: 0 \"no_requirement\", 1 \"MSR_requirement\"");
            StringAssert.Contains(text, "# Inverse MSR torque when MSR_Anf=1", "a filter shows comments");

            o = new StringWriter();
            Assert.AreEqual(0, DbcCommand.Run(new FileInfo(Fixture("dbc", "vw_pq.dbc")), null, true, o, TextWriter.Null));
            StringAssert.Contains(o.ToString(), "vw_pq.dbc:553: signal Lenkhilfe_1.LH1_EPS_Diagmode unusable: bits up to 16 run past the declared length (DLC 2)");

            var err = new StringWriter();
            Assert.AreEqual(2, DbcCommand.Run(new FileInfo("/nonexistent/car.dbc"), null, false, TextWriter.Null, err));
            StringAssert.Contains(err.ToString(), "dbc: /nonexistent/car.dbc: no such file");
        }

        [TestMethod]
        public void Profile_build_should_write_the_map_and_name_the_line_of_a_bad_entry()
        {
            string dir = TempDir();
            string map = Path.Combine(dir, "car.map");
            var o = new StringWriter();
            var err = new StringWriter();
            int code = ProfileCommand.Build(new FileInfo(Fixture("profiles", "tesla-model-s-chassis.profile")), null, new FileInfo(map), o, err);
            Assert.AreEqual(0, code, err.ToString());
            StringAssert.Contains(File.ReadAllText(map), "input=speed_kmh id=0x118");
            StringAssert.StartsWith(o.ToString(), "wrote car.map: 2 mappings for 2 of 11 inputs; not mapped (stay stale): soc_pct");

            string profile = Path.Combine(dir, "bad.profile");
            File.WriteAllText(profile, "profile=bad\ninput=speed_kmh signal=DI_torque2.DI_vehicleSpeeed\n");
            err = new StringWriter();
            code = ProfileCommand.Build(new FileInfo(profile), new FileInfo(Fixture("dbc", "tesla_can.dbc")), null, TextWriter.Null, err);
            Assert.AreEqual(2, code);
            StringAssert.StartsWith(err.ToString(), "profile build: bad.profile:2: signal=DI_torque2.DI_vehicleSpeeed: message DI_torque2 (0x118, tesla_can.dbc:172) has no signal 'DI_vehicleSpeeed'");
        }

        [TestMethod]
        public void Profile_check_should_print_each_input_and_the_busiest_unused_ids()
        {
            var o = new StringWriter();
            var err = new StringWriter();
            int code = ProfileCommand.Check("hyundai-kona", new FileInfo(Fixture("can", "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv.gz")), 5, o, err);
            Assert.AreEqual(0, code, err.ToString());
            string text = o.ToString();
            StringAssert.Contains(text, "profile hyundai-kona on 230112-7-2019-pcan-ccan-power-off-on-ready-off.csv.gz: 39,546 frames");
            StringAssert.Contains(text, "soc_pct                   70       70       36.5       36.5       36.5       36.5");
            StringAssert.Contains(text, "not mapped (stay stale): ambient_temp_c");
            StringAssert.Contains(text, "ids in the log the map does not use, busiest first:");
            StringAssert.Contains(text, "... 139 more (--top N)");

            err = new StringWriter();
            o = new StringWriter();
            code = ProfileCommand.Check("hyundai-kona", new FileInfo(Fixture("can", "kcan-synthetic.crtd")), 5, o, err);
            Assert.AreEqual(2, code);
            StringAssert.StartsWith(err.ToString(), "profile check: 0 of 20 frames matched profile hyundai-kona: wrong profile or bus?");
            StringAssert.Contains(o.ToString(), "bus 3 0x131", "the table still shows which ids the log carries");
        }
    }
}
