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
        /// <param name="bySeason">Folds = seasons (calibrate on summer, predict winter and vice versa); folds is then 2.</param>
        public static Result Run(IReadOnlyList<TripLog> trips, VehicleParams preset, int folds = 2, bool sequence = false, bool useHvac = false, bool bySeason = false)
        {
            if (bySeason)
            {
                folds = 2;
            }

            int FoldOf(int i) => bySeason ? (trips[i].Season == "summer" ? 0 : 1) : i % System.Math.Max(1, folds);

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
                    if (folds == 1 || FoldOf(i) != f)
                    {
                        training.Add(trips[i]);
                    }
                }

                CalibrationResult physics = VehicleCalibration.Fit(training, preset);
                double band = BandScale(training, physics.Apply(preset));
                fitted[f] = physics with { BandSigmaScale = band };
                vehicles[f] = fitted[f]!.Apply(preset);
            }

            var evaluations = new List<TripEvaluation>();
            string? carried = null;
            for (int i = 0; i < trips.Count; i++)
            {
                TripEvaluation e = TripEvaluator.Evaluate(trips[i], vehicles[folds <= 1 ? 0 : FoldOf(i)], learn: true, useHvac: useHvac,
                    learnerState: sequence ? carried : null);
                carried = e.LearnerState;
                evaluations.Add(e);
            }

            return new Result(evaluations, fitted);
        }

        /// <summary>
        /// σ multiplier that makes the 10–90 % band hold 80 % of the training trips' outcomes: the 80th percentile of
        /// |measured − predicted| / σ over all checkpoints, divided by z90 = 1.2816 (fresh learner per trip).
        /// </summary>
        public static double BandScale(IReadOnlyList<TripLog> training, VehicleParams vehicle)
        {
            var z = new List<double>();
            foreach (TripLog t in training)
            {
                foreach (Checkpoint c in TripEvaluator.Evaluate(t, vehicle).Checkpoints)
                {
                    double sigma = (c.HighKwh - c.LowKwh) / (2 * 1.2816);
                    if (sigma > 1e-6)
                    {
                        z.Add(System.Math.Abs(c.MeasuredKwh - c.PredictedKwh) / sigma);
                    }
                }
            }

            if (z.Count < 10)
            {
                return 1.0;
            }

            z.Sort();
            double q80 = z[(int)System.Math.Ceiling(0.8 * z.Count) - 1];
            return System.Math.Clamp(q80 / 1.2816, 0.2, 5.0);
        }
    }
}
