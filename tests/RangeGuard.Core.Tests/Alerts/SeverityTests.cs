#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts;
using RangeGuard.Alerts.Rules;
using RangeGuard.Forecast;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Alerts
{
    /// <summary>Severity follows the forecast band: advisory for a median shortfall a slower pace makes up, critical when even P90 fails.</summary>
    [TestClass]
    public class SeverityTests
    {
        private static AgentRig NewRig()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(40f, 10f, -8f, 120f);
            rig.SetPlan();
            return rig;
        }

        private static void Shortfall(ForecastResult f, float p10, float p50, float p90, float slowerKmh)
        {
            f.Destination.SocP10 = p10;
            f.Destination.SocP50 = p50;
            f.Destination.SocP90 = p90;
            f.Destination.Reachable = p50 > 0f;
            f.LastReachableChargerIndex = -1;
            f.StrandingDistanceM = 300000f;
            f.AdviceMaxSpeedKmh = slowerKmh;
        }

        [TestMethod]
        public void An_optimistic_arrival_below_zero_should_be_critical_when_the_driver_keeps_above_the_cap_that_would_arrive()
        {
            AgentRig rig = NewRig();
            rig.Step(10);
            ForecastResult f = rig.Forecaster.Next;
            Shortfall(f, -11f, -4f, 3f, 70f); // the Newark departure of 2013: P90 +3 %, 70 km/h arrives
            rig.Step(60);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "P90 above zero and a pace that arrives: not critical");
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode));

            Shortfall(f, -18f, -10f, -2f, 70f); // at the pace driven (120 km/h) not even the optimistic case arrives
            rig.Step(1);
            AlertSlot s = rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode);
            Assert.IsTrue(s.Active);
            Assert.AreEqual(AlertSeverity.Critical, s.Severity);
            Assert.AreEqual("Destination not reachable at this pace: strands in 300 km; stay below 70 km/h", s.Text);

            // Once raised it stays while even the pessimistic arrival needs a charge (a brighter median does not take it back);
            // it clears once P10 is above the 2 % strand margin plus the 2 % hysteresis, after the clear hold.
            Shortfall(f, -11f, -4f, 5f, 70f);
            rig.Step(120);
            Assert.IsTrue(s.Active, "P10 still -11 %");
            Shortfall(f, 3f, 8f, 13f, 0f);
            rig.Step(120);
            Assert.IsTrue(s.Active, "P10 3 % is within the margin and hysteresis");
            Shortfall(f, 5f, 10f, 15f, 0f);
            rig.Step(120);
            Assert.IsFalse(s.Active, "even the pessimistic arrival makes it");
        }

        [TestMethod]
        public void A_driver_keeping_to_the_advised_cap_should_get_no_critical_for_a_shortfall_the_cap_makes_up()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(40f, 10f, -8f, 68f); // keeping to the 70 km/h cap
            rig.SetPlan();
            rig.Step(10);
            Shortfall(rig.Forecaster.Next, -18f, -10f, -2f, 70f); // the forecast still carries the faster pace of the last leg
            rig.Step(60);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "following the cap");
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode), "the advisory with the cap speaks");

            rig.Feed(InputId.SpeedKmh, 110f); // back above the cap
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode));
        }

        [TestMethod]
        public void A_driver_who_keeps_above_the_cap_for_two_minutes_should_be_judged_at_the_pace_driven()
        {
            // The median arrival at 120 km/h is 1 % (below the 2 % strand margin), the optimistic one +6 %, 70 km/h arrives.
            AgentRig rig = NewRig();
            rig.Step(10);
            ForecastResult f = rig.Forecaster.Next;
            Shortfall(f, -5f, 1f, 6f, 70f);
            f.StrandingDistanceM = -1f;
            rig.Step(100);
            AlertSlot s = rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode);
            Assert.IsFalse(s.Active, "100 s above the cap: the driver may still be slowing down");

            // Slowing to the cap restarts the count: 100 s more above it is still not ignoring it.
            rig.Feed(InputId.SpeedKmh, 72f);
            rig.Step(5);
            rig.Feed(InputId.SpeedKmh, 120f);
            rig.Step(100);
            Assert.IsFalse(s.Active, "not two minutes in a row");
            // Ten seconds without a usable forecast (the rule cannot judge) restart the count too.
            f.Valid = false;
            rig.Step(10);
            f.Valid = true;
            rig.Step(100);
            Assert.IsFalse(s.Active, "two minutes in a row, but not seen in a row");
            rig.Step(25);
            Assert.IsTrue(s.Active, "two minutes above the cap: no slower pace in fact");
            Assert.AreEqual(AlertSeverity.Critical, s.Severity);
            Assert.AreEqual("Destination not reachable at this pace: arrive 1 %; stay below 70 km/h", s.Text);
        }

        [TestMethod]
        public void A_driver_above_the_cap_with_a_median_above_the_margin_should_get_no_critical()
        {
            AgentRig rig = NewRig();
            rig.Step(10);
            ForecastResult f = rig.Forecaster.Next;
            Shortfall(f, -4f, 3f, 9f, 70f); // 3 %: above the 2 % margin
            f.StrandingDistanceM = -1f;
            rig.Step(600);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "ten minutes above the cap, median 3 %");
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode), "the advisory with the cap speaks");
        }

        [TestMethod]
        public void A_median_below_zero_with_no_pace_that_arrives_should_be_critical()
        {
            AgentRig rig = NewRig();
            rig.Step(10);
            Shortfall(rig.Forecaster.Next, -13f, -5f, 3f, -1f);
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode));
            Assert.AreEqual("Nothing reachable: strands in 300 km; fleet crew alerted", rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode).Text);
        }

        [TestMethod]
        public void A_median_just_above_zero_should_count_as_not_arriving_below_the_strand_margin()
        {
            // A car stops a little above the displayed 0 %: a median arrival of 1 % with no pace that makes the reserve is critical.
            AgentRig rig = NewRig();
            rig.Step(10);
            ForecastResult f = rig.Forecaster.Next;
            Shortfall(f, -4f, 3f, 10f, -1f);
            f.StrandingDistanceM = -1f;
            rig.Step(5);
            Assert.IsFalse(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode), "3 % is above the 2 % margin");
            Shortfall(f, -6f, 1f, 8f, -1f);
            f.StrandingDistanceM = -1f;
            rig.Step(1);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(NothingReachableRule.AlertCode));
            Assert.AreEqual("Nothing reachable: arrive 1 %; fleet crew alerted", rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode).Text);
        }

        [TestMethod]
        public void At_a_charger_the_charge_taken_by_the_departure_should_decide_before_the_driver_unplugs()
        {
            AgentRig rig = NewRig();
            rig.Feed(InputId.SpeedKmh, 0f);
            rig.Feed(InputId.ChargingState, 2f);
            rig.Agent.SetDeparture(AgentRig.StartMs + 3600000L, -10f); // 21:00 UTC
            ForecastResult f = rig.Forecaster.Next;
            Shortfall(f, -20f, -12f, -4f, -1f);
            f.AdviceChargerIndex = 0;
            f.AdviceChargeMinutes = 239f;
            f.AdviceChargeToSocPercent = 49f;
            f.DepartureSocPercent = 29f;
            f.DepartureDestinationSocP50 = -6f;
            f.DepartureDestinationSocP90 = 2f;
            f.DepartureSlowerArrives = false;
            f.DepartureChargerReachable = false;
            rig.Step(1);
            AlertSlot s = rig.Agent.Alerts.Slot(NothingReachableRule.AlertCode);
            Assert.IsTrue(s.Active, "raised while still plugged in");
            Assert.AreEqual("Leaving at 21:00 with 29 %: Destination not reachable (arrive -6 %); charge 239 min here (to 49 %)", s.Text);

            // The driver charges on (a later departure): the charge by then makes it, the alert clears.
            f.DepartureSocPercent = 50f;
            f.DepartureDestinationSocP50 = 15f;
            f.DepartureDestinationSocP90 = 23f;
            rig.Step(120);
            Assert.IsFalse(s.Active);

            // A charger beyond this one is reachable with its reserve: not critical, whatever the destination says.
            f.DepartureDestinationSocP50 = -6f;
            f.DepartureDestinationSocP90 = -1f;
            f.DepartureChargerReachable = true;
            rig.Step(180);
            Assert.IsFalse(s.Active);
        }
    }
}
