using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Evaluation;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator.Tests.Commands
{
    [TestClass]
    public class DynoCommandTests
    {
        private static string Fixtures(string sub) => Path.Combine(AppContext.BaseDirectory, "fixtures", sub);

        [TestMethod]
        public void Dyno_should_match_epa_within_10_percent_except_the_2013_model_s()
        {
            var rows = DynoCheck.Run(VehicleCsv.Load(Path.Combine(Fixtures("vehicles"), "vehicles.csv")),
                DriveCycle.Load(Path.Combine(Fixtures("cycles"), "udds.csv")), DriveCycle.Load(Path.Combine(Fixtures("cycles"), "hwfet.csv")));
            Assert.AreEqual(12, rows.Count);
            foreach (DynoRow r in rows.Where(r => r.VehicleId != "tesla-model-s-85-2013"))
            {
                Assert.IsTrue(r.WithinTolerance, $"{r.VehicleId} {r.Cycle}: {r.ErrorPercent:F1} %");
            }

            // Known failure, reported in the validation doc: the generic set under-predicts the 2013 Model S by 20-26 %.
            Assert.IsTrue(rows.Where(r => r.VehicleId == "tesla-model-s-85-2013").All(r => r.ErrorPercent < -10));
        }

        [TestMethod]
        public void Dyno_command_should_print_rows_and_exit_1_when_a_vehicle_fails()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = DynoCommand.Create().Parse(new[] { "--vehicles", Path.Combine(Fixtures("vehicles"), "vehicles.csv"), "--cycles", Fixtures("cycles") })
                .Invoke(new InvocationConfiguration { Output = output, Error = error });
            Assert.AreEqual(1, code, error.ToString());
            StringAssert.Contains(output.ToString(), "10/12 within");
        }

        [TestMethod]
        public void Dyno_command_should_exit_2_when_files_missing()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = DynoCommand.Create().Parse(new[] { "--vehicles", "nope.csv" }).Invoke(new InvocationConfiguration { Output = output, Error = error });
            Assert.AreEqual(2, code);
            StringAssert.Contains(error.ToString(), "nope.csv");
        }
    }
}
