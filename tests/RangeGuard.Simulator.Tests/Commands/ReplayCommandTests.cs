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

        private static FileInfo TempLog(string name, string text)
        {
            string path = Path.Combine(Path.GetTempPath(), "rg-replay-" + Guid.NewGuid().ToString("N") + "-" + name);
            File.WriteAllText(path, text);
            return new FileInfo(path);
        }

        private static (int Code, string Out, string Err) Replay(FileInfo log, string profile)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = ReplayCommand.Run(log, profile, 1, false, output, error);
            return (code, output.ToString(), error.ToString());
        }

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
            var (code, _, err) = Replay(new FileInfo("/nonexistent/x.crtd"), "vw-egolf");
            Assert.AreEqual(2, code);
            StringAssert.Contains(err, "no such file");

            (code, _, err) = Replay(Fixture("kcan-synthetic.crtd"), "tesla-roadster");
            Assert.AreEqual(2, code);
            StringAssert.Contains(err, "unknown profile 'tesla-roadster'");

            (code, _, err) = Replay(TempLog("odd.txt", "x"), "vw-egolf");
            Assert.AreEqual(2, code);
            StringAssert.Contains(err, "unknown CAN log extension");
        }

        [TestMethod]
        public void Run_should_exit_2_with_one_line_when_the_log_is_empty_not_a_can_log_or_matches_nothing()
        {
            var (code, output, err) = Replay(TempLog("empty.log", "\n# nothing here\n"), "vw-egolf");
            Assert.AreEqual(2, code);
            Assert.AreEqual("", output);
            Assert.AreEqual(1, err.Trim().Split('\n').Length, err);
            StringAssert.EndsWith(err.Trim(), "empty.log: the log is empty: no frames (2 blank or comment lines)");

            (code, _, err) = Replay(TempLog("notes.log", "Dear diary,\ntoday the car was cold.\n"), "vw-egolf");
            Assert.AreEqual(2, code);
            Assert.AreEqual(1, err.Trim().Split('\n').Length, err);
            StringAssert.Contains(err, "notes.log: not a candump CAN log: none of its 2 lines is a frame; line 1:");

            // The e-Golf fixture against the Kona profile: every frame read, none with a Kona id.
            (code, _, err) = Replay(Fixture("kcan-synthetic.crtd"), "hyundai-kona");
            Assert.AreEqual(2, code);
            StringAssert.StartsWith(err, "replay: 0 of 20 frames matched profile hyundai-kona: wrong profile or bus?");
            Assert.AreEqual(1, err.Trim().Split('\n').Length, err);
        }
    }
}
