using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// rangeguard evaluate &lt;folder-or-file&gt; [--vehicle id] [--vehicle-config file] [--use-hvac] [--sequence]: runs the predictor over trip logs
    /// (BMW i3 1 Hz CSV or the generic CSV), prints per-trip and overall metrics and the targets.
    /// Exit code 0 = targets met, 1 = not met, 2 = bad input.
    /// </summary>
    public static class EvaluateCommand
    {
        public static Command Create()
        {
            var path = new Argument<string>("path") { Description = "Folder of trip CSV files (or one file), e.g. your copy of the BMW i3 trips" };
            var vehicle = new Option<string>("--vehicle") { Description = "Vehicle preset id", DefaultValueFactory = _ => "bmw-i3-60ah-2014" };
            var config = new Option<string?>("--vehicle-config") { Description = "Vehicle config file (key=value lines); overrides --vehicle" };
            var useHvac = new Option<bool>("--use-hvac") { Description = "Give the forecaster the logged HVAC power (i3: heating + A/C; summer heating signal is unreliable)" };
            var sequence = new Option<bool>("--sequence") { Description = "Treat the files (in name order) as one car's trip sequence: carry the learner from trip to trip" };
            var folds = new Option<int>("--folds") { Description = "Car-specific calibration (base load, cabin, A/C, road-load scale): k-fold cross-validated (trip i in fold i mod k; default 2), 0 = none (preset only), 1 = in-sample (reference only)", DefaultValueFactory = _ => 2 };
            var command = new Command("evaluate", "Predicted vs measured battery energy over real trip logs (MAPE, bias, band coverage, baselines)");
            command.Arguments.Add(path);
            command.Options.Add(vehicle);
            command.Options.Add(config);
            command.Options.Add(useHvac);
            command.Options.Add(sequence);
            command.Options.Add(folds);
            var bySeason = new Option<bool>("--season-out") { Description = "Calibrate on one season and predict the other (summer ↔ winter): an extrapolation check, not the headline" };
            command.Options.Add(bySeason);
            command.SetAction(parseResult =>
            {
                TextWriter output = parseResult.InvocationConfiguration.Output;
                TextWriter error = parseResult.InvocationConfiguration.Error;
                return Run(parseResult.GetValue(path)!, parseResult.GetValue(vehicle)!, parseResult.GetValue(config), output, error, parseResult.GetValue(useHvac), parseResult.GetValue(sequence), parseResult.GetValue(folds), parseResult.GetValue(bySeason));
            });
            return command;
        }

        internal static int Run(string path, string vehicleId, string? configPath, TextWriter output, TextWriter error, bool useHvac = false, bool sequence = false, int folds = 2, bool bySeason = false)
        {
            VehicleParams? vp = LoadVehicle(vehicleId, configPath, error);
            if (vp == null)
            {
                return 2;
            }

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
                error.WriteLine($"evaluate: '{path}' is neither a file nor a folder");
                return 2;
            }

            if (folds < 0 || folds > 10)
            {
                error.WriteLine($"evaluate: --folds {folds}: must be 0..10");
                return 2;
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
                error.WriteLine($"evaluate: no trip files in '{path}'");
                return 2;
            }

            if (folds > trips.Count)
            {
                folds = trips.Count;
            }

            CrossValidation.Result cv = CrossValidation.Run(trips, vp, folds, sequence, useHvac, bySeason);
            output.WriteLine(bySeason ? "calibration: season-out (fold 0 = summer trips, fitted on winter; fold 1 = winter, fitted on summer)" : folds switch
            {
                0 => "calibration: none (preset constants)",
                1 => "calibration: in-sample on all trips (NOT a validation; reference only)",
                _ => $"calibration: {folds}-fold cross-validated (trip i in fold i mod {folds}, constants fitted on the other folds)",
            });
            for (int f = 0; f < cv.Folds.Length; f++)
            {
                if (cv.Folds[f] != null)
                {
                    output.WriteLine($"  fold {f}: {cv.Folds[f]}");
                }
            }

            var summary = new EvaluationSummary(cv.Evaluations);
            EvaluationReport.Write(summary, vp, output, sequence);
            return summary.AllTargetsMet ? 0 : 1;
        }

        private static VehicleParams? LoadVehicle(string vehicleId, string? configPath, TextWriter error)
        {
            if (configPath != null)
            {
                if (!File.Exists(configPath))
                {
                    error.WriteLine($"evaluate: vehicle config '{configPath}' not found");
                    return null;
                }

                if (!VehicleParams.TryParse(File.ReadAllText(configPath), out VehicleParams parsed, out string message))
                {
                    error.WriteLine($"evaluate: {configPath}: {message}");
                    return null;
                }

                return parsed;
            }

            VehicleParams? preset = VehiclePresets.Create(vehicleId);
            if (preset == null)
            {
                error.WriteLine($"evaluate: unknown vehicle '{vehicleId}'; known: {VehiclePresets.IdList()}");
            }

            return preset;
        }
    }
}
