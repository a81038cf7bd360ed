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
        public void Dyno_should_match_epa_within_10_percent_for_every_vehicle()
        {
            var rows = DynoCheck.Run(VehicleCsv.Load(Path.Combine(Fixtures("vehicles"), "vehicles.csv")),
                DriveCycle.Load(Path.Combine(Fixtures("cycles"), "udds.csv")), DriveCycle.Load(Path.Combine(Fixtures("cycles"), "hwfet.csv")));
            Assert.AreEqual(12, rows.Count);
            foreach (DynoRow r in rows)
            {
                Assert.IsTrue(r.WithinTolerance, $"{r.VehicleId} {r.Cycle}: {r.ErrorPercent:F1} %");
            }

            // Recorded in prediction-validation.md: 2013 Model S −3.3 % UDDS / +3.4 % HWFET with the induction excitation loss.
            DynoRow s = rows.Single(r => r.VehicleId == "tesla-model-s-85-2013" && r.Cycle == "udds");
            Assert.AreEqual(-3.3, s.ErrorPercent, 0.3);
        }

        [TestMethod]
        public void Dyno_without_the_induction_loss_should_under_predict_the_2013_model_s_by_more_than_20_percent()
        {
            var vehicles = VehicleCsv.Load(Path.Combine(Fixtures("vehicles"), "vehicles.csv"));
            vehicles.Single(v => v.Id == "tesla-model-s-85-2013").InductionDriveKw = 0f;
            var rows = DynoCheck.Run(vehicles, DriveCycle.Load(Path.Combine(Fixtures("cycles"), "udds.csv")), DriveCycle.Load(Path.Combine(Fixtures("cycles"), "hwfet.csv")));
            Assert.IsTrue(rows.Where(r => r.VehicleId == "tesla-model-s-85-2013").All(r => r.ErrorPercent < -20));
        }

        [TestMethod]
        public void Induction_loss_should_hold_out_of_sample_for_single_motor_model_s_rows_but_not_for_dual_motor_ones()
        {
            // S1 and S3 were not used to choose the loss fraction; the dual-motor 85D/P85D are a recorded limitation.
            var rows = DynoCheck.Run(VehicleCsv.Load(Path.Combine(Fixtures("vehicles"), "induction-check.csv")),
                DriveCycle.Load(Path.Combine(Fixtures("cycles"), "udds.csv")), DriveCycle.Load(Path.Combine(Fixtures("cycles"), "hwfet.csv")));
            Assert.AreEqual(8, rows.Count);
            foreach (DynoRow r in rows.Where(r => r.VehicleId.Contains("-s1-") || r.VehicleId.Contains("-s3-")))
            {
                Assert.IsTrue(r.WithinTolerance, $"{r.VehicleId} {r.Cycle}: {r.ErrorPercent:F1} %");
            }

            Assert.IsTrue(rows.Single(r => r.VehicleId == "tesla-model-s-p85d-2015" && r.Cycle == "hwfet").ErrorPercent > 10);
        }

        [TestMethod]
        public void Dyno_command_should_print_rows_and_exit_0_when_all_vehicles_pass()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = DynoCommand.Create().Parse(new[] { "--vehicles", Path.Combine(Fixtures("vehicles"), "vehicles.csv"), "--cycles", Fixtures("cycles") })
                .Invoke(new InvocationConfiguration { Output = output, Error = error });
            Assert.AreEqual(0, code, error.ToString());
            StringAssert.Contains(output.ToString(), "12/12 within");
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
