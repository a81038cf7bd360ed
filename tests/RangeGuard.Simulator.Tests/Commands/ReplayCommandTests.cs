using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator.Tests.Commands
{
    [TestClass]
    public class ReplayCommandTests
    {
        private static FileInfo Fixture(string name) => new(Path.Combine(AppContext.BaseDirectory, "fixtures", "can", name));

        [TestMethod]
        public void Run_should_print_decoded_inputs_and_counters_when_given_the_crtd_fixture()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = ReplayCommand.Run(Fixture("kcan-synthetic.crtd"), "vw-egolf", 0.5, csv: true, output, error);
            Assert.AreEqual(0, code, error.ToString());
            string text = output.ToString();
            StringAssert.StartsWith(text, "time_s,soc_pct,pack_voltage_v,pack_current_a");
            StringAssert.Contains(text, ",60.5,355,0,");
            StringAssert.Contains(text, "log: 20 frames, 0 malformed lines");
        }

        [TestMethod]
        public void Run_should_exit_2_with_a_clear_message_when_the_log_or_profile_is_bad()
        {
            var error = new StringWriter();
            Assert.AreEqual(2, ReplayCommand.Run(new FileInfo("/nonexistent/x.crtd"), "vw-egolf", 1, false, TextWriter.Null, error));
            StringAssert.Contains(error.ToString(), "no such file");

            error = new StringWriter();
            Assert.AreEqual(2, ReplayCommand.Run(Fixture("kcan-synthetic.crtd"), "tesla-roadster", 1, false, TextWriter.Null, error));
            StringAssert.Contains(error.ToString(), "unknown profile 'tesla-roadster'");

            string odd = Path.Combine(Path.GetTempPath(), "rangeguard-odd.txt");
            File.WriteAllText(odd, "x");
            error = new StringWriter();
            Assert.AreEqual(2, ReplayCommand.Run(new FileInfo(odd), "vw-egolf", 1, false, TextWriter.Null, error));
            StringAssert.Contains(error.ToString(), "unknown CAN log extension");
        }
    }
}
