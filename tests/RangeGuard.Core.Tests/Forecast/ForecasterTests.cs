#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Forecast
{
    [TestClass]
    public class ForecasterTests
    {
        [TestMethod]
        public void Tick_should_give_hand_computed_energy_when_flat_steady_route()
        {
            // 10 km at 90 km/h (25 m/s), 20 °C, pack 25 °C: (150 + 0.4·625) N · 10 km / 0.96 · 1.02 / 3600 = 1180.56 Wh
            // + 300 W · 400 s = 33.33 Wh → 1213.9 Wh; SOC drop 1213.9 / 55,200 Wh = 2.199 %.
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            string error;
            Assert.IsTrue(f.TrySetPlan(TestRoutes.Flat(10, 1000f, 90f, 20f), out error), error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 80f, 25f, 20f), r);
            Assert.IsTrue(r.Valid);
            Check.Near(1.2139, r.Destination.EnergyNeededKwh, 0.001, "kWh");
            Check.Near(80.0 - 2.1991, r.Destination.SocP50, 0.005, "SOC");
            Check.Near(400.0, r.Destination.EtaSeconds, 0.5, "ETA");
            Assert.IsTrue(r.Destination.SocP10 < r.Destination.SocP50 && r.Destination.SocP50 < r.Destination.SocP90, "band order");
            Assert.IsTrue(r.Destination.ProbBelowReserve < 0.01f, "far above reserve");

            // Half way: half the energy is left (O(1) lookup at a new position).
            f.Tick(TestRoutes.At(5000f, 78.9f, 25f, 20f), r);
            Check.Near(0.60695, r.Destination.EnergyNeededKwh, 0.001, "half");
        }

        [TestMethod]
        public void Reported_hvac_should_add_fading_deviation_when_above_model()
        {
            // Model HVAC is 0 at 20 °C with a 20 °C setpoint; the car reports 1000 W. The deviation fades over 900 s:
            // 1000 W · 900 s · (1 − e^(−400/900)) / 3600 = 89.70 Wh on top of 1213.9 Wh.
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            string error;
            f.TrySetPlan(TestRoutes.Flat(10, 1000f, 90f, 20f), out error);
            var r = new ForecastResult();
            ForecastInputs inputs = TestRoutes.At(0f, 80f, 25f, 20f);
            inputs.HvacPowerW = 1000f;
            f.Tick(inputs, r);
            Check.Near(1.3036, r.Destination.EnergyNeededKwh, 0.001, "kWh with reported HVAC");
        }

        [TestMethod]
        public void Tick_should_flag_invalid_when_no_plan_or_nan()
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 80f, 25f, 20f), r);
            Assert.IsFalse(r.Valid);
            string error;
            f.TrySetPlan(TestRoutes.Flat(10, 1000f, 90f, 20f), out error);
            ForecastInputs bad = TestRoutes.At(0f, float.NaN, 25f, 20f);
            f.Tick(bad, r);
            Assert.IsFalse(r.Valid);
            Assert.IsNotNull(r.Reason);
            ForecastInputs stale = TestRoutes.At(0f, 80f, 25f, 20f);
            stale.InputsValid = false;
            f.Tick(stale, r);
            Assert.IsTrue(r.Valid);
            Assert.IsTrue(r.Degraded);
        }

        [TestMethod]
        public void Stranding_distance_should_match_linear_energy_when_soc_too_low()
        {
            // Uniform route: energy is linear in distance, so the car strands at L · available / needed.
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            string error;
            f.TrySetPlan(TestRoutes.Flat(100, 1000f, 90f, 20f), out error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 10f, 25f, 20f), r);
            Assert.IsFalse(r.Destination.Reachable);
            float expected = 100000f * (0.10f * 55200f) / (r.Destination.EnergyNeededKwh * 1000f);
            Check.Near(expected, r.StrandingDistanceM, expected * 0.01, "stranding m");
        }

        [TestMethod]
        public void Chargers_should_report_next_and_last_reachable_when_ahead()
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            RoutePlan plan = TestRoutes.Flat(300, 1000f, 90f, 20f);
            plan.AddCharger(MakeCharger(50000f, 50f));
            plan.AddCharger(MakeCharger(150000f, 50f));
            plan.AddCharger(MakeCharger(290000f, 50f));
            string error;
            Assert.IsTrue(f.TrySetPlan(plan, out error), error);
            var r = new ForecastResult();
            // 121.4 Wh/km; 70 % of 55.2 kWh above the reserve: the charger 230 km ahead is reachable even at P10 (+22 %).
            f.Tick(TestRoutes.At(60000f, 80f, 25f, 20f), r);
            Assert.AreEqual(1, r.NextChargerIndex);
            Check.Near(90000.0, r.NextCharger.DistanceM, 1.0, "distance to next");
            Assert.AreEqual(2, r.LastReachableChargerIndex);
            Assert.IsTrue(r.PointOfNoReturnM > 230000f, "PNR " + r.PointOfNoReturnM.ToString());
        }

        internal static RouteCharger MakeCharger(float positionM, float kw)
        {
            var c = new RouteCharger();
            c.PositionM = positionM;
            c.PowerKw = kw;
            c.IsDc = true;
            c.Name = "C";
            return c;
        }

        [TestMethod]
        public void Breakdown_should_name_cold_causes_when_winter_and_speeding()
        {
            VehicleParams vp = VehicleParams.Preset(VehiclePresets.Reference);
            var f = new EnergyForecaster(vp);
            RoutePlan plan = TestRoutes.Flat(50, 1000f, 130f, -10f);
            plan.CabinSetpointC = 21f;
            for (int i = 0; i < plan.SegmentCount; i++)
            {
                plan.Segments.SpeedLimitKmh[i] = 100f;
            }

            string error;
            Assert.IsTrue(f.TrySetPlan(plan, out error), error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 90f, -5f, -10f), r);
            Assert.IsTrue(r.LossKmByCause[LossCause.Speed] > 1f, "speed");
            Assert.IsTrue(r.LossKmByCause[LossCause.ColdAirAndTyres] > 0.5f, "cold air");
            Assert.IsTrue(r.LossKmByCause[LossCause.CabinHeating] > 1f, "heating");
            Assert.IsTrue(r.LossKmByCause[LossCause.ColdBattery] > 1f, "cold battery");
            Check.Near(0.0, r.LossKmByCause[LossCause.Elevation], 1e-4, "flat");
            Check.Near(0.0, r.LossKmByCause[LossCause.Wind], 1e-4, "calm");
            int top = r.TopCauses[0];
            Assert.IsTrue(top >= 0);
            for (int i = 0; i < LossCause.Count; i++)
            {
                Assert.IsTrue(r.LossKmByCause[top] >= r.LossKmByCause[i], "top cause is the largest");
            }

            Assert.IsTrue(r.TopCauses[1] != top && r.TopCauses[1] >= 0);
            Assert.IsTrue(r.AdviceSetpointGainKm > 0f, "setpoint gain");
        }

        [TestMethod]
        public void Breakdown_should_be_empty_when_mild_and_legal()
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            string error;
            f.TrySetPlan(TestRoutes.Flat(20, 1000f, 90f, 20f), out error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 80f, 25f, 20f), r);
            for (int i = 0; i < LossCause.Count; i++)
            {
                Check.Near(0.0, r.LossKmByCause[i], 1e-3, LossCause.Name(i));
            }

            Assert.AreEqual(-1, r.TopCauses[0]);
        }
    }
}
