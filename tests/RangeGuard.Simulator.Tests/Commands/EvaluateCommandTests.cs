using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Evaluation.Planning;
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
        public void Evaluate_should_report_both_fixture_trips_with_baselines_and_exit_by_targets()
        {
            var (code, output, _) = Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--folds", "2");
            StringAssert.Contains(output, "TripA16");
            StringAssert.Contains(output, "TripB37");
            StringAssert.Contains(output, "nav plan: distance, elevation, road speed");
            StringAssert.Contains(output, "calibration: 2-fold cross-validated");
            StringAssert.Contains(output, "target departure MAPE summer vs sticker");
            StringAssert.Contains(output, "target band coverage at 75 %");
            StringAssert.Contains(output, "oracle  departure MAPE", "the oracle upper bound is reported beside the nav plan");
            var logs = new[] { "TripA16.csv", "TripB37.csv" }.Select(f => TripCsvReader.Read(Path.Combine(Fixtures("bmw-i3"), f)).Trip!).ToList();
            var summary = new EvaluationSummary(CrossValidation.Run(logs, VehicleParams.Preset("bmw-i3-60ah-2014"), new CvOptions(PlanOptions.Nav, Folds: 2)).Evaluations);
            Assert.AreEqual(summary.AllTargetsMet ? 0 : 1, code);
        }

        [TestMethod]
        public void Evaluate_should_stay_within_regression_bounds_on_fixture_trips()
        {
            // Regression guards recorded from `evaluate tests/fixtures/bmw-i3 --folds 0` (uncalibrated i3 preset), not the
            // issue targets: departure error as recorded ±1.5 points for the nav plan (TripA16 −5.5 %, TripB37 +4.3 %) and the
            // oracle plan (−6.8 %, +8.9 %); arrival SOC forecast at half distance within 3 pp of the logged SOC.
            foreach ((string f, double nav, double oracle) in new[] { ("TripA16.csv", -5.5, -6.8), ("TripB37.csv", 4.3, 8.9) })
            {
                TripLog trip = TripCsvReader.Read(Path.Combine(Fixtures("bmw-i3"), f)).Trip!;
                foreach ((PlanOptions plan, double departure) in new[] { (PlanOptions.Nav, nav), (PlanOptions.Oracle, oracle) })
                {
                    TripEvaluation e = TripEvaluator.Evaluate(trip, VehicleParams.Preset("bmw-i3-60ah-2014"), new EvaluationOptions(plan));
                    Assert.AreEqual(4, e.Checkpoints.Count, f);
                    Assert.AreEqual(departure, e.Checkpoints[0].ErrorPercent, 1.5, $"{f} {plan.Kind} departure");
                    Assert.IsTrue(Math.Abs(e.Checkpoints[2].ArrivalSocErrorPp) <= 3, $"{f} arrival {e.Checkpoints[2].ArrivalSocErrorPp:F1} pp");
                    Assert.IsTrue(e.Checkpoints.All(c => c.LowKwh <= c.PredictedKwh && c.PredictedKwh <= c.HighKwh), f);
                }
            }
        }

        [TestMethod]
        public void Sequence_should_print_the_learning_curve_against_the_preset()
        {
            var (_, output, _) = Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--folds", "0", "--sequence");
            StringAssert.Contains(output, "learning curve (the device: preset, no host calibration)");
            StringAssert.Contains(output, "fresh   departure MAPE");
        }

        [TestMethod]
        public void Evaluate_should_exit_2_when_input_is_bad()
        {
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Path.Combine(AppContext.BaseDirectory, "no-such-folder")).Code);
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("cycles")).Code, "a folder without trips");
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--vehicle", "no-such-car").Code);
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--folds", "-1").Code, "negative folds");
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--plan", "psychic").Code, "unknown plan");
            Assert.AreEqual(2, Invoke(EvaluateCommand.Create(), Fixtures("bmw-i3"), "--temp-error-sd", "-1").Code, "negative SD");
        }
    }
}
