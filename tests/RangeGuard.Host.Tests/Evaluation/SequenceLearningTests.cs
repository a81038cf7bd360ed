using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Evaluation.Planning;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Tests.Evaluation
{
    /// <summary>
    /// --sequence is the car's life: a trip's forecasts may use what earlier trips taught, never what the trip itself or a
    /// later one measured (issue 10, items 3 and 4).
    /// </summary>
    [TestClass]
    public class SequenceLearningTests
    {
        private static TripLog Fixture(string name) =>
            TripCsvReader.Read(Path.Combine(AppContext.BaseDirectory, "fixtures", "bmw-i3", name + ".csv")).Trip!;

        /// <summary>A copy of the trip whose battery draws 40 % more after its first second, SOC falling faster (the plan, built before departure, is the same).</summary>
        private static TripLog Hungrier(TripLog t)
        {
            var p = new double[t.Count];
            var soc = new double[t.Count];
            for (int i = 0; i < t.Count; i++)
            {
                p[i] = i == 0 ? t.BatteryPowerW[i] : t.BatteryPowerW[i] * 1.4;
                soc[i] = t.SocPct[0] - (t.SocPct[0] - t.SocPct[i]) * 1.4;
            }

            var h = new TripLog(t.Name, t.TimeS, t.SpeedKmh, t.ElevationM, p, soc, t.BatteryTempC, t.AmbientTempC);
            t.HeatingPowerW.CopyTo(h.HeatingPowerW, 0);
            t.AirconPowerW.CopyTo(h.AirconPowerW, 0);
            t.HvacPowerW.CopyTo(h.HvacPowerW, 0);
            t.CabinTempC.CopyTo(h.CabinTempC, 0);
            return h;
        }

        private static double[] Departures(CrossValidation.Result r) => r.Evaluations.Select(e => e.Checkpoints[0].PredictedKwh).ToArray();

        [TestMethod]
        public void A_trip_should_be_forecast_from_earlier_trips_only_and_teach_the_next()
        {
            var trips = new List<TripLog> { Fixture("TripA16"), Fixture("TripB37"), Fixture("TripA16"), Fixture("TripB37") };
            VehicleParams preset = VehicleParams.Preset("bmw-i3-60ah-2014");
            var o = new CvOptions(PlanOptions.Nav, Folds: 0, Sequence: true);
            CrossValidation.Result before = CrossValidation.Run(trips, preset, o);
            trips[2] = Hungrier(trips[2]);
            CrossValidation.Result after = CrossValidation.Run(trips, preset, o);

            double[] b = Departures(before), a = Departures(after);
            for (int i = 0; i <= 2; i++)
            {
                Assert.AreEqual(b[i], a[i], 0.0, $"trip {i}'s departure forecast must not read trip 2 (its own measurements included)");
                Assert.AreEqual(before.Evaluations[i].Checkpoints[0].SocNowPct, after.Evaluations[i].Checkpoints[0].SocNowPct, 0.0, $"trip {i} input");
            }

            Assert.AreEqual(before.Evaluations[1].CarState, after.Evaluations[1].CarState, "what trip 2 starts from is unchanged");
            Assert.AreNotEqual(before.Evaluations[2].CarState, after.Evaluations[2].CarState, "trip 2 is learned at its end");
            Assert.IsTrue(a[3] > b[3] * 1.01, $"trip 3 forecasts more after a hungrier trip 2 (the check can fail): {b[3]:F3} -> {a[3]:F3} kWh");
        }

        [TestMethod]
        public void The_first_trip_of_a_sequence_should_be_the_preset_forecast_and_learning_should_show_in_the_learned_constants()
        {
            var trips = new List<TripLog> { Fixture("TripA16"), Fixture("TripB37") };
            VehicleParams preset = VehicleParams.Preset("bmw-i3-60ah-2014");
            CrossValidation.Result seq = CrossValidation.Run(trips, preset, new CvOptions(PlanOptions.Nav, Folds: 0, Sequence: true));
            CrossValidation.Result fresh = CrossValidation.Run(trips, preset, new CvOptions(PlanOptions.Nav, Folds: 0));
            Assert.AreEqual(fresh.Evaluations[0].Checkpoints[0].PredictedKwh, seq.Evaluations[0].Checkpoints[0].PredictedKwh, 0.0, "a new car is the preset");
            Assert.AreNotEqual(fresh.Evaluations[1].Checkpoints[0].PredictedKwh, seq.Evaluations[1].Checkpoints[0].PredictedKwh, "the second trip uses the first");
            StringAssert.Contains(LearningCurve.Describe(seq.Evaluations[1].CarState!), "(2 trips)");
        }
    }
}
