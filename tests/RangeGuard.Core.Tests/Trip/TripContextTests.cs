#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;
using RangeGuard.State;
using RangeGuard.Trip;

namespace RangeGuard.Tests.Trip
{
    [TestClass]
    public class TripContextTests
    {
        [TestMethod]
        public void Accept_should_take_the_plans_chargers_and_reserves_and_restart_the_position()
        {
            RoutePlan plan = new RoutePlan(10);
            RouteCharger c = new RouteCharger();
            c.PositionM = 42000f;
            c.Name = "Milford CT";
            plan.AddCharger(c);
            plan.AddCharger(new RouteCharger());
            plan.DestinationReservePercent = 12f;
            plan.CabinSetpointC = 19f;
            plan.DestinationName = "Boston";
            TripContext t = new TripContext();
            t.PositionM = 5000f;
            t.Accept(plan);

            Assert.IsTrue(t.PlanSet);
            Assert.AreEqual(2, t.ChargerCount);
            Assert.AreSame(plan, t.Plan, "the agent's own plan, read in place (Agent.TrySetPlan copies a caller's)");
            Assert.AreEqual("Milford CT", t.ChargerName(0));
            Assert.AreEqual("charger 2", t.ChargerName(1), "unnamed");
            Assert.AreEqual("a charger", t.ChargerName(5), "outside the plan");
            Assert.AreEqual(12f, t.DestinationReservePct);
            Assert.AreEqual(19f, t.CabinSetpointC);
            Assert.AreEqual(0f, t.PositionM);
        }

        [TestMethod]
        public void Advance_should_integrate_speed_and_fall_back_to_the_odometer_when_speed_is_stale()
        {
            TripContext t = new TripContext();
            VehicleReadings r = new VehicleReadings();
            r.SpeedFresh = true;
            r.SpeedKmh = 72f;
            r.OdometerKm = 1000f;
            t.Advance(r, 10000);
            Check.Near(200.0, t.PositionM, 1e-3, "72 km/h for 10 s, m");

            r.SpeedFresh = false;
            r.OdometerKm = 1000.5f;
            t.Advance(r, 10000);
            Check.Near(700.0, t.PositionM, 1e-2, "plus 500 m of odometer, m");

            r.OdometerKm = -1f; // odometer stale too: the position holds
            t.Advance(r, 10000);
            r.OdometerKm = 1001f;
            t.Advance(r, 10000);
            Check.Near(700.0, t.PositionM, 1e-2, "no jump across the gap, m");
        }

        [TestMethod]
        public void SetDeparture_should_bump_the_version_only_when_something_changes()
        {
            TripContext t = new TripContext();
            int v0 = t.DepartureVersion;
            t.SetDeparture(5000, -3f);
            t.SetDeparture(5000, -3f);
            Assert.AreEqual(v0 + 1, t.DepartureVersion);
            Assert.IsTrue(t.DepartureAhead(4999));
            t.SetDeparture(-7, 0f);
            Assert.AreEqual(-1L, t.DepartureUtcMs);
            Assert.IsFalse(t.DepartureAhead(0));
        }
    }
}
