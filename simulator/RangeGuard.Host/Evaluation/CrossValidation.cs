using System.Collections.Generic;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>
    /// k-fold cross-validation of the car-specific calibration: trip i (in name order) belongs to fold i mod k; each
    /// fold is evaluated with constants fitted on the other folds only, so no trip is predicted with a constant that saw it.
    /// </summary>
    public static class CrossValidation
    {
        public sealed record Result(List<TripEvaluation> Evaluations, CalibrationResult?[] Folds);

        /// <param name="folds">0 = no calibration (the preset as it is); 1 = calibrated on all trips (in-sample, for reference only).</param>
        public static Result Run(IReadOnlyList<TripLog> trips, VehicleParams preset, int folds = 2, bool sequence = false, bool useHvac = false)
        {
            var fitted = new CalibrationResult?[folds < 1 ? 1 : folds];
            var vehicles = new VehicleParams[fitted.Length];
            for (int f = 0; f < fitted.Length; f++)
            {
                if (folds == 0)
                {
                    vehicles[f] = preset;
                    continue;
                }

                var training = new List<TripLog>();
                for (int i = 0; i < trips.Count; i++)
                {
                    if (folds == 1 || i % folds != f)
                    {
                        training.Add(trips[i]);
                    }
                }

                fitted[f] = VehicleCalibration.Fit(training, preset);
                vehicles[f] = fitted[f]!.Apply(preset);
            }

            var evaluations = new List<TripEvaluation>();
            string? carried = null;
            for (int i = 0; i < trips.Count; i++)
            {
                TripEvaluation e = TripEvaluator.Evaluate(trips[i], vehicles[i % vehicles.Length], learn: true, useHvac: useHvac,
                    learnerState: sequence ? carried : null);
                carried = e.LearnerState;
                evaluations.Add(e);
            }

            return new Result(evaluations, fitted);
        }
    }
}
