using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Tests.Evaluation
{
    [TestClass]
    public class VehicleCalibrationTests
    {
        private const double G = 90.0, C = 70000.0, Tau = 600.0, Base = 500.0;

        /// <summary>
        /// Synthetic winter trip: 120 s standing, then 50 km/h; battery = 8 kW while moving + 500 W base + heater, heater =
        /// G·(21 − 3 − T) + C·(21 − T)/τ·e^(−t/τ) (cold soak, cabin at the 10 °C sensor floor = unknown).
        /// </summary>
        private static TripLog WinterTrip(string name, double ambientC, int seconds)
        {
            var t = new double[seconds];
            var v = new double[seconds];
            var p = new double[seconds];
            var heat = new double[seconds];
            for (int i = 0; i < seconds; i++)
            {
                t[i] = i;
                v[i] = i < 120 ? 0 : 50;
                heat[i] = G * (21 - 3 - ambientC) + C * (21 - ambientC) / Tau * Math.Exp(-i / Tau);
                p[i] = (i < 120 ? 0 : 8000) + Base + heat[i];
            }

            var trip = new TripLog(name, t, v, new double[seconds], p, Fill(seconds, 60), Fill(seconds, 10), Fill(seconds, ambientC));
            heat.CopyTo(trip.HeatingPowerW);
            Array.Fill(trip.AirconPowerW, 0.0);
            Array.Fill(trip.CabinTempC, 10.0);
            return trip;
        }

        private static double[] Fill(int n, double value)
        {
            var a = new double[n];
            Array.Fill(a, value);
            return a;
        }

        [TestMethod]
        public void Fit_should_recover_base_load_and_cabin_constants_when_trips_follow_the_model()
        {
            var trips = new List<TripLog> { WinterTrip("TripB90", -5, 900), WinterTrip("TripB91", 0, 1500), WinterTrip("TripB92", 5, 2400) };
            CalibrationResult c = VehicleCalibration.Fit(trips, VehicleParams.Preset("bmw-i3-60ah-2014"));
            Assert.AreEqual(Base, c.AuxBaseW, 1.0, "base W from standstill minus heater");
            Assert.AreEqual(3, c.AuxTrips);
            Assert.AreEqual(3, c.HeatingTrips);
            Assert.AreEqual(G, c.CabinConductanceWPerK, 0.5, "G W/K");
            Assert.AreEqual(C, c.CabinHeatCapacityJPerK, 500, "C J/K");
            Assert.AreEqual(0, c.CoolingTrips, "no summer trips: A/C COP stays the preset's");
            Assert.AreEqual(2.0, c.AcCop, 1e-6);
        }

        [TestMethod]
        public void Cabin_at_departure_should_be_unknown_when_at_the_sensor_floor()
        {
            TripLog trip = WinterTrip("TripB90", 0, 300);
            Assert.IsTrue(double.IsNaN(VehicleCalibration.CabinAtDeparture(trip)));
            trip.CabinTempC[0] = 18.5;
            Assert.AreEqual(18.5, VehicleCalibration.CabinAtDeparture(trip));
        }

        [TestMethod]
        public void Cross_validation_should_fit_each_fold_on_the_other_trips_only()
        {
            var trips = new List<TripLog>
            {
                WinterTrip("TripB90", -5, 900), WinterTrip("TripB91", 0, 1500), WinterTrip("TripB92", 5, 2400), WinterTrip("TripB93", 2, 1200),
            };
            CrossValidation.Result r = CrossValidation.Run(trips, VehicleParams.Preset("bmw-i3-60ah-2014"), folds: 2);
            Assert.AreEqual(4, r.Evaluations.Count);
            Assert.AreEqual(2, r.Folds.Length);
            Assert.AreEqual(2, r.Folds[0]!.Calibration.AuxTrips, "fold 0 = trips 0 and 2, fitted on trips 1 and 3");
            Assert.AreEqual(2, r.Folds[1]!.Calibration.AuxTrips);
            Assert.IsNull(CrossValidation.Run(trips, VehicleParams.Preset("bmw-i3-60ah-2014"), folds: 0).Folds[0], "folds 0 = preset");
        }

        [TestMethod]
        public void Season_out_should_fit_summer_trips_on_winter_ones_and_vice_versa()
        {
            var trips = new List<TripLog> { WinterTrip("TripA90", 15, 900), WinterTrip("TripB91", 0, 1500), WinterTrip("TripB92", 5, 2400), WinterTrip("TripB93", 2, 1200) };
            CrossValidation.Result r = CrossValidation.Run(trips, VehicleParams.Preset("bmw-i3-60ah-2014"), bySeason: true);
            Assert.AreEqual(3, r.Folds[0]!.Calibration.AuxTrips, "summer fold fitted on the 3 winter trips");
            Assert.AreEqual(3, r.Folds[0]!.Calibration.HeatingTrips);
            Assert.AreEqual(1, r.Folds[1]!.Calibration.AuxTrips, "winter fold fitted on the summer trip");
            Assert.AreEqual(0, r.Folds[1]!.Calibration.HeatingTrips, "heater signal not trusted in summer: preset cabin constants");
        }
    }
}
