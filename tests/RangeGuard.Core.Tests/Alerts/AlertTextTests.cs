#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts.Rules;
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Ports;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Alerts
{
    [TestClass]
    public class AlertTextTests
    {
        private static AgentRig NewRig()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(40f, 10f, -8f, 120f);
            rig.SetPlan();
            return rig;
        }

        [TestMethod]
        public void ArriveLow_should_raise_advisory_with_causes_and_speed_advice_when_median_below_reserve()
        {
            AgentRig rig = NewRig();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = 6f;
            f.Destination.SocP10 = 2f;
            f.LossKmByCause[LossCause.ColdAirAndTyres] = 30f;
            f.LossKmByCause[LossCause.Speed] = 22f;
            f.LossKmByCause[LossCause.CabinHeating] = 12f;
            f.TopCauses[0] = LossCause.ColdAirAndTyres;
            f.TopCauses[1] = LossCause.Speed;
            f.TopCauses[2] = LossCause.CabinHeating;
            f.AdviceMaxSpeedKmh = 105f;
            rig.Step(1);

            AlertSlot s = rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual(AlertSeverity.Advisory, s.Severity);
            Assert.AreEqual("RG-ARRIVE-LOW", s.Code);
            // Cold merges cold air/tyres 30 km and cabin heating 12 km: -42 km.
            Assert.AreEqual("Arrive 6 % — cold -8 °C (-42 km), 120 km/h (-22 km); stay below 105 km/h", s.Text);
            Assert.AreEqual(LedPattern.Steady, rig.Dash.Amber);
            Assert.AreEqual(LedPattern.Off, rig.Dash.Green);
            Assert.AreEqual(BuzzerPattern.Chirp, rig.Dash.Buzzer);
            Assert.AreEqual(1, rig.Outbox.Count(rig.AlertTopic, "\"code\":\"RG-ARRIVE-LOW\"", "\"event\":\"raise\""));

            // Advisory chirps for 3 s only.
            rig.Step(3);
            Assert.AreEqual(BuzzerPattern.Off, rig.Dash.Buzzer);
            Assert.IsTrue(s.Active);
        }

        [TestMethod]
        public void ChargeRequired_should_name_charger_and_minutes_when_pessimistic_arrival_below_zero()
        {
            AgentRig rig = NewRig();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = 4f;
            f.Destination.SocP10 = -3f;
            f.NextChargerIndex = 1;
            f.NextCharger.Exists = true;
            f.LastReachableChargerIndex = 2;
            f.PointOfNoReturnM = 60000f;
            f.AdviceChargerIndex = 1;
            f.AdviceChargeMinutes = 25f;
            f.AdviceChargeToSocPercent = 80f;
            rig.Step(1);

            AlertSlot s = rig.Agent.Alerts.Slot(ChargeRequiredRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual(AlertSeverity.Warning, s.Severity);
            Assert.AreEqual("Charge at Milford CT: 25 min to 80 %; destination needs it", s.Text);
            Assert.AreEqual(ChargeRequiredRule.AlertCode, rig.Agent.Alerts.Slot(rig.Agent.Alerts.TopKind).Code);
            Assert.AreEqual(LedPattern.SlowBlink, rig.Dash.Amber);
            Assert.AreEqual(BuzzerPattern.Beep, rig.Dash.Buzzer);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(PointOfNoReturnRule.AlertCode), "60 km to the point of no return is not yet critical");
        }

        [TestMethod]
        public void PointOfNoReturn_should_raise_critical_with_km_and_minutes_to_last_charger()
        {
            AgentRig rig = NewRig();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = 1f;
            f.Destination.SocP10 = -6f;
            f.NextChargerIndex = 1;
            f.NextCharger.Exists = true;
            f.NextCharger.DistanceM = 42000f;
            f.NextCharger.EtaSeconds = 1800f;
            f.LastReachableChargerIndex = 1;
            f.PointOfNoReturnM = 12000f;
            f.AdviceChargerIndex = 1;
            rig.Step(1);

            AlertSlot s = rig.Agent.Alerts.Slot(PointOfNoReturnRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual(AlertSeverity.Critical, s.Severity);
            // The car moved 120 km/h * 1 s = 33 m: the charger at 42 km is 41.97 km ahead -> "42 km", 41967 m at 42000 m / 1800 s -> 30 min.
            Assert.AreEqual("Last reachable charger Milford CT 42 km / 30 min ahead; destination not reachable without it", s.Text);
            Assert.AreEqual(LedPattern.FastBlink, rig.Dash.Red);
            Assert.AreEqual(BuzzerPattern.Alarm, rig.Dash.Buzzer);
        }

        [TestMethod]
        public void NothingReachable_should_stay_down_when_a_slower_pace_still_arrives()
        {
            AgentRig rig = NewRig();
            rig.Step(10);
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -6f;
            f.Destination.SocP10 = -11f;
            f.Destination.Reachable = false;
            f.LastReachableChargerIndex = -1;
            f.StrandingDistanceM = 300000f;
            f.AdviceMaxSpeedKmh = 70f; // the forecaster found a cruise speed that arrives with the reserve
            rig.Feed(InputId.SpeedKmh, 70f); // and the driver keeps to it (SeverityTests: one who ignores it)
            rig.Step(300);

            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "not 'nothing reachable' when 70 km/h arrives");
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode), "the arrival advisory carries the speed advice");
            StringAssert_Contains("stay below 70 km/h", rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).Text);

            f.AdviceMaxSpeedKmh = -1f; // no pace suffices any more
            rig.Step(5);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "critical once no pace arrives");
        }

        private static void StringAssert_Contains(string expected, string text)
        {
            Assert.IsTrue(text != null && text.IndexOf(expected) >= 0, "'" + expected + "' in '" + text + "'");
        }

        [TestMethod]
        public void NothingReachable_should_flag_fleet_with_position_and_stranding_point()
        {
            AgentRig rig = NewRig();
            rig.Step(10); // the first tick only starts the clock: 10 intervals at 120 km/h by the next tick = 333 m
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -9f;
            f.Destination.SocP10 = -14f;
            f.Destination.Reachable = false;
            f.LastReachableChargerIndex = -1;
            f.StrandingDistanceM = 18000f;
            f.TopCauses[0] = LossCause.Speed;
            f.LossKmByCause[LossCause.Speed] = 15f;
            rig.Step(1);

            AlertSlot s = rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.IsTrue(s.FleetFlag);
            Assert.AreEqual("Nothing reachable: strands in 18 km — 120 km/h (-15 km); fleet crew alerted", s.Text);
            Check.Near(333.3, s.PositionM, 0.5, "position at raise, m");
            Check.Near(18333.3, s.StrandAtM, 0.5, "stranding point, m from start");
            string msg = rig.Outbox.Last(rig.AlertTopic, "RG-STRANDED");
            Assert.IsNotNull(msg);
            Assert.IsTrue(msg.IndexOf("\"fleet\":true,\"pos_m\":333,\"odo_km\":null,\"strand_m\":18333") >= 0, msg);
            Assert.IsTrue(msg.IndexOf("\"sev\":\"critical\"") >= 0, msg);
        }

        [TestMethod]
        public void ColdSoak_should_say_plug_in_tonight_with_pack_temperature_at_departure()
        {
            AgentRig rig = NewRig();
            rig.Drive(60f, 5f, 2f, 0f);
            // Departure 10 h after the start (06:00Z), forecast minimum -12 °C, the pack's loss on the cold side (1.5 × 15 W/K):
            // -12 + 17·e^(-22.5·36000/450000) = -9.2 °C.
            rig.Forecaster.ColdSoakLossKm = 23f; // the forecaster's cold-soak estimate, asked by the agent itself
            rig.Agent.SetDeparture(AgentRig.StartMs + 36000000 + 1000, -12f);
            rig.Step(1);

            AlertSlot s = rig.Agent.Alerts.Slot(ColdSoakRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual("Plug in tonight: pack -9 °C by 06:00, -23 km range", s.Text);

            // The car goes to sleep: inputs stale, the alert stays (last known values, cooling from the last reading).
            for (int i = 0; i < InputId.Count; i++)
            {
                rig.Silence(i);
            }

            rig.Step(600);
            Assert.IsTrue(s.Active, "still at risk while the bus sleeps");
            Assert.AreEqual(1, s.RaiseCount);

            // Plugged in: the risk is gone once it has stayed gone for the clear hold.
            rig.Feed(InputId.ChargingState, 1f);
            rig.Step(60);
            Assert.IsTrue(s.Active, "clear for 59 s after the first clear tick: held");
            rig.Step(1);
            Assert.IsFalse(s.Active);
        }

        [TestMethod]
        public void Degraded_should_name_the_stale_input_then_the_silent_bridge()
        {
            AgentRig rig = NewRig();
            rig.Step(1);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(DegradedRule.AlertCode));

            rig.Silence(InputId.BatteryTempAvgC);
            rig.Step(5);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(DegradedRule.AlertCode), "5 s old is still fresh");
            rig.Step(1);
            AlertSlot s = rig.Agent.Alerts.Slot(DegradedRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual("Degraded: battery_temp_avg_c stale", s.Text);
            Assert.AreEqual(1, rig.Agent.Counters.StaleEvents);

            for (int i = 0; i < InputId.Count; i++)
            {
                rig.Silence(i);
            }

            // Worse by a step (stale -> silent) re-alerts, but not within 60 s of the last announcement.
            rig.Step(59);
            Assert.AreEqual("Degraded: battery_temp_avg_c stale", s.Text);
            rig.Step(1);
            Assert.AreEqual("Degraded: CAN bridge silent", s.Text);
            Assert.IsFalse(s.Acknowledged);
        }

        [TestMethod]
        public void Degraded_should_report_uncertainty_with_hysteresis()
        {
            AgentRig rig = NewRig();
            rig.Forecaster.Next.Destination.SocP50 = 30f;
            rig.Forecaster.Next.Destination.SocP10 = 12f; // below the reserve: the uncertainty matters
            rig.Forecaster.Next.BandRelativeWidth = 0.56f;
            rig.Step(1);
            AlertSlot s = rig.Agent.Alerts.Slot(DegradedRule.AlertCode);
            Assert.AreEqual("Degraded: prediction uncertain ±28 %", s.Text);

            rig.Forecaster.Next.BandRelativeWidth = 0.47f; // between exit (0.45) and enter (0.50): stays
            rig.Step(120);
            Assert.IsTrue(s.Active);
            rig.Forecaster.Next.BandRelativeWidth = 0.44f;
            rig.Step(60);
            Assert.IsTrue(s.Active, "clear for 59 s only");
            rig.Step(1);
            Assert.IsFalse(s.Active);
        }

        [TestMethod]
        public void Degraded_should_stay_silent_about_a_wide_band_when_even_the_pessimistic_arrival_is_comfortable()
        {
            AgentRig rig = NewRig();
            rig.Forecaster.Next.Destination.SocP50 = 60f;
            rig.Forecaster.Next.Destination.SocP10 = 40f; // reserve 15 %: arrives fine either way
            rig.Forecaster.Next.BandRelativeWidth = 0.6f;
            rig.Forecaster.Next.Degraded = true;
            rig.Step(120);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(DegradedRule.AlertCode));
            Assert.AreEqual(0, rig.Agent.Alerts.Transitions);
        }

        [TestMethod]
        public void Stranded_should_not_realert_while_driving_toward_an_unchanged_stranding_point()
        {
            AgentRig rig = NewRig();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -20f;
            f.Destination.SocP10 = -30f;
            f.Destination.Reachable = false;
            f.LastReachableChargerIndex = -1;
            // 120 km/h for 20 min = 40 km: the stranding point stays at 60 km from the start, its distance shrinks.
            for (int t = 0; t < 1200; t++)
            {
                f.StrandingDistanceM = 60000f - rig.Agent.PositionM;
                rig.Step(1);
            }

            AlertSlot s = rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual(1, rig.Outbox.Count(rig.AlertTopic, "RG-STRANDED", "\"event\":\"raise\""));
            Assert.AreEqual(0, rig.Outbox.Count(rig.AlertTopic, "RG-STRANDED", "\"event\":\"worse\""), "the point did not move");

            // Now the point moves 10 km closer: worse by more than a 5 km step, one re-alert.
            for (int t = 0; t < 120; t++)
            {
                f.StrandingDistanceM = 50000f - rig.Agent.PositionM;
                rig.Step(1);
            }

            Assert.AreEqual(1, rig.Outbox.Count(rig.AlertTopic, "RG-STRANDED", "\"event\":\"worse\""));
        }

        [TestMethod]
        public void ArriveLow_should_quote_the_speed_loss_in_km_when_the_car_is_barely_moving()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(40f, 10f, -8f, 4f); // rolling out of a charger bay
            rig.SetPlan();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = 6f;
            f.Destination.SocP10 = 2f;
            f.LossKmByCause[LossCause.Speed] = 22.4f;
            f.LossKmByCause[LossCause.ColdAirAndTyres] = 10f;
            f.TopCauses[0] = LossCause.Speed;
            f.TopCauses[1] = LossCause.ColdAirAndTyres;
            f.TopCauses[2] = -1;
            rig.Step(1);
            Assert.AreEqual("Arrive 6 % — speed (-22 km), cold -8 °C (-10 km)", rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).Text);
        }

        [TestMethod]
        public void Stranded_and_ponr_should_not_be_raised_while_plugged_in_at_a_charger()
        {
            AgentRig rig = NewRig();
            rig.Feed(InputId.SpeedKmh, 0f);
            rig.Feed(InputId.ChargingState, 3f); // arrived with 5 %: below the charger reserve, charging
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -30f;
            f.Destination.SocP10 = -40f;
            f.Destination.Reachable = false;
            f.LastReachableChargerIndex = -1;
            f.StrandingDistanceM = 17000f;
            rig.Step(120);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode));
            Assert.IsFalse(rig.Agent.Alerts.IsActive(PointOfNoReturnRule.AlertCode));

            rig.Feed(InputId.ChargingState, 0f); // unplugged: not yet, the car still stands there
            rig.Step(10);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "standing unplugged");

            rig.Feed(InputId.SpeedKmh, 20f); // drives off still short: now it is true
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode));
        }

        [TestMethod]
        public void ArriveLow_should_name_the_destination_when_the_plan_has_one()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(40f, 10f, -2f, 110f);
            rig.SetPlan();
            rig.Plan.DestinationName = "Milford CT SB";
            string error;
            rig.Agent.TrySetPlan(rig.Plan, out error);
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -12f;
            f.Destination.SocP10 = -20f;
            f.LossKmByCause[LossCause.ColdAirAndTyres] = 40.4f;
            f.LossKmByCause[LossCause.Speed] = 25f;
            f.TopCauses[0] = LossCause.ColdAirAndTyres;
            f.TopCauses[1] = LossCause.Speed;
            f.TopCauses[2] = -1;
            rig.Step(1);
            Assert.AreEqual("Arrive -12 % at Milford CT SB — cold -2 °C (-40 km), 110 km/h (-25 km)", rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).Text);
        }

        [TestMethod]
        public void ArriveLow_should_leave_out_a_cause_that_costs_under_2_km()
        {
            AgentRig rig = NewRig();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = 4f;
            f.Destination.SocP10 = -2f;
            f.LossKmByCause[LossCause.CabinHeating] = 81f;
            f.LossKmByCause[LossCause.Speed] = 1.4f;
            f.TopCauses[0] = LossCause.CabinHeating;
            f.TopCauses[1] = LossCause.Speed;
            f.TopCauses[2] = -1;
            rig.Step(1);
            Assert.AreEqual("Arrive 4 % — cold -8 °C (-81 km)", rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).Text);
        }

        [TestMethod]
        public void ArriveLow_should_wait_for_departure_while_plugged_in_and_charging()
        {
            AgentRig rig = NewRig();
            rig.Feed(InputId.SpeedKmh, 0f);
            rig.Feed(InputId.ChargingState, 3f); // arrived at 40 %, charging: the arrival figure from now is not the news
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -62f;
            f.Destination.SocP10 = -70f;
            rig.Step(120);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode));

            rig.Feed(InputId.ChargingState, 0f); // unplugged still short: now it is news
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode));
        }

        [TestMethod]
        public void Stranded_should_wait_for_departure_when_parked_overnight_and_come_when_the_car_leaves()
        {
            AgentRig rig = NewRig();
            rig.Feed(InputId.SpeedKmh, 0f);
            rig.Agent.SetDeparture(rig.Clock.NowMs + 12L * 3600000L, -15f); // parked unplugged, leaving at 07:00
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -14f;
            f.Destination.SocP10 = -25f;
            f.Destination.Reachable = false;
            f.LastReachableChargerIndex = -1;
            f.StrandingDistanceM = 112000f;
            rig.Step(3600);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "no alarm all night");

            rig.Agent.SetDeparture(-1, 0f); // the departure came: the car leaves still short
            rig.Step(1);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "not before it moves");
            rig.Feed(InputId.SpeedKmh, 15f);
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode));
        }

        [TestMethod]
        public void Clock_text_should_round_to_the_nearest_minute()
        {
            long midnight = 1767916800000; // 2026-01-09 00:00 UTC
            Assert.AreEqual("08:30", AlertTexts.ClockText(midnight + 8 * 3600000L + 29 * 60000L + 59900L));
            Assert.AreEqual("08:29", AlertTexts.ClockText(midnight + 8 * 3600000L + 29 * 60000L + 29000L));
            Assert.AreEqual("00:00", AlertTexts.ClockText(midnight + 23 * 3600000L + 59 * 60000L + 45000L));
        }

        [TestMethod]
        public void An_air_temperature_never_received_should_reach_neither_the_forecaster_nor_a_text_as_a_value()
        {
            AgentRig rig = new AgentRig();
            rig.Feed(InputId.SocPercent, 40f);
            rig.Feed(InputId.BatteryTempAvgC, 10f);
            rig.Feed(InputId.SpeedKmh, 120f);
            rig.Feed(InputId.ChargingState, 0f);
            rig.SetPlan();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = 6f;
            f.Destination.SocP10 = 2f;
            f.LossKmByCause[LossCause.ColdAirAndTyres] = 30f;
            f.TopCauses[0] = LossCause.ColdAirAndTyres;
            rig.Step(1);
            Assert.IsTrue(float.IsNaN(rig.Forecaster.LastInputs.AmbientTempC), "not 0 °C: the real forecaster then declines (NaN input)");
            Assert.AreEqual("Arrive 6 % — cold (-30 km)", rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).Text);
            Assert.AreEqual("Degraded: ambient_temp_c not received", rig.Agent.Alerts.Slot(DegradedRule.AlertCode).Text);

            var real = new EnergyForecaster(RangeGuard.Vehicle.VehicleParams.Preset("rangeguard-ref"));
            RoutePlan plan = new RoutePlan();
            RouteSegment seg = new RouteSegment();
            seg.LengthM = 50000f;
            seg.ExpectedSpeedKmh = 110f;
            seg.SpeedLimitKmh = 120f;
            plan.AddSegment(seg);
            string error;
            Assert.IsTrue(real.TrySetPlan(plan, out error), error);
            var result = new ForecastResult();
            real.Tick(rig.Forecaster.LastInputs, result);
            Assert.IsFalse(result.Valid, "no forecast from an air temperature nobody measured");
        }
    }
}
