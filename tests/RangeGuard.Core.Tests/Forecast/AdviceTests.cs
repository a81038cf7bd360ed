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
    public class AdviceTests
    {
        [TestMethod]
        public void Max_speed_should_be_90_kmh_when_that_speed_just_makes_the_reserve()
        {
            // 100 km flat, planned at 130 km/h. At a steady 90 km/h (25 m/s): (150 + 0.4·625) N · 100 km / 0.96 · 1.02
            // / 3600 = 11,805.6 Wh + 300 W · 4000 s = 333.3 Wh → 12,138.9 Wh = 21.9908 % of 55.2 kWh.
            // With SOC 36.9908 % and a 15 % reserve, 90 km/h is exactly the highest speed that still makes it.
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            RoutePlan plan = TestRoutes.Flat(100, 1000f, 130f, 20f);
            plan.DestinationReservePercent = 15f;
            string error;
            Assert.IsTrue(f.TrySetPlan(plan, out error), error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 36.9908f, 25f, 20f), r);
            Assert.IsTrue(r.Destination.SocP50 < 15f, "at 130 km/h the reserve is missed");
            Check.Near(90.0, r.AdviceMaxSpeedKmh, 0.3, "max speed");
            Check.Near(12138.9, f.CruiseEnergyWh(90f, 0f, 100000f), 2.0, "cruise energy");
        }

        [TestMethod]
        public void Max_speed_should_be_zero_when_no_limit_needed_and_negative_when_hopeless()
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            string error;
            f.TrySetPlan(TestRoutes.Flat(100, 1000f, 90f, 20f), out error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 90f, 25f, 20f), r);
            Check.Near(0.0, r.AdviceMaxSpeedKmh, 1e-6, "no limit");
            f.Tick(TestRoutes.At(0f, 18f, 25f, 20f), r);
            Assert.IsTrue(r.AdviceMaxSpeedKmh < 0f, "nothing suffices: " + r.AdviceMaxSpeedKmh.ToString());
        }

        [TestMethod]
        public void Charge_advice_should_use_charge_curve_when_destination_out_of_reach()
        {
            // 200 km at 110 km/h needs ~57 % SOC; from 60 % the destination misses its 15 % reserve, so the
            // 150 kW DC charger at 100 km is advised (44 kW into a 5 °C pack vs 100 kW preconditioned), with minutes from the battery's charge curve at the pack temperature.
            VehicleParams vp = TestRoutes.SimpleCar();
            var f = new EnergyForecaster(vp);
            RoutePlan plan = TestRoutes.Flat(200, 1000f, 110f, 20f);
            plan.AddCharger(ForecasterTests.MakeCharger(100000f, 150f));
            string error;
            Assert.IsTrue(f.TrySetPlan(plan, out error), error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 60f, 5f, 20f), r);
            Assert.AreEqual(0, r.AdviceChargerIndex);
            Assert.IsTrue(r.AdviceChargeToSocPercent > 40f && r.AdviceChargeToSocPercent <= 100f, "to " + r.AdviceChargeToSocPercent.ToString());
            float expected = vp.Battery.ChargeMinutes(r.NextCharger.SocP50, r.AdviceChargeToSocPercent, 5f, 20f, 150f, true, vp.AuxBaseW / 1000f, 1f, -1f);
            Check.Near(expected, r.AdviceChargeMinutes, 0.05, "minutes from the curve, with the car's own load and the air temperature");
            Assert.IsTrue(r.AdviceChargeMinutes > r.AdviceChargeMinutesPreconditioned * 1.5f, "cold pack charges slower");
            Check.Near(0.0, r.AdviceMaxSpeedKmh, 1e-6, "the charger leg needs no limit");
        }

        [TestMethod]
        public void Charge_advice_at_the_charger_should_take_the_measured_power_for_the_limit_that_binds()
        {
            // Standing 10 m before a 150 kW DC charger (the plan's origin when a charge starts), 20 % in a warm pack: the model
            // says the pack binds (100 kW peak < 142.5 kW delivered). It takes 40 kW: the pack's curve is scaled to that.
            VehicleParams vp = TestRoutes.SimpleCar();
            EnergyForecaster f = TestRoutes.Planned(vp, TestRoutes.FlatFromDcCharger(150f));
            var r = new ForecastResult();
            ForecastInputs at = TestRoutes.At(0f, 20f, 25f, 20f);
            f.Tick(at, r);
            Assert.AreEqual(0, r.AdviceChargerIndex, "the charger the car stands at, although reached below its reserve");
            float modelled = r.AdviceChargeMinutes;
            at.BatteryPowerW = -40000f;
            f.Tick(at, r);
            float load = vp.AuxBaseW / 1000f;
            float from = r.NextCharger.SocP50;
            float scale = 40f / vp.Battery.ChargeAcceptKw(from, 25f);
            float expected = vp.Battery.ChargeMinutes(from, r.AdviceChargeToSocPercent, 25f, 20f, 150f, true, load, scale, -1f);
            Check.Near(expected, r.AdviceChargeMinutes, 0.05, "the pack's acceptance scaled to what it takes");
            Assert.IsTrue(r.AdviceChargeMinutes > 2f * modelled, r.AdviceChargeMinutes.ToString() + " vs " + modelled.ToString());
        }

        [TestMethod]
        public void Charge_advice_at_a_stall_that_gives_less_than_its_rating_should_keep_the_cars_taper()
        {
            // A 50 kW DC stall (47.5 kW delivered, below the car's 100 kW peak: the stall is the nominal limit), 20 % in a warm
            // pack, and it gives 30 kW (derated or shared): the stall's power caps the charge and the car's own taper stays the
            // model's. Scaling the taper too (the reading for a car that takes less) would add the minutes a derated stall
            // does not cost once the car's own acceptance falls below 30 kW.
            VehicleParams vp = TestRoutes.SimpleCar();
            EnergyForecaster f = TestRoutes.Planned(vp, TestRoutes.FlatFromDcCharger(50f));
            var r = new ForecastResult();
            ForecastInputs at = TestRoutes.At(0f, 20f, 25f, 20f);
            at.BatteryPowerW = -30000f;
            f.Tick(at, r);
            Assert.AreEqual(0, r.AdviceChargerIndex, "the charger the car stands at");
            float load = vp.AuxBaseW / 1000f;
            float from = r.NextCharger.SocP50;
            float to = r.AdviceChargeToSocPercent;
            float capped = vp.Battery.ChargeMinutes(from, to, 25f, 20f, (30f + load) / vp.Battery.DcChargeEfficiency, true, load, 1f, -1f);
            Check.Near(capped, r.AdviceChargeMinutes, 0.05, "the stall's measured power, the car's taper");
            float k = 30f / (vp.Battery.ChargerDeliveredKw(50f, true) - load);
            float scaled = vp.Battery.ChargeMinutes(from, to, 25f, 20f, (k * (vp.Battery.ChargerDeliveredKw(50f, true) - load) + load) / vp.Battery.DcChargeEfficiency,
                true, load, k, -1f);
            // To 84 %: 72.2 min capped, 73.6 scaled: the check above tells them apart.
            Assert.IsTrue(scaled - capped > 1f, "to " + to.ToString() + ": " + scaled.ToString() + " scaled vs " + capped.ToString() + " capped");
        }

        [TestMethod]
        public void At_a_charger_with_a_departure_the_forecast_should_say_what_leaving_then_means()
        {
            // 10 m before an 11 kW AC charger with 15 % in a 20 °C pack, 200 km to go, leaving in an hour.
            VehicleParams vp = TestRoutes.SimpleCar();
            EnergyForecaster f = TestRoutes.Planned(vp, TestRoutes.FlatFromAcCharger(11f));
            var r = new ForecastResult();
            ForecastInputs at = TestRoutes.At(0f, 15f, 20f, 20f);
            f.Tick(at, r);
            Assert.IsTrue(float.IsNaN(r.DepartureSocPercent), "not plugged in: no departure forecast");

            at.PluggedIn = true;
            at.DepartureInS = 3600f;
            f.Tick(at, r);
            float expected = vp.Battery.ChargeSocAfter(15f, 60f, 20f, 20f, 11f, false, vp.AuxBaseW / 1000f, 1f, -1f);
            Check.Near(expected, r.DepartureSocPercent, 0.01, "an hour of the same charge model");
            Assert.IsTrue(r.DepartureSocPercent > 30f && r.DepartureSocPercent < 35f, r.DepartureSocPercent.ToString());
            Check.Near(r.Destination.SocP50 + (expected - 15f), r.DepartureDestinationSocP50, 0.01, "the median arrival, leaving then");
            Assert.IsTrue(r.DepartureDestinationSocP90 < 0f, "200 km on 33 %: not even the optimistic case");
            Assert.IsFalse(r.DepartureChargerReachable, "no other charger");
            Check.Near(expected, vp.Battery.ChargeSocAfter(15f, vp.Battery.ChargeMinutes(15f, expected, 20f, 20f, 11f, false, vp.AuxBaseW / 1000f, 1f, -1f),
                20f, 20f, 11f, false, vp.AuxBaseW / 1000f, 1f, -1f), 0.01, "SocAfter and ChargeMinutes are one model");
        }

        [TestMethod]
        public void Charging_the_advice_should_move_on_only_when_the_next_charger_is_reached_with_a_margin()
        {
            // Plugged in 10 m before an 11 kW charger, a 150 kW one at 100 km, 200 km to go: the destination needs a charge.
            // Driving past, the farthest charger reached with its reserve at P10 is the one to charge at; charging here, the
            // advice moves on only once that charger keeps OnwardMarginPct more, else a forecast error on the next leg
            // takes it out of reach after the driver has unplugged.
            RoutePlan plan = TestRoutes.Flat(200, 1000f, 110f, 20f);
            plan.AddCharger(ForecasterTests.MakeCharger(10f, 11f));
            plan.AddCharger(ForecasterTests.MakeCharger(100000f, 150f));
            float reserve = plan.ChargerReservePercent;
            bool sawThin = false, sawAmple = false;
            for (float soc = 20f; soc <= 80f; soc += 0.5f)
            {
                var f = new EnergyForecaster(TestRoutes.SimpleCar());
                string error;
                Assert.IsTrue(f.TrySetPlan(plan, out error), error);
                var r = new ForecastResult();
                ForecastInputs at = TestRoutes.At(0f, soc, 20f, 20f);
                at.PluggedIn = true;
                f.Tick(at, r);
                Assert.AreEqual(1, r.AheadIndex[1]);
                float onwardP10 = r.Ahead[1].SocP10;
                if (r.Destination.SocP10 >= plan.DestinationReservePercent)
                {
                    break;
                }

                if (onwardP10 >= reserve + 1f && onwardP10 < reserve + EnergyForecaster.OnwardMarginPct - 1f)
                {
                    sawThin = true;
                    Assert.AreEqual(0, r.AdviceChargerIndex, "charge here: the next charger only just makes its reserve (" + onwardP10.ToString() + " %)");
                    at.PluggedIn = false;
                    f.Tick(at, r);
                    Assert.AreEqual(1, r.AdviceChargerIndex, "not charging, the farthest charger reached with its reserve");
                }
                else if (onwardP10 >= reserve + EnergyForecaster.OnwardMarginPct + 1f)
                {
                    sawAmple = true;
                    Assert.AreEqual(1, r.AdviceChargerIndex, "the next charger is reached with the margin (" + onwardP10.ToString() + " %): charge there");
                }
            }

            Assert.IsTrue(sawThin && sawAmple, "the SOC scan covers both cases");
        }
    }
}
