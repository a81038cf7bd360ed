using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Evaluation.Planning;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Tests.Evaluation
{
    /// <summary>No test-fold trip may influence anything fitted for its fold (issue 10, item 3).</summary>
    [TestClass]
    public class CrossValidationLeakageTests
    {
        private static TripLog Fixture(string name) =>
            TripCsvReader.Read(Path.Combine(AppContext.BaseDirectory, "fixtures", "bmw-i3", name + ".csv")).Trip!;

        /// <summary>A copy of the trip whose battery draws 40 % more and 800 W extra at standstill, SOC falling faster.</summary>
        private static TripLog Hungrier(TripLog t)
        {
            var p = new double[t.Count];
            var soc = new double[t.Count];
            for (int i = 0; i < t.Count; i++)
            {
                p[i] = t.BatteryPowerW[i] * 1.4 + (t.SpeedKmh[i] < 0.5 ? 800 : 0);
                soc[i] = t.SocPct[0] - (t.SocPct[0] - t.SocPct[i]) * 1.4;
            }

            var h = new TripLog(t.Name, t.TimeS, t.SpeedKmh, t.ElevationM, p, soc, t.BatteryTempC, t.AmbientTempC);
            t.HeatingPowerW.CopyTo(h.HeatingPowerW, 0);
            t.AirconPowerW.CopyTo(h.AirconPowerW, 0);
            t.HvacPowerW.CopyTo(h.HvacPowerW, 0);
            t.CabinTempC.CopyTo(h.CabinTempC, 0);
            return h;
        }

        [TestMethod]
        public void Perturbing_a_test_fold_trip_should_leave_its_folds_constants_unchanged_and_change_the_others()
        {
            // Four real trips, two folds: fold 0 tests trips 0 and 2, fold 1 tests trips 1 and 3.
            var trips = new List<TripLog> { Fixture("TripA16"), Fixture("TripB37"), Fixture("TripA16"), Fixture("TripB37") };
            VehicleParams preset = VehicleParams.Preset("bmw-i3-60ah-2014");
            var o = new CvOptions(PlanOptions.Nav, Folds: 2);
            CrossValidation.Result before = CrossValidation.Run(trips, preset, o);
            trips[2] = Hungrier(trips[2]);
            CrossValidation.Result after = CrossValidation.Run(trips, preset, o);

            // Every constant, design choice included (hold-off, learner prior, band terms), is a field of FoldFit: records compare by value.
            Assert.AreEqual(before.Folds[0], after.Folds[0], "fold 0 must not see its own test trip");
            Assert.AreNotEqual(before.Folds[1], after.Folds[1], "fold 1 trained on trip 2, so its constants move (the check can fail)");
            Assert.AreNotEqual(before.Folds[1]!.Calibration.AuxBaseW, after.Folds[1]!.Calibration.AuxBaseW, "base load moved with the extra standstill power");
        }
    }
}
