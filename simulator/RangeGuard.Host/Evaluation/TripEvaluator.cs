using System;
using System.Collections.Generic;
using RangeGuard.Forecast;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>One prediction of the energy for the rest of the trip, compared with what the battery delivered.</summary>
    public sealed record Checkpoint(
        double FractionOfDistance,
        double PredictedKwh,
        double LowKwh,
        double HighKwh,
        double MeasuredKwh,
        double LabelKwh,
        double GuessKwh,
        double PredictedArrivalContentKwh,
        double MeasuredArrivalContentKwh)
    {
        public double ErrorPercent => Pct(PredictedKwh, MeasuredKwh);
        public double LabelErrorPercent => Pct(LabelKwh, MeasuredKwh);
        public double GuessErrorPercent => Pct(GuessKwh, MeasuredKwh);
        public double ArrivalContentErrorPercent => Pct(PredictedArrivalContentKwh, MeasuredArrivalContentKwh);
        public bool InBand => MeasuredKwh >= LowKwh && MeasuredKwh <= HighKwh;

        private static double Pct(double predicted, double measured) => measured > 0 ? 100.0 * (predicted - measured) / measured : 0;
    }

    public sealed record TripEvaluation(string Trip, string Season, double DistanceKm, double MeasuredKwh, double AmbientC,
        IReadOnlyList<Checkpoint> Checkpoints, float LearnedScale, float LearnedAuxW, string LearnerState);

    /// <summary>
    /// Runs a fresh forecaster (fresh learner) over one trip at 1 Hz and records, at departure and at 25/50/75 % of
    /// the distance, the predicted battery energy for the rest of the trip against the measured one, with two
    /// baselines: the EPA label consumption and a guess-o-meter (label at departure, the trip's average so far later).
    /// Nothing is fitted per trip.
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

        /// <param name="learnerState">Learner state carried from the previous trip of a sequence; null = fresh start.</param>
        public static TripEvaluation Evaluate(TripLog trip, VehicleParams vehicle, bool learn = true, bool useHvac = false, string? learnerState = null)
        {
            var plan = new RoutePlan();
            RouteFromTrip.Build(trip, plan);
            var forecaster = new EnergyForecaster(vehicle.Clone()) { LearningEnabled = learn };
            if (!forecaster.TrySetPlan(plan, out string error))
            {
                throw new InvalidOperationException($"{trip.Name}: route rejected: {error}");
            }

            if (learnerState != null && !forecaster.Learner.TryLoadState(learnerState))
            {
                throw new InvalidOperationException($"{trip.Name}: learner state rejected");
            }

            double[] pos = RouteFromTrip.Positions(trip);
            double total = pos[trip.Count];
            var energyAfter = new double[trip.Count + 1];
            for (int i = trip.Count - 1; i >= 0; i--)
            {
                energyAfter[i] = energyAfter[i + 1] + trip.BatteryPowerW[i] * RouteFromTrip.Dt(trip, i) / 3.6e6;
            }

            double label = LabelWhPerKm(vehicle);
            double content0 = trip.SocPct[0] / 100.0 * vehicle.Battery.UsableEnergyKwh((float)trip.BatteryTempC[0]);
            double cabin0 = VehicleCalibration.CabinAtDeparture(trip);
            var result = new ForecastResult();
            var checkpoints = new List<Checkpoint>();
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
                    HvacPowerW = useHvac && !double.IsNaN(trip.HvacPowerW[i]) ? (float)trip.HvacPowerW[i] : -1f,
                    CabinTempC = (float)cabin0,
                    HasCabinTemp = !double.IsNaN(cabin0),
                    InputsValid = true,
                    TimeMs = (long)Math.Round(trip.TimeS[i] * 1000),
                };
                forecaster.Tick(inputs, result);
                if (next >= Fractions.Length || pos[i] < Fractions[next] * total)
                {
                    continue;
                }

                double remainingKm = (total - pos[i]) / 1000.0;
                double usedKwh = energyAfter[0] - energyAfter[i];
                double doneKm = pos[i] / 1000.0;
                double guess = doneKm > 0.5 ? usedKwh / doneKm * remainingKm : label * remainingKm / 1000.0;
                double contentNow = content0 - usedKwh;
                ArrivalEstimate d = result.Destination;
                checkpoints.Add(new Checkpoint(Fractions[next], d.EnergyNeededKwh, d.EnergyNeededLowKwh, d.EnergyNeededHighKwh,
                    energyAfter[i], label * remainingKm / 1000.0, guess, contentNow - d.EnergyNeededKwh, content0 - energyAfter[0]));
                next++;
            }

            double meanAmbient = 0;
            foreach (double t in trip.AmbientTempC)
            {
                meanAmbient += t;
            }

            return new TripEvaluation(trip.Name, trip.Season, total / 1000.0, energyAfter[0], meanAmbient / trip.Count, checkpoints,
                forecaster.Learner.TractionScale, forecaster.Learner.AuxOffsetW, forecaster.Learner.SaveState());
        }
    }
}
