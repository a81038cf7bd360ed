using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Forecast;
using RangeGuard.Host.Evaluation;
using RangeGuard.Host.Evaluation.Planning;
using RangeGuard.Host.Trips;

namespace RangeGuard.Host.Tests.Evaluation
{
    /// <summary>The nav plan may use only what a router knows before departure (issue 10, item 1).</summary>
    [TestClass]
    public class NavPlanTests
    {
        private static TripLog Fixture(string name) =>
            TripCsvReader.Read(Path.Combine(AppContext.BaseDirectory, "fixtures", "bmw-i3", name + ".csv")).Trip!;

        /// <summary>
        /// The same drive with everything a router cannot know changed: energy, SOC, temperatures and HVAC after the
        /// first second, and a 3-minute stop inserted mid-trip (time spent, not distance or moving speed).
        /// </summary>
        private static TripLog Perturbed(TripLog t)
        {
            int stopAt = t.Count / 2, stop = 180, n = t.Count + stop;
            double[] Copy(double[] src, Func<int, double, double> change)
            {
                var a = new double[n];
                for (int j = 0; j < n; j++)
                {
                    int i = j < stopAt ? j : (j < stopAt + stop ? stopAt : j - stop);
                    a[j] = change(j, src[i]);
                }

                return a;
            }

            var time = new double[n];
            for (int j = 0; j < n; j++)
            {
                time[j] = j < stopAt + stop ? t.TimeS[0] + j : t.TimeS[j - stop] + stop;
            }

            double[] speed = Copy(t.SpeedKmh, (j, v) => j >= stopAt && j < stopAt + stop ? 0 : v);
            var p = new TripLog(t.Name, time, speed, Copy(t.ElevationM, (j, v) => v), Copy(t.BatteryPowerW, (j, v) => j == 0 ? v : v * 1.7 + 900),
                Copy(t.SocPct, (j, v) => j == 0 ? v : v - 7), Copy(t.BatteryTempC, (j, v) => j == 0 ? v : v + 12), Copy(t.AmbientTempC, (j, v) => j == 0 ? v : v - 15));
            Copy(t.HeatingPowerW, (j, v) => 4000).CopyTo(p.HeatingPowerW, 0);
            Copy(t.AirconPowerW, (j, v) => 1500).CopyTo(p.AirconPowerW, 0);
            Copy(t.HvacPowerW, (j, v) => 5500).CopyTo(p.HvacPowerW, 0);
            Copy(t.CabinTempC, (j, v) => 35).CopyTo(p.CabinTempC, 0);
            return p;
        }

        private static RouteSegment[] Plan(TripLog t, PlanOptions o)
        {
            var plan = new RoutePlan();
            o.Build(t, plan);
            return Enumerable.Range(0, plan.SegmentCount).Select(i => plan.Segments[i]).ToArray();
        }

        [TestMethod]
        public void Nav_plan_should_not_change_when_anything_unknown_before_departure_changes()
        {
            foreach (string name in new[] { "TripA16", "TripB37" })
            {
                TripLog trip = Fixture(name);
                RouteSegment[] a = Plan(trip, PlanOptions.Nav), b = Plan(Perturbed(trip), PlanOptions.Nav);
                Assert.AreEqual(a.Length, b.Length, name);
                for (int i = 0; i < a.Length; i++)
                {
                    Assert.AreEqual(a[i].LengthM, b[i].LengthM, 1e-3f, $"{name} seg {i} length");
                    Assert.AreEqual(a[i].ElevationChangeM, b[i].ElevationChangeM, 1e-3f, $"{name} seg {i} elevation");
                    Assert.AreEqual(a[i].ExpectedSpeedKmh, b[i].ExpectedSpeedKmh, 1e-3f, $"{name} seg {i} speed");
                    Assert.AreEqual(a[i].AmbientTempC, b[i].AmbientTempC, 1e-6f, $"{name} seg {i} ambient");
                    Assert.AreEqual(0f, b[i].PositiveKineticMps2, $"{name} seg {i}: no stop-and-go energy in a nav plan");
                }
            }
        }

        [TestMethod]
        public void Oracle_plan_should_change_with_the_same_perturbation()
        {
            // Shows the test above can fail: the oracle reads the time spent, so the inserted stop slows its segments.
            TripLog trip = Fixture("TripA16");
            RouteSegment[] a = Plan(trip, PlanOptions.Oracle), b = Plan(Perturbed(trip), PlanOptions.Oracle);
            Assert.IsTrue(a.Zip(b).Any(p => Math.Abs(p.First.ExpectedSpeedKmh - p.Second.ExpectedSpeedKmh) > 1f));
        }

        [TestMethod]
        public void Nav_planner_should_receive_only_the_pre_departure_view()
        {
            // Structural guard: the planner's inputs cannot reach the log.
            foreach (MethodInfo m in typeof(NavPlanner).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                Assert.IsFalse(m.GetParameters().Any(p => p.ParameterType == typeof(TripLog)), m.Name);
            }

            foreach (MemberInfo f in typeof(PreDepartureView).GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                Type? type = (f as FieldInfo)?.FieldType ?? (f as PropertyInfo)?.PropertyType;
                Assert.AreNotEqual(typeof(TripLog), type, f.Name);
            }
        }

        [TestMethod]
        public void Road_speed_should_exclude_stops_and_average_over_2_km()
        {
            TripLog trip = Fixture("TripA16");
            PreDepartureView v = PreDepartureView.FromTrip(trip, ForecastError.None);
            double moving = 0, movingS = 0;
            for (int i = 0; i < trip.Count; i++)
            {
                if (trip.SpeedKmh[i] >= PreDepartureView.StoppedBelowKmh)
                {
                    moving += trip.SpeedKmh[i] / 3.6;
                    movingS += 1;
                }
            }

            double tripMoving = moving / movingS * 3.6;
            double timeAtRoadSpeed = 0;
            for (int g = 0; g + 1 < v.DistanceM.Count; g++)
            {
                timeAtRoadSpeed += (v.DistanceM[g + 1] - v.DistanceM[g]) / (v.RoadSpeedKmh[g] / 3.6);
            }

            // The road speeds drive the route in about the trip's moving time (not its total time with stops).
            double total = trip.TimeS[^1] - trip.TimeS[0];
            Assert.AreEqual(movingS, timeAtRoadSpeed, 0.1 * movingS, $"moving {movingS:F0} s, total {total:F0} s, mean moving speed {tripMoving:F1} km/h");
            Assert.IsTrue(total - movingS > 60, "the fixture has stops to remove");
            // Smoothed: no grid-to-grid jump larger than a 2 km window allows for 50 m steps.
            double maxJump = Enumerable.Range(1, v.RoadSpeedKmh.Count - 1).Max(g => Math.Abs(v.RoadSpeedKmh[g] - v.RoadSpeedKmh[g - 1]));
            Assert.IsTrue(maxJump < 15, $"max jump {maxJump:F1} km/h between 50 m grid points");
        }

        [TestMethod]
        public void Forecast_temperature_error_should_be_seeded_and_have_the_stated_spread()
        {
            var e = new ForecastError(2.0, 7);
            Assert.AreEqual(e.ForecastFor("TripX", 5.0), e.ForecastFor("TripX", 5.0), "repeatable");
            Assert.AreEqual(5.0, ForecastError.None.ForecastFor("TripX", 5.0));
            double[] d = Enumerable.Range(0, 4000).Select(i => e.ForecastFor("Trip" + i, 0.0)).ToArray();
            double mean = d.Average(), sd = Math.Sqrt(d.Select(x => (x - mean) * (x - mean)).Average());
            Assert.AreEqual(0.0, mean, 0.1, "unbiased");
            Assert.AreEqual(2.0, sd, 0.1, "N(0, 2 °C)");
        }
    }
}
