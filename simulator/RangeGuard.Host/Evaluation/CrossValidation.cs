using System;
using System.Collections.Generic;
using System.Linq;
using RangeGuard.Host.Evaluation.Planning;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>Everything chosen from data for one fold: the car's constants and the learner hold-off.</summary>
    public sealed record FoldFit(CalibrationResult Calibration, float LearnHoldOffS)
    {
        public override string ToString() => FormattableString.Invariant($"{Calibration}, learner hold-off {LearnHoldOffS:F0} s");
    }

    /// <summary>How a cross-validated evaluation runs.</summary>
    /// <param name="Folds">0 = no calibration (the preset as it is); 1 = calibrated on all trips (in-sample, reference only).</param>
    /// <param name="Sequence">Carry the learners from trip to trip in name order (the car's life), instead of a fresh learner per trip.</param>
    /// <param name="BySeason">Folds = seasons (calibrate on summer, predict winter and vice versa); Folds is then 2.</param>
    public sealed record CvOptions(PlanOptions Plan, int Folds = 2, bool Sequence = false, bool UseHvac = false, bool BySeason = false)
    {
        public static CvOptions Default => new(PlanOptions.Nav);
    }

    /// <summary>
    /// k-fold cross-validation: trip i (in name order) belongs to fold i mod k; each fold is evaluated with everything
    /// chosen from data (the car's calibrated constants, the band scale, the learner hold-off) fitted on the other folds
    /// only, so no trip is predicted with a constant that saw it. The guess-o-meter baseline follows the trips in name
    /// order (the car's own history), whatever the folds.
    /// </summary>
    public static class CrossValidation
    {
        /// <summary>Hold-off candidates, s: none, half, one and 1.5 cabin time constants (chosen per training fold).</summary>
        public static readonly float[] HoldOffCandidatesS = { 0f, 300f, 600f, 900f };

        /// <summary>Hold-off with no data to choose it: one cabin warm-up time constant (VehicleParams.CabinWarmupTauS).</summary>
        public const float DefaultHoldOffS = 600f;

        public sealed record Result(List<TripEvaluation> Evaluations, FoldFit?[] Folds);

        public static Result Run(IReadOnlyList<TripLog> trips, VehicleParams preset, int folds = 2, bool sequence = false, bool useHvac = false, bool bySeason = false) =>
            Run(trips, preset, new CvOptions(PlanOptions.Nav, folds, sequence, useHvac, bySeason));

        public static Result Run(IReadOnlyList<TripLog> trips, VehicleParams preset, CvOptions o)
        {
            int folds = o.BySeason ? 2 : o.Folds;
            int FoldOf(int i) => o.BySeason ? (trips[i].Season == "summer" ? 0 : 1) : i % Math.Max(1, folds);

            var fitted = new FoldFit?[folds < 1 ? 1 : folds];
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

                fitted[f] = FitFold(training, preset, o);
                vehicles[f] = fitted[f]!.Calibration.Apply(preset);
            }

            var evaluations = new List<TripEvaluation>();
            var guess = new GuessOMeter(TripEvaluator.LabelWhPerKm(preset));
            string? carried = null, outcome = null;
            for (int i = 0; i < trips.Count; i++)
            {
                int f = folds <= 1 ? 0 : FoldOf(i);
                var options = new EvaluationOptions(o.Plan, Learn: true, UseHvac: o.UseHvac, LearnHoldOffS: fitted[f]?.LearnHoldOffS ?? DefaultHoldOffS);
                TripEvaluation e = TripEvaluator.Evaluate(trips[i], vehicles[f], options, o.Sequence ? carried : null, guess, o.Sequence ? outcome : null);
                carried = e.LearnerState;
                outcome = e.OutcomeState;
                evaluations.Add(e);
            }

            return new Result(evaluations, fitted);
        }

        /// <summary>Everything a fold needs, from its training trips only: calibration, then hold-off, then band scale.</summary>
        public static FoldFit FitFold(IReadOnlyList<TripLog> training, VehicleParams preset, CvOptions o)
        {
            CalibrationResult physics = VehicleCalibration.Fit(training, preset, o.Plan);
            VehicleParams car = physics.Apply(preset);
            float holdOff = ChooseHoldOff(training, car, o);
            double band = BandScale(training, car, new EvaluationOptions(o.Plan, UseHvac: o.UseHvac, LearnHoldOffS: holdOff));
            return new FoldFit(physics with { BandSigmaScale = band }, holdOff);
        }

        /// <summary>The hold-off with the lowest mean remaining-energy MAPE at 25/50/75 % over the training trips (fresh learner).</summary>
        public static float ChooseHoldOff(IReadOnlyList<TripLog> training, VehicleParams car, CvOptions o)
        {
            float best = DefaultHoldOffS;
            double bestErr = double.MaxValue;
            foreach (float h in HoldOffCandidatesS)
            {
                var opts = new EvaluationOptions(o.Plan, UseHvac: o.UseHvac, LearnHoldOffS: h);
                double err = training.SelectMany(t => TripEvaluator.Evaluate(t, car, opts).Checkpoints.Where(c => c.FractionOfDistance > 0))
                    .Select(c => Math.Abs(c.ErrorPercent)).DefaultIfEmpty(double.MaxValue).Average();
                if (err < bestErr - 1e-9)
                {
                    bestErr = err;
                    best = h;
                }
            }

            return best;
        }

        /// <summary>
        /// σ multiplier that makes the 10–90 % band hold 80 % of the training trips' outcomes: the 80th percentile of
        /// |measured − predicted| / σ over all checkpoints, divided by z90 = 1.2816 (fresh learner per trip).
        /// </summary>
        public static double BandScale(IReadOnlyList<TripLog> training, VehicleParams vehicle, EvaluationOptions options)
        {
            var z = new List<double>();
            foreach (TripLog t in training)
            {
                foreach (Checkpoint c in TripEvaluator.Evaluate(t, vehicle, options).Checkpoints)
                {
                    double sigma = (c.HighKwh - c.LowKwh) / (2 * 1.2816);
                    if (sigma > 1e-6)
                    {
                        z.Add(Math.Abs(c.MeasuredKwh - c.PredictedKwh) / sigma);
                    }
                }
            }

            if (z.Count < 10)
            {
                return 1.0;
            }

            z.Sort();
            double q80 = z[(int)Math.Ceiling(0.8 * z.Count) - 1];
            return Math.Clamp(q80 / 1.2816, 0.2, 5.0);
        }
    }
}
