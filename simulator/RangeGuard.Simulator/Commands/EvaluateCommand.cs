using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Evaluation.Planning;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// rangeguard evaluate &lt;folder-or-file&gt; [--plan nav|oracle] [--folds k] [--sequence] [--season-out] [--use-hvac]
    /// [--temp-error-sd 2] [--seed 1] [--vehicle id] [--vehicle-config file]: runs the predictor over trip logs (BMW i3 1 Hz
    /// CSV or the generic CSV), prints per-trip, per-season and per-checkpoint metrics beside the baselines, and the targets.
    /// Exit code 0 = targets met, 1 = not met, 2 = bad input.
    /// </summary>
    public static class EvaluateCommand
    {
        public static Command Create()
        {
            var path = new Argument<string>("path") { Description = "Folder of trip CSV files (or one file), e.g. your copy of the BMW i3 trips" };
            var vehicle = new Option<string>("--vehicle") { Description = "Vehicle preset id", DefaultValueFactory = _ => "bmw-i3-60ah-2014" };
            var config = new Option<string?>("--vehicle-config") { Description = "Vehicle config file (key=value lines); overrides --vehicle" };
            var plan = new Option<string>("--plan") { Description = "nav = what a router knows before departure (headline); oracle = the trip's own time and stop energy (upper bound)", DefaultValueFactory = _ => "nav" };
            var tempSd = new Option<double>("--temp-error-sd") { Description = "Nav plan: SD of the air-temperature forecast error, °C (forecast = departure value + N(0, sd²))", DefaultValueFactory = _ => 2.0 };
            var seed = new Option<int>("--seed") { Description = "Nav plan: seed of the forecast errors", DefaultValueFactory = _ => 1 };
            var useHvac = new Option<bool>("--use-hvac") { Description = "Give the forecaster the logged HVAC power (i3: heating + A/C; summer heating signal is unreliable)" };
            var sequence = new Option<bool>("--sequence") { Description = "Treat the files (in name order) as one car's trip sequence: carry the learners from trip to trip" };
            var folds = new Option<int>("--folds") { Description = "Car-specific calibration (base load, cabin, A/C, road-load scale, band, learner hold-off): k-fold cross-validated (trip i in fold i mod k; default 10), 0 = none (preset only), 1 = in-sample (reference only)", DefaultValueFactory = _ => 10 };
            var bySeason = new Option<bool>("--season-out") { Description = "Calibrate on one season and predict the other (summer ↔ winter): an extrapolation check, not the headline" };
            var command = new Command("evaluate", "Predicted vs measured battery energy over real trip logs (MAPE, bias, arrival SOC, band coverage, baselines)");
            command.Arguments.Add(path);
            foreach (Option opt in new Option[] { vehicle, config, plan, tempSd, seed, useHvac, sequence, folds, bySeason })
            {
                command.Options.Add(opt);
            }

            command.SetAction(parseResult =>
            {
                TextWriter output = parseResult.InvocationConfiguration.Output;
                TextWriter error = parseResult.InvocationConfiguration.Error;
                string planName = parseResult.GetValue(plan)!;
                PlanKind kind;
                if (planName == "nav")
                {
                    kind = PlanKind.Nav;
                }
                else if (planName == "oracle")
                {
                    kind = PlanKind.Oracle;
                }
                else
                {
                    error.WriteLine(CommandError.Format("evaluate", $"--plan {planName}: must be nav or oracle"));
                    return 2;
                }

                if (parseResult.GetValue(tempSd) < 0)
                {
                    error.WriteLine(CommandError.Format("evaluate", "--temp-error-sd must be >= 0"));
                    return 2;
                }

                var planOptions = new PlanOptions(kind, parseResult.GetValue(tempSd), parseResult.GetValue(seed));
                return Run(parseResult.GetValue(path)!, parseResult.GetValue(vehicle)!, parseResult.GetValue(config), output, error,
                    new CvOptions(planOptions, parseResult.GetValue(folds), parseResult.GetValue(sequence), parseResult.GetValue(useHvac), parseResult.GetValue(bySeason)));
            });
            return command;
        }

        internal static int Run(string path, string vehicleId, string? configPath, TextWriter output, TextWriter error, CvOptions o)
        {
            VehicleParams? vp = LoadVehicle(vehicleId, configPath, error);
            if (vp == null)
            {
                return 2;
            }

            if (o.Folds < 0 || o.Folds > 40)
            {
                error.WriteLine(CommandError.Format("evaluate", $"--folds {o.Folds}: must be 0..40"));
                return 2;
            }

            List<TripLog>? trips = ReadTrips(path, output, error);
            if (trips == null)
            {
                return 2;
            }

            if (o.Folds > trips.Count)
            {
                o = o with { Folds = trips.Count };
            }

            output.WriteLine($"vehicle {vp.Id}; {trips.Count} trips; season = winter when the trip's mean measured ambient is below {TripLog.WinterBelowC:F0} °C");
            output.WriteLine(o.Plan.Describe());
            output.WriteLine(o.Sequence ? "the car's learned constants carried from trip to trip in name order (the car's life); per-window learner fresh per trip" : "fresh learner per trip");
            CrossValidation.Result cv = CrossValidation.Run(trips, vp, o);
            WriteCalibration(cv, o, output);
            var summary = new EvaluationSummary(cv.Evaluations);
            output.WriteLine();
            EvaluationReport.Write(summary, vp, output);
            output.WriteLine();
            output.WriteLine("beside it, same trips:");
            EvaluationReport.WriteHeadline(o.Plan.Kind == PlanKind.Nav ? "nav" : "oracle", summary, output);
            if (o.Plan.Kind == PlanKind.Nav && !o.Sequence && !o.BySeason)
            {
                var oracle = new EvaluationSummary(CrossValidation.Run(trips, vp, o with { Plan = PlanOptions.Oracle }).Evaluations);
                EvaluationReport.WriteHeadline("oracle", oracle, output);
            }

            if (o.Sequence)
            {
                var fresh = new EvaluationSummary(CrossValidation.Run(trips, vp, o with { Sequence = false }).Evaluations);
                EvaluationReport.WriteHeadline("fresh", fresh, output);
                output.WriteLine();
                // The device has the preset and its learners only: that is what learning must improve on.
                EvaluationSummary device = o.Folds == 0 ? summary : new EvaluationSummary(CrossValidation.Run(trips, vp, o with { Folds = 0 }).Evaluations);
                LearningCurve.Write(device, new EvaluationSummary(CrossValidation.Run(trips, vp, o with { Sequence = false, Folds = 0 }).Evaluations), output);
            }

            output.WriteLine();
            EvaluationReport.WriteTargets(summary, output);
            return summary.AllTargetsMet ? 0 : 1;
        }

        private static void WriteCalibration(CrossValidation.Result cv, CvOptions o, TextWriter output)
        {
            output.WriteLine(o.BySeason ? "calibration: season-out (fold 0 = summer trips, fitted on winter; fold 1 = winter, fitted on summer)" : o.Folds switch
            {
                0 => $"calibration: none (preset constants; learner hold-off {CrossValidation.DefaultHoldOffS:F0} s)",
                1 => "calibration: in-sample on all trips (NOT a validation; reference only)",
                _ => $"calibration: {o.Folds}-fold cross-validated (trip i in fold i mod {o.Folds}; constants, band scale and learner hold-off fitted on the other folds)",
            });
            for (int f = 0; f < cv.Folds.Length; f++)
            {
                if (cv.Folds[f] != null)
                {
                    output.WriteLine($"  fold {f}: {cv.Folds[f]}");
                }
            }
        }

        internal static List<TripLog>? ReadTrips(string path, TextWriter output, TextWriter error)
        {
            List<string> files;
            if (File.Exists(path))
            {
                files = new List<string> { path };
            }
            else if (Directory.Exists(path))
            {
                files = Directory.GetFiles(path, "*.csv").OrderBy(f => f, StringComparer.Ordinal).ToList();
            }
            else
            {
                error.WriteLine(CommandError.Format("evaluate", $"'{path}' is neither a file nor a folder"));
                return null;
            }

            var trips = new List<TripLog>();
            foreach (string file in files)
            {
                TripReadResult read = TripCsvReader.Read(file);
                if (read.Trip == null)
                {
                    // Summary tables (e.g. trips.csv) are not trips: say so and go on.
                    output.WriteLine($"skipped {Path.GetFileName(file)}: {read.Error}");
                    continue;
                }

                if (read.RowsSkipped > 0)
                {
                    output.WriteLine($"{Path.GetFileName(file)}: {read.RowsSkipped} rows skipped, first: {read.Problems[0]}");
                }

                trips.Add(read.Trip);
            }

            if (trips.Count == 0)
            {
                error.WriteLine(CommandError.Format("evaluate", $"no trip files in '{path}'"));
                return null;
            }

            return trips;
        }

        private static VehicleParams? LoadVehicle(string vehicleId, string? configPath, TextWriter error)
        {
            if (configPath != null)
            {
                if (!File.Exists(configPath))
                {
                    error.WriteLine(CommandError.Format("evaluate", $"vehicle config '{configPath}' not found"));
                    return null;
                }

                if (!VehicleParams.TryParse(File.ReadAllText(configPath), out VehicleParams parsed, out string message))
                {
                    error.WriteLine(CommandError.Format("evaluate", $"{configPath}: {message}"));
                    return null;
                }

                return parsed;
            }

            VehicleParams? preset = VehiclePresets.Create(vehicleId);
            if (preset == null)
            {
                error.WriteLine(CommandError.Format("evaluate", $"unknown vehicle '{vehicleId}'; known: {VehiclePresets.IdList()}"));
            }

            return preset;
        }
    }
}
