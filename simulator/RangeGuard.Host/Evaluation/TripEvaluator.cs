using System;
using System.Collections.Generic;
using RangeGuard.Forecast;
using RangeGuard.Host.Evaluation.Planning;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>
    /// One forecast of the rest of the trip, with what happened. Energies in kWh from this point to the end; SOC in %
    /// (the BMS SOC the forecaster reads). The baselines turn their energy into an arrival SOC with the same usable capacity
    /// the forecaster uses, so every arrival-SOC error is comparable.
    /// </summary>
    public sealed record Checkpoint(
        double FractionOfDistance,
        double PredictedKwh,
        double LowKwh,
        double HighKwh,
        double MeasuredKwh,
        double LabelKwh,
        double GuessKwh,
        double SocNowPct,
        double UsableKwh,
        double PredictedArrivalSocPct,
        double MeasuredArrivalSocPct,
        double RemainingKm)
    {
        public double ErrorPercent => Pct(PredictedKwh, MeasuredKwh);
        public double LabelErrorPercent => Pct(LabelKwh, MeasuredKwh);
        public double GuessErrorPercent => Pct(GuessKwh, MeasuredKwh);
        public bool InBand => MeasuredKwh >= LowKwh && MeasuredKwh <= HighKwh;

        /// <summary>Arrival SOC forecast − arrival SOC logged, percentage points.</summary>
        public double ArrivalSocErrorPp => PredictedArrivalSocPct - MeasuredArrivalSocPct;
        public double LabelArrivalSocErrorPp => SocFrom(LabelKwh) - MeasuredArrivalSocPct;
        public double GuessArrivalSocErrorPp => SocFrom(GuessKwh) - MeasuredArrivalSocPct;

        private double SocFrom(double kwh) => SocNowPct - 100.0 * kwh / UsableKwh;

        private static double Pct(double predicted, double measured) => measured > 0 ? 100.0 * (predicted - measured) / measured : 0;
    }

    public sealed record TripEvaluation(string Trip, string Season, double DistanceKm, double MeasuredKwh, double AmbientC,
        IReadOnlyList<Checkpoint> Checkpoints, float LearnedScale, float LearnedAuxW, string LearnerState)
    {
        /// <summary>
        /// What the car carries to its next trip in a sequence: the learned constants and the trip-outcome correction
        /// (EnergyForecaster.SaveLearnedState), after learning this trip at its end.
        /// </summary>
        public string? CarState { get; init; }
    }

    /// <summary>
    /// How a trip is evaluated: the plan, whether the learner learns, HVAC given, the learner hold-off, whether the car's
    /// learned constants and the trip-outcome correction are applied (both still learn at the trip's end).
    /// </summary>
    public sealed record EvaluationOptions(PlanOptions Plan, bool Learn = true, bool UseHvac = false, float LearnHoldOffS = 600f,
        bool ApplyCalibration = true, bool ApplyOutcome = false)
    {
        public static readonly EvaluationOptions Default = new(PlanOptions.Nav);
    }

    /// <summary>
    /// Runs a forecaster over one trip at 1 Hz and records, at departure and at 25/50/75 % of the distance, the
    /// predicted battery energy for the rest of the trip and the arrival SOC against what the log shows, with two
    /// baselines: the window-sticker (EPA label) consumption and a guess-o-meter. Nothing is fitted per trip.
    /// </summary>
    public static class TripEvaluator
    {
        public static readonly double[] Fractions = { 0.0, 0.25, 0.5, 0.75 };

        /// <summary>EPA label battery-side consumption, Wh/km: 55/45 city/highway of the unadjusted wall figures, /0.7 label factor, × charging efficiency.</summary>
        public static double LabelWhPerKm(VehicleParams vp)
        {
            double wallPerMi = (0.55 * vp.EpaUddsWallWhPerMi + 0.45 * vp.EpaHwyWallWhPerMi) / 0.7;
            return wallPerMi * VehicleParams.GenericChargingEfficiency / 1.609344;
        }

        public static TripEvaluation Evaluate(TripLog trip, VehicleParams vehicle) => Evaluate(trip, vehicle, EvaluationOptions.Default);

        /// <param name="learnerState">Consumption-learner state carried from the previous trip of a sequence; null = fresh.</param>
        /// <param name="carState">Learned car state carried from the previous trip (SaveLearnedState); null = fresh.</param>
        /// <param name="guess">The car's guess-o-meter, carried across trips in driving order; null = a fresh one.</param>
        public static TripEvaluation Evaluate(TripLog trip, VehicleParams vehicle, EvaluationOptions options, string? learnerState = null,
            GuessOMeter? guess = null, string? carState = null)
        {
            var plan = new RoutePlan();
            options.Plan.Build(trip, plan);
            var forecaster = new EnergyForecaster(vehicle.Clone())
            {
                LearningEnabled = options.Learn,
                LearnHoldOffS = options.LearnHoldOffS,
                CalibrationEnabled = options.ApplyCalibration,
                OutcomeCorrectionEnabled = options.ApplyOutcome,
            };
            if (!forecaster.TrySetPlan(plan, out string error))
            {
                throw new InvalidOperationException($"{trip.Name}: route rejected: {error}");
            }

            if (learnerState != null && !forecaster.Learner.TryLoadState(learnerState))
            {
                throw new InvalidOperationException($"{trip.Name}: learner state rejected");
            }

            if (carState != null && !forecaster.TryLoadLearnedState(carState))
            {
                throw new InvalidOperationException($"{trip.Name}: learned car state rejected");
            }

            double label = LabelWhPerKm(vehicle);
            guess ??= new GuessOMeter(label);
            double[] pos = RouteFromTrip.Positions(trip);
            double total = pos[trip.Count];
            var energyAfter = new double[trip.Count + 1];
            for (int i = trip.Count - 1; i >= 0; i--)
            {
                energyAfter[i] = energyAfter[i + 1] + trip.BatteryPowerW[i] * RouteFromTrip.Dt(trip, i) / 3.6e6;
            }

            double cabin0 = VehicleCalibration.CabinAtDeparture(trip);
            var result = new ForecastResult();
            var checkpoints = new List<Checkpoint>();
            var driven = new List<(double Km, double Kwh)>(trip.Count);
            int next = 0;
            for (int i = 0; i < trip.Count; i++)
            {
                var inputs = new ForecastInputs
                {
                    PositionM = (float)pos[i],
                    SocPercent = (float)trip.SocPct[i],
                    BatteryTempC = (float)trip.BatteryTempC[i],
                    AmbientTempC = (float)trip.AmbientTempC[i],
                    SpeedKmh = (float)trip.SpeedKmh[i],
                    BatteryPowerW = (float)trip.BatteryPowerW[i],
                    HvacPowerW = options.UseHvac && !double.IsNaN(trip.HvacPowerW[i]) ? (float)trip.HvacPowerW[i] : -1f,
                    CabinTempC = (float)cabin0,
                    HasCabinTemp = !double.IsNaN(cabin0),
                    InputsValid = true,
                    TimeMs = (long)Math.Round(trip.TimeS[i] * 1000),
                };
                forecaster.Tick(inputs, result);
                if (next < Fractions.Length && pos[i] >= Fractions[next] * total)
                {
                    double remainingKm = (total - pos[i]) / 1000.0;
                    ArrivalEstimate d = result.Destination;
                    checkpoints.Add(new Checkpoint(Fractions[next], d.EnergyNeededKwh, d.EnergyNeededLowKwh, d.EnergyNeededHighKwh,
                        energyAfter[i], label * remainingKm / 1000.0, guess.WhPerKm(driven) * remainingKm / 1000.0,
                        trip.SocPct[i], result.AvailableEnergyKwh * 100.0 / Math.Max(1e-3, trip.SocPct[i]), d.SocP50, trip.SocPct[trip.Count - 1], remainingKm));
                    next++;
                }

                driven.Add(((pos[i + 1] - pos[i]) / 1000.0, trip.BatteryPowerW[i] * RouteFromTrip.Dt(trip, i) / 3.6e6));
            }

            guess.Drive(driven);
            // What this trip's own learner ended with (EndTrip restarts it), then the trip ends at its destination: it is
            // learned as the device learns it, for the next trip of a sequence.
            float k = forecaster.Learner.TractionScale, dp = forecaster.Learner.AuxOffsetW;
            string ownState = forecaster.Learner.SaveState();
            forecaster.EndTrip((float)energyAfter[0], reachedDestination: true);

            double meanAmbient = 0;
            foreach (double t in trip.AmbientTempC)
            {
                meanAmbient += t;
            }

            return new TripEvaluation(trip.Name, trip.Season, total / 1000.0, energyAfter[0], meanAmbient / trip.Count, checkpoints,
                k, dp, ownState)
            {
                CarState = forecaster.SaveLearnedState(),
            };
        }
    }
}
