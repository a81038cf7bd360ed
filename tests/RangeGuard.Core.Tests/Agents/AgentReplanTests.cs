#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Runtime;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;
using RangeGuard.Tests.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Agents
{
    /// <summary>
    /// A re-plan never stalls the loop: a long plan is prepared a slice per loop pass while the ticks go on with the plan in
    /// force, and comes into force with the same forecast a plan taken at once gives.
    /// </summary>
    [TestClass]
    public class AgentReplanTests
    {
        private const long T0 = 1767988800000;

        private sealed class Car
        {
            public readonly FakeClock Clock = new FakeClock(T0);
            public readonly VehicleState State = new VehicleState();
            public readonly EnergyForecaster Forecaster = new EnergyForecaster(VehicleParams.Preset(VehiclePresets.Reference), RoutePlan.MaxSegments);
            public readonly Agent Agent;
            public readonly AgentLoop Loop;

            public Car()
            {
                Agent = new Agent(new AgentConfig(), Clock, State, Forecaster, new FakeDashboard(), new FakeHeaterRelay(false), new FakeLogSink());
                Loop = new AgentLoop(null, null, Agent, null, Clock, 1000);
            }

            /// <summary>One second: fresh driving inputs, then the loop's tick (a slice of a pending plan first).</summary>
            public void Second()
            {
                Clock.NowMs += 1000;
                long t = Clock.NowMs;
                State.Set(InputId.SocPercent, 80f, t);
                State.Set(InputId.BatteryTempAvgC, 20f, t);
                State.Set(InputId.AmbientTempC, 5f, t);
                State.Set(InputId.SpeedKmh, 90f, t);
                State.Set(InputId.ChargingState, 0f, t);
                State.Set(InputId.PackVoltageV, 400f, t);
                State.Set(InputId.PackCurrentA, 40f, t);
                Loop.Tick();
            }
        }

        /// <summary>2,000 segments of 400 m, varied speed, grade, air and wind, 10 DC chargers.</summary>
        private static RoutePlan LongPlan()
        {
            RoutePlan plan = new RoutePlan(RoutePlan.MaxSegments);
            for (int i = 0; i < RoutePlan.MaxSegments; i++)
            {
                RouteSegment s = new RouteSegment();
                s.LengthM = 400f;
                s.ElevationChangeM = (i % 9) - 4;
                s.ExpectedSpeedKmh = 50 + i % 80;
                s.SpeedLimitKmh = 100f;
                s.AmbientTempC = -5 + i % 10;
                s.HeadwindMps = (i % 5) - 2;
                plan.AddSegment(s);
            }

            for (int c = 0; c < 10; c++)
            {
                plan.AddCharger(ForecasterTests.MakeCharger(400f * RoutePlan.MaxSegments * (c + 1) / 11, 150f));
            }

            return plan;
        }

        [TestMethod]
        public void A_2000_segment_plan_should_be_prepared_a_slice_per_tick_while_the_ticks_use_the_plan_in_force()
        {
            Car car = new Car();
            string error;
            Assert.IsTrue(car.Agent.TrySetPlan(TestRoutes.Flat(10, 1000f, 90f, 5f), out error), error);
            RoutePlan first = car.Agent.Plan;
            car.Second();
            car.Second();

            RoutePlan next = LongPlan();
            Assert.IsTrue(car.Agent.TryBeginPlan(next, out error), error);
            Assert.IsTrue(car.Agent.PlanPending, "2,000 segments are not prepared in one pass");
            Assert.AreEqual(Agent.PlanSliceSegments, car.Forecaster.SegmentsPrepared, "one slice at once");
            int ticks = 0;
            while (car.Agent.PlanPending)
            {
                int before = car.Forecaster.SegmentsPrepared;
                car.Second();
                ticks++;
                Assert.IsTrue(car.Forecaster.SegmentsPrepared - before <= Agent.PlanSliceSegments, "at most one slice per tick");
                if (car.Agent.PlanPending)
                {
                    Assert.AreSame(first, car.Agent.Plan, "the plan in force until the new one is ready");
                    Assert.AreEqual(10000f, car.Forecaster.PlanLengthM, "ticks forecast on the plan in force");
                    Assert.IsTrue(car.Agent.Forecast.Valid);
                }
            }

            Assert.AreEqual((RoutePlan.MaxSegments - 1) / Agent.PlanSliceSegments, ticks, "every tick took one slice");
            Assert.AreSame(next, car.Agent.Plan, "handed over, not copied");
            Assert.AreEqual(2, car.Agent.Counters.PlansAccepted);
            Assert.AreEqual(25f, car.Agent.Trip.PositionM, "the trip restarted at the new plan's origin (then one second at 90 km/h)");
        }

        [TestMethod]
        public void A_plan_prepared_in_slices_should_forecast_exactly_as_one_taken_at_once()
        {
            VehicleParams vp = VehicleParams.Preset(VehiclePresets.Reference);
            EnergyForecaster once = new EnergyForecaster(vp, RoutePlan.MaxSegments);
            EnergyForecaster sliced = new EnergyForecaster(vp, RoutePlan.MaxSegments);
            string error;
            Assert.IsTrue(once.TrySetPlan(LongPlan(), out error), error);
            Assert.IsTrue(sliced.TryBeginPlan(LongPlan(), out error), error);
            int step;
            do
            {
                step = sliced.ContinuePlan(7, out error);
            }
            while (step == IncrementalPlan.Building);
            Assert.AreEqual(IncrementalPlan.Done, step, error);

            ForecastInputs inputs = TestRoutes.At(12345f, 70f, 15f, 3f);
            inputs.SpeedKmh = 90f;
            inputs.BatteryPowerW = 20000f;
            ForecastResult a = new ForecastResult();
            ForecastResult b = new ForecastResult();
            once.Tick(inputs, a);
            sliced.Tick(inputs, b);
            Assert.IsTrue(a.Valid && b.Valid);
            Assert.AreEqual(a.Destination.EnergyNeededKwh, b.Destination.EnergyNeededKwh);
            Assert.AreEqual(a.Destination.EnergyNeededLowKwh, b.Destination.EnergyNeededLowKwh);
            Assert.AreEqual(a.Destination.SocP10, b.Destination.SocP10);
            Assert.AreEqual(a.Destination.SocP50, b.Destination.SocP50);
            Assert.AreEqual(a.Destination.EtaSeconds, b.Destination.EtaSeconds);
            Assert.AreEqual(a.NextChargerIndex, b.NextChargerIndex);
            Assert.AreEqual(a.NextCharger.SocP50, b.NextCharger.SocP50);
            Assert.AreEqual(a.PointOfNoReturnM, b.PointOfNoReturnM);
            Assert.AreEqual(a.BandRelativeWidth, b.BandRelativeWidth);
            Assert.AreEqual(a.AdviceMaxSpeedKmh, b.AdviceMaxSpeedKmh);
            for (int i = 0; i < a.LossKmByCause.Length; i++)
            {
                Assert.AreEqual(a.LossKmByCause[i], b.LossKmByCause[i]);
            }

            Assert.AreEqual(once.PlanLengthM, sliced.PlanLengthM);
        }

        [TestMethod]
        public void A_plan_found_bad_while_it_is_prepared_should_leave_the_plan_in_force()
        {
            Car car = new Car();
            string error;
            Assert.IsTrue(car.Agent.TrySetPlan(TestRoutes.Flat(10, 1000f, 90f, 5f), out error), error);
            RoutePlan first = car.Agent.Plan;
            RoutePlan bad = LongPlan();
            bad.Segments.ExpectedSpeedKmh[1500] = 0f;
            Assert.IsTrue(car.Agent.TryBeginPlan(bad, out error), "only the length-independent checks at once");
            int step = Agent.PlanBuilding;
            int passes = 0;
            while (step == Agent.PlanBuilding)
            {
                step = car.Agent.ContinuePlan();
                passes++;
            }

            Assert.AreEqual(Agent.PlanRefused, step);
            Assert.AreEqual(1500 / Agent.PlanSliceSegments, passes, "found in the slice holding segment 1500");
            Assert.AreSame(first, car.Agent.Plan);
            Assert.IsFalse(car.Agent.PlanPending);
            Assert.AreEqual(1, car.Agent.Counters.PlansRejected);
            Assert.IsTrue(car.Agent.LastPlanError.IndexOf("segment 1500") >= 0, car.Agent.LastPlanError);
            car.Second();
            Assert.AreEqual(10000f, car.Forecaster.PlanLengthM, "still forecasting on the plan in force");
        }

        [TestMethod]
        public void TrySetPlan_should_copy_the_callers_plan()
        {
            Car car = new Car();
            RoutePlan mine = TestRoutes.Flat(3, 1000f, 90f, 5f);
            string error;
            Assert.IsTrue(car.Agent.TrySetPlan(mine, out error), error);
            mine.Segments.LengthM[0] = 5f;
            mine.SegmentCount = 1;
            Assert.AreNotSame(mine, car.Agent.Plan);
            Assert.AreEqual(3, car.Agent.Plan.SegmentCount);
            Assert.AreEqual(1000f, car.Agent.Plan.Segments.LengthM[0]);
        }
    }
}
