#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts.Rules;
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Preconditioning
{
    [TestClass]
    public class PreconditioningTests
    {
        private static AgentRig DcRig(float packC, float ambientC, float socP10)
        {
            AgentRig rig = new AgentRig();
            rig.Drive(60f, packC, ambientC, 100f);
            rig.SetPlan();
            ForecastResult f = rig.Forecaster.Next;
            f.NextChargerIndex = 1; // "Milford CT", DC
            f.NextCharger.Exists = true;
            f.NextCharger.SocP10 = socP10;
            f.NextCharger.EtaSeconds = 3600f;
            return rig;
        }

        /// <summary>Counts the ETA down from <paramref name="etaS"/> and returns the ETA-elapsed second at which the heater came on (-1 never).</summary>
        private static int RunUntilArrival(AgentRig rig, int etaS, bool simulatePack)
        {
            return Run(rig, etaS, simulatePack, etaS);
        }

        private static int Run(AgentRig rig, int etaS, bool simulatePack, int seconds)
        {
            int start = -1;
            PackThermalParams p = rig.Config.Thermal;
            for (int t = 0; t <= seconds; t++)
            {
                rig.Forecaster.Next.NextCharger.EtaSeconds = t < etaS ? etaS - t : 0;
                rig.Step(1);
                if (rig.Heater.IsOn && start < 0)
                {
                    start = t;
                }

                if (simulatePack)
                {
                    float power = rig.Heater.IsOn ? p.HeaterPowerW : 0f;
                    rig.Feed(InputId.BatteryTempAvgC, ThermalModel.TempAfter(rig.Value(InputId.BatteryTempAvgC), rig.Value(InputId.AmbientTempC), power, p, 1f));
                }
            }

            return start;
        }

        [TestMethod]
        public void Dc_heating_should_start_at_closed_form_time_when_pack_at_ambient()
        {
            AgentRig rig = DcRig(5f, 5f, 40f);
            rig.Step(1);
            Check.Near(2.6964, rig.Agent.Preconditioning.PlannedHeatingKwh, 0.005, "planned heating energy, kWh");
            rig.Step(1);
            Check.Near(2.6964, rig.Forecaster.LastInputs.PlannedHeatingKwh, 0.005, "energy fed into the forecast, kWh");

            // Arrival in 3600 s, heating takes 1617.85 s: start at 1982 s.
            int start = RunUntilArrival(rig, 3600, false);
            Assert.IsTrue(start >= 1982 - 60 && start <= 1982 + 60, "start at " + start.ToString());
            Assert.AreEqual("Heating battery for Milford CT: 27 min, 2.7 kWh", rig.Agent.Alerts.Slot(PreconditioningOnRule.AlertCode).Text);
        }

        [TestMethod]
        public void Dc_heating_should_start_at_closed_form_time_when_ambient_is_colder()
        {
            // Pack 0 °C, ambient −10 °C: steady 390 °C, t = 30000·ln(390/364) = 2069.8 s -> start at 1530 s.
            AgentRig rig = DcRig(0f, -10f, 40f);
            int start = RunUntilArrival(rig, 3600, false);
            Assert.IsTrue(start >= 1530 - 60 && start <= 1530 + 60, "start at " + start.ToString());
        }

        [TestMethod]
        public void Dc_heating_should_bring_pack_into_window_on_arrival_and_stop_at_target()
        {
            AgentRig rig = DcRig(5f, 5f, 40f);
            RunUntilArrival(rig, 3600, true);
            float pack = rig.Value(InputId.BatteryTempAvgC);
            Assert.IsTrue(pack >= 25f && pack <= 27f, "pack on arrival " + pack.ToString());
            Run(rig, 0, true, 60); // waiting at the charger: reaches the 26 °C target and stops
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(1, rig.Heater.OnCount);
            Assert.AreEqual(PreconditioningPlanner.ReasonTargetReached, rig.Agent.Preconditioning.EventReason);
            Assert.AreEqual("Battery heating stopped: target reached", rig.Agent.Alerts.Slot(PreconditioningStoppedRule.AlertCode).Text);
        }

        [TestMethod]
        public void Dc_heating_should_be_declined_when_it_would_cost_the_charger_reserve()
        {
            // 12 % pessimistic arrival − 2.70 kWh / 75 kWh (3.6 %) = 8.4 % < 10 % reserve.
            AgentRig rig = DcRig(5f, 5f, 12f);
            int start = RunUntilArrival(rig, 3600, false);
            Assert.AreEqual(-1, start);
            Assert.AreEqual(0, rig.Heater.OnCount);
            AlertSlot s = rig.Agent.Alerts.Slot(PreconditioningDeclinedRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual(1, s.RaiseCount);
            Assert.AreEqual("Battery heating declined for Milford CT: would miss the charger reserve (8 % < 10 %)", s.Text);
            Assert.AreEqual(0f, rig.Forecaster.LastInputs.PlannedHeatingKwh);
        }

        [TestMethod]
        public void Dc_plan_should_not_double_count_heating_fed_into_the_forecast()
        {
            // 15 % − 3.6 % = 11.4 % >= 10 %: planned; the forecast then shows 11.4 %, which must not be read as 7.8 %.
            AgentRig rig = DcRig(5f, 5f, 15f);
            rig.Step(100);
            Assert.AreEqual(PreconditioningPlanner.ModeWaitingDc, rig.Agent.Preconditioning.Mode);
            Check.Near(11.4, rig.Agent.Preconditioning.SocAfterHeatingPct, 0.05, "SOC after heating, %");
            Assert.AreEqual(0, rig.Agent.Alerts.Slot(PreconditioningDeclinedRule.AlertCode).RaiseCount);
        }

        [TestMethod]
        public void Departure_heating_should_start_at_closed_form_time_when_plugged_in()
        {
            // Pack and ambient −5 °C: t = 30000·ln(400/369) = 2420.0 s before the 22:00 departure -> start 4780 s after 20:00.
            AgentRig rig = new AgentRig();
            rig.Drive(60f, -5f, -5f, 0f);
            rig.Feed(InputId.ChargingState, 1f);
            rig.SetPlan();
            rig.Agent.SetDeparture(AgentRig.StartMs + 7200000, -8f);
            int start = -1;
            for (int t = 1; t <= 7200 && start < 0; t++)
            {
                rig.Step(1);
                if (rig.Heater.IsOn)
                {
                    start = t;
                }
            }

            Assert.IsTrue(start >= 4780 - 60 && start <= 4780 + 60, "start at " + start.ToString());
            Assert.AreEqual(0f, rig.Agent.Preconditioning.PlannedHeatingKwh, "grid energy is not part of the trip forecast");
            Assert.AreEqual("Heating battery from grid for 22:00 departure: 40 min", rig.Agent.Alerts.Slot(PreconditioningOnRule.AlertCode).Text);
        }

        [TestMethod]
        public void Departure_heating_should_stop_when_unplugged()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(60f, -5f, -5f, 0f);
            rig.Feed(InputId.ChargingState, 1f);
            rig.SetPlan();
            rig.Agent.SetDeparture(AgentRig.StartMs + 1800000, -8f);
            rig.Step(1);
            Assert.IsTrue(rig.Heater.IsOn, "30 min to departure < 40 min needed: heat now");
            rig.Feed(InputId.ChargingState, 0f);
            rig.Step(1);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonUnplugged, rig.Agent.Preconditioning.EventReason);
        }

        private static AgentRig HeatingRig()
        {
            AgentRig rig = DcRig(5f, 5f, 40f);
            rig.Forecaster.Next.NextCharger.EtaSeconds = 1000f;
            rig.Step(1);
            Assert.IsTrue(rig.Heater.IsOn, "heating");
            return rig;
        }

        [TestMethod]
        public void Dc_heating_should_stop_when_charger_leaves_the_plan()
        {
            AgentRig rig = HeatingRig();
            rig.Forecaster.Next.NextChargerIndex = 2; // re-routed: another charger is next
            rig.Step(1);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonChargerLeftPlan, rig.Agent.Preconditioning.EventReason);
        }

        [TestMethod]
        public void Dc_heating_should_stop_with_arrived_when_the_charger_drops_out_of_the_forecast_at_its_eta()
        {
            AgentRig rig = HeatingRig();
            rig.Forecaster.Next.NextCharger.EtaSeconds = 30f;
            rig.Step(1);
            Assert.IsTrue(rig.Heater.IsOn, "30 s before the charger the pack is still below the window");
            rig.Forecaster.Next.NextChargerIndex = -1; // passed its position: no charger ahead
            rig.Forecaster.Next.NextCharger.Exists = false;
            rig.Step(1);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonArrived, rig.Agent.Preconditioning.EventReason);
        }

        [TestMethod]
        public void Dc_heating_should_stop_when_a_new_plan_is_set()
        {
            AgentRig rig = HeatingRig();
            rig.SetPlan();
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonPlanChanged, rig.Agent.Preconditioning.EventReason);
            Assert.AreEqual(0f, rig.Agent.PositionM);
        }

        [TestMethod]
        public void Dc_heating_should_stop_when_reserve_turns_critical()
        {
            AgentRig rig = HeatingRig();
            rig.Forecaster.Next.NextCharger.SocP10 = 9f; // 9 − heating left < 10 − 2
            rig.Step(1);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonReserveCritical, rig.Agent.Preconditioning.EventReason);
            Assert.AreEqual("Battery heating stopped: reserve critical", rig.Agent.Alerts.Slot(PreconditioningStoppedRule.AlertCode).Text);
        }

        [TestMethod]
        public void Dc_heating_should_stop_when_a_critical_range_alert_is_raised()
        {
            AgentRig rig = HeatingRig();
            ForecastResult f = rig.Forecaster.Next;
            f.Destination.SocP50 = -5f;
            f.Destination.SocP10 = -10f;
            f.Destination.Reachable = false;
            f.LastReachableChargerIndex = -1;
            rig.Step(2); // raised on the first tick, seen by the planner on the next
            Assert.IsTrue(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode));
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonReserveCritical, rig.Agent.Preconditioning.EventReason);
        }

        [TestMethod]
        public void Heating_should_stop_when_battery_temperature_goes_stale()
        {
            AgentRig rig = HeatingRig();
            rig.Silence(InputId.BatteryTempAvgC);
            rig.Step(5);
            Assert.IsTrue(rig.Heater.IsOn, "5 s old: still fresh");
            rig.Step(1);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonBatteryTempStale, rig.Agent.Preconditioning.EventReason);
        }

        [TestMethod]
        public void Dc_heating_should_not_start_and_should_stop_when_plugged_in_at_a_charger()
        {
            AgentRig rig = DcRig(0f, -10f, 40f);
            rig.Forecaster.Next.NextCharger.EtaSeconds = 60f; // due now
            rig.Step(1);
            Assert.IsTrue(rig.Heater.IsOn, "driving toward the DC charger: heats");

            rig.Feed(InputId.ChargingState, 3f); // arrived and plugged in (the charger may still be "ahead" by metres)
            rig.Step(1);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ReasonPluggedIn, rig.Agent.Preconditioning.EventReason);
            rig.Step(600);
            Assert.IsFalse(rig.Heater.IsOn, "stays off while plugged in");
            Assert.IsFalse(rig.Agent.Alerts.IsActive(PointOfNoReturnRule.AlertCode));
        }

        [TestMethod]
        public void Battery_power_handed_to_the_forecaster_should_exclude_our_heater_while_driving()
        {
            AgentRig rig = HeatingRig(); // heater on, driving toward the DC charger
            rig.Feed(InputId.PackVoltageV, 400f);
            rig.Feed(InputId.PackCurrentA, 50f); // 20 kW from the pack, 6 kW of it our heater
            rig.Step(1);
            Assert.IsTrue(rig.Heater.IsOn);
            Check.Near(20000f - rig.Config.Thermal.HeaterPowerW, rig.Forecaster.LastInputs.BatteryPowerW, 1f, "learning power without the heater");

            rig.Forecaster.Next.NextChargerIndex = -1; // heater goes off
            rig.Forecaster.Next.NextCharger.Exists = false;
            rig.Step(2);
            Assert.IsFalse(rig.Heater.IsOn);
            Check.Near(20000f, rig.Forecaster.LastInputs.BatteryPowerW, 1f, "heater off: the measured power as it is");
        }
    }
}

