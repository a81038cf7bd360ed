using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Trips;
using RangeGuard.Simulator.Commands;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Tests.Commands
{
    [TestClass]
    public class EvaluateCommandTests
    {
        private static string Fixtures(string sub) => Path.Combine(AppContext.BaseDirectory, "fixtures", sub);

        private static (int Code, string Out, string Err) Invoke(Command command, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (code, output.ToString(), error.ToString());
        }

        [TestMethod]
        public void Evaluate_should_report_both_fixture_trips_and_exit_by_targets()
        {
            var (code, output, _) = Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"));
            StringAssert.Contains(output, "TripA16");
            StringAssert.Contains(output, "TripB37");
            StringAssert.Contains(output, "target departure MAPE summer");

            StringAssert.Contains(output, "calibration: 2-fold cross-validated");
            var logs = new[] { "TripA16.csv", "TripB37.csv" }.Select(f => TripCsvReader.Read(Path.Combine(Fixtures("bmw-i3"), f)).Trip!).ToList();
            var summary = new EvaluationSummary(CrossValidation.Run(logs, VehicleParams.Preset("bmw-i3-60ah-2014"), folds: 2).Evaluations);
            Assert.AreEqual(summary.AllTargetsMet ? 0 : 1, code);
        }

        [TestMethod]
        public void Evaluate_should_stay_within_regression_bounds_on_fixture_trips()
        {
            // Regression guards recorded from the validation run (hardware-docs/prediction-validation.md), not the issue targets:
            // uncalibrated i3 preset (cabin temperature at departure used), departure error as recorded ±1.5 points
            // (TripA16 −8.8 %, TripB37 +7.5 %), battery energy on arrival forecast at half distance within ±4 %.
            foreach ((string f, double departure) in new[] { ("TripA16.csv", -8.8), ("TripB37.csv", 7.5) })
            {
                TripLog trip = TripCsvReader.Read(Path.Combine(Fixtures("bmw-i3"), f)).Trip!;
                TripEvaluation e = TripEvaluator.Evaluate(trip, VehicleParams.Preset("bmw-i3-60ah-2014"));
                Assert.AreEqual(4, e.Checkpoints.Count, f);
                Assert.AreEqual(departure, e.Checkpoints[0].ErrorPercent, 1.5, $"{f} departure");
                Assert.IsTrue(Math.Abs(e.Checkpoints[2].ArrivalSocErrorPp) <= 4, $"{f} arrival {e.Checkpoints[2].ArrivalSocErrorPp:F1} pp");
                Assert.IsTrue(e.Checkpoints.All(c => c.LowKwh <= c.PredictedKwh && c.PredictedKwh <= c.HighKwh), f);
            }
        }

        [TestMethod]
        public void Evaluate_should_exit_2_when_input_is_bad()
        {
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Path.Combine(AppContext.BaseDirectory, "no-such-folder")).Code);
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("cycles")).Code, "a folder without trips");
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--vehicle", "no-such-car").Code);
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--folds", "-1").Code, "negative folds");
        }
    }
}
