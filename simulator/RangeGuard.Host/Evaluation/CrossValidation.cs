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
    /// <param name="CarryConsumption">Sequence: carry the per-window learner too (it is trip-local on the device).</param>
    /// <param name="ApplyCalibration">Apply the car's constants learned from earlier trips (CarCalibrationLearner).</param>
    /// <param name="ApplyOutcome">Apply the trip-outcome correction learned from earlier trips (TripOutcomeLearner).</param>
    public sealed record CvOptions(PlanOptions Plan, int Folds = 10, bool Sequence = false, bool UseHvac = false, bool BySeason = false, bool CarryConsumption = false,
        bool ApplyCalibration = true, bool ApplyOutcome = false)
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

        public static Result Run(IReadOnlyList<TripLog> trips, VehicleParams preset, int folds = 10, bool sequence = false, bool useHvac = false, bool bySeason = false) =>
            Run(trips, preset, new CvOptions(PlanOptions.Nav, folds, sequence, useHvac, bySeason));

        public static Result Run(IReadOnlyList<TripLog> trips, VehicleParams preset, CvOptions o)
        {
            int folds = o.BySeason ? 2 : o.Folds;
            int FoldOf(int i) => o.BySeason ? (trips[i].Season == "summer" ? 0 : 1) : i % Math.Max(1, folds);

            var fitted = new FoldFit?[folds < 1 ? 1 : folds];
            var vehicles = new VehicleParams[fitted.Length];
            // Folds are independent (each sees only its own training trips): fit them in parallel.
            System.Threading.Tasks.Parallel.For(0, fitted.Length, f =>
            {
                if (folds == 0)
                {
                    vehicles[f] = preset;
                    return;
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
            });

            var evaluations = new List<TripEvaluation>();
            var guess = new GuessOMeter(TripEvaluator.LabelWhPerKm(preset));
            string? carried = null, car = null;
            for (int i = 0; i < trips.Count; i++)
            {
                int f = folds <= 1 ? 0 : FoldOf(i);
                var options = new EvaluationOptions(o.Plan, Learn: true, UseHvac: o.UseHvac, LearnHoldOffS: fitted[f]?.LearnHoldOffS ?? DefaultHoldOffS,
                    ApplyCalibration: o.ApplyCalibration, ApplyOutcome: o.ApplyOutcome);
                TripEvaluation e = TripEvaluator.Evaluate(trips[i], vehicles[f], options, o.Sequence && o.CarryConsumption ? carried : null, guess, o.Sequence ? car : null);
                carried = e.LearnerState;
                car = e.CarState;
                evaluations.Add(e);
            }

            return new Result(evaluations, fitted);
        }

        /// <summary>Everything a fold needs, from its training trips only: calibration, then hold-off, then band scale.</summary>
        public static FoldFit FitFold(IReadOnlyList<TripLog> training, VehicleParams preset, CvOptions o)
        {
            CalibrationResult physics = VehicleCalibration.Fit(training, preset, o.Plan);
            VehicleParams car = physics.Apply(preset);
            var (holdOff, prior) = ChooseLearner(training, car, o);
            physics = physics with { LearnerPriorScale = prior };
            car = physics.Apply(preset);
            var (scale, noise, arrival) = FitBand(training, car, new EvaluationOptions(o.Plan, UseHvac: o.UseHvac, LearnHoldOffS: holdOff));
            return new FoldFit(physics with { BandSigmaScale = scale, RouteNoiseWhPerSqrtKm = noise, ArrivalNoiseWh = arrival }, holdOff);
        }

        /// <summary>Learner prior multipliers tried per training fold (1 = the preset's priors).</summary>
        public static readonly float[] PriorScaleCandidates = { 0.05f, 0.1f, 0.25f, 0.5f, 1f };

        /// <summary>
        /// The learner design choices (hold-off, prior scale) with the lowest mean remaining-energy MAPE at 25/50/75 % over
        /// the training trips (fresh learner per trip).
        /// </summary>
        public static (float HoldOffS, float PriorScale) ChooseLearner(IReadOnlyList<TripLog> training, VehicleParams car, CvOptions o)
        {
            (float, float) best = (DefaultHoldOffS, 1f);
            double bestErr = double.MaxValue;
            foreach (float prior in PriorScaleCandidates)
            {
                VehicleParams v = car.Clone();
                v.LearnerPriorScale = prior;
                foreach (float h in HoldOffCandidatesS)
                {
                    var opts = new EvaluationOptions(o.Plan, UseHvac: o.UseHvac, LearnHoldOffS: h);
                    double err = training.SelectMany(t => TripEvaluator.Evaluate(t, v, opts).Checkpoints.Where(c => c.FractionOfDistance > 0))
                        .Select(c => Math.Abs(c.ErrorPercent)).DefaultIfEmpty(double.MaxValue).Average();
                    if (err < bestErr - 1e-9)
                    {
                        bestErr = err;
                        best = (h, prior);
                    }
                }
            }

            return best;
        }

        /// <summary>
        /// The band's three constants, chosen on the training trips' checkpoints (fresh learner): σ² = (s·σ_model)² + c²·km_rest + d²,
        /// σ_model being the forecaster's own band (learned-parameter, residual and floor terms) and c a route noise in
        /// Wh/√km and d an arrival noise in Wh. (s, c, d) on a grid minimise Σ over the four checkpoints of (coverage − 80 %)², ties to the narrower band,
        /// so that the band holds at departure and near the end alike, not only pooled.
        /// </summary>
        public static (double Scale, double NoiseWhPerSqrtKm, double ArrivalWh) FitBand(IReadOnlyList<TripLog> training, VehicleParams vehicle, EvaluationOptions options)
        {
            VehicleParams bare = vehicle.Clone();
            bare.BandSigmaScale = 1f;
            bare.RouteNoiseWhPerSqrtKm = 0f;
            bare.ArrivalNoiseWh = 0f;
            var points = new List<(int Cp, double Err, double SigmaWh, double Km)>();
            foreach (TripLog t in training)
            {
                IReadOnlyList<Checkpoint> cps = TripEvaluator.Evaluate(t, bare, options).Checkpoints;
                for (int i = 0; i < cps.Count; i++)
                {
                    Checkpoint c = cps[i];
                    points.Add((i, Math.Abs(c.MeasuredKwh - c.PredictedKwh) * 1000, (c.HighKwh - c.LowKwh) * 1000 / (2 * 1.2816), c.RemainingKm));
                }
            }

            if (points.Count < 10)
            {
                return (1.0, 0.0, 0.0);
            }

            (double, double, double) best = (1.0, 0.0, 0.0);
            double bestCost = double.MaxValue, bestWidth = double.MaxValue;
            int cpCount = TripEvaluator.Fractions.Length;
            for (int si = 1; si <= 40; si++)
            {
                double s = 0.05 * si;
                for (int ci = 0; ci <= 40; ci++)
                    for (int di = 0; di <= 15; di++)
                    {
                        double c = 10.0 * ci, d = 20.0 * di;
                        var inside = new int[cpCount];
                        var count = new int[cpCount];
                        double width = 0;
                        foreach (var p in points)
                        {
                            double sigma = Math.Sqrt(s * s * p.SigmaWh * p.SigmaWh + c * c * p.Km + d * d);
                            count[p.Cp]++;
                            inside[p.Cp] += p.Err <= 1.2816 * sigma ? 1 : 0;
                            width += sigma;
                        }

                        double cost = 0;
                        for (int k = 0; k < cpCount; k++)
                        {
                            double cover = count[k] > 0 ? 100.0 * inside[k] / count[k] : 80.0;
                            cost += (cover - 80.0) * (cover - 80.0);
                        }

                        if (cost < bestCost - 1e-9 || (cost < bestCost + 1e-9 && width < bestWidth))
                        {
                            bestCost = cost;
                            bestWidth = width;
                            best = (s, c, d);
                        }
                    }
            }

            return best;
        }
    }
}
