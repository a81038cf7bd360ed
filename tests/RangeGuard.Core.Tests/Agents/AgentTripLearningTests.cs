#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;
using RangeGuard.Tests.Forecast;

namespace RangeGuard.Tests.Agents
{
    /// <summary>The agent learns a completed trip once, through a forecaster that learns from trips, and exposes the learned state.</summary>
    [TestClass]
    public class AgentTripLearningTests
    {
        private const long StartMs = 1767988800000;

        private static Agent NewAgent(FakeClock clock, VehicleState state, IRangeForecaster forecaster, FakeLogSink log)
        {
            return new Agent(new AgentConfig(), clock, state, forecaster, new FakeDashboard(), new FakeHeaterRelay(false), log);
        }

        /// <summary>Ticks the agent for some seconds with the car at a speed, drawing a power (400 V).</summary>
        private static void Run(Agent agent, FakeClock clock, VehicleState state, int seconds, float speedKmh, float powerW)
        {
            for (int i = 0; i < seconds; i++)
            {
                clock.NowMs += 1000;
                state.Set(InputId.SocPercent, 80f, clock.NowMs);
                state.Set(InputId.BatteryTempAvgC, 20f, clock.NowMs);
                state.Set(InputId.AmbientTempC, 10f, clock.NowMs);
                state.Set(InputId.SpeedKmh, speedKmh, clock.NowMs);
                state.Set(InputId.ChargingState, 0f, clock.NowMs);
                state.Set(InputId.PackVoltageV, 400f, clock.NowMs);
                state.Set(InputId.PackCurrentA, powerW / 400f, clock.NowMs);
                agent.Tick();
            }
        }

        [TestMethod]
        public void A_completed_trip_should_be_learned_once_and_its_state_restore_on_another_agent()
        {
            var clock = new FakeClock(StartMs);
            var state = new VehicleState();
            var forecaster = new EnergyForecaster(TestRoutes.SimpleCar());
            var log = new FakeLogSink();
            Agent agent = NewAgent(clock, state, forecaster, log);
            string error;
            Assert.IsTrue(agent.TrySetPlan(TestRoutes.Flat(10, 1000f, 72f, 10f), out error), error);

            Run(agent, clock, state, 500, 72f, 16000f);
            Check.Near(10000.0, agent.PositionM, 30.0, "at the destination, m");
            Run(agent, clock, state, 30, 0f, 2000f);
            Assert.AreEqual(0, agent.TripsLearned, "parked half a minute: not yet");
            Run(agent, clock, state, 40, 0f, 2000f);
            Assert.AreEqual(1, agent.TripsLearned, "parked a minute at the destination: learned");
            Assert.IsTrue(agent.TripEnd.ReachedDestination, "reached");
            Check.Near(16000.0 * 500 / 3.6e6, agent.TripEnd.MeasuredKwh, 0.01, "the drive's energy, kWh");
            Assert.IsTrue(log.Contains("trip learned: 2.2"), "logged once");
            Assert.AreEqual(1, forecaster.Calibration.TripCount, "the car's constants learned it");

            Run(agent, clock, state, 3600, 0f, 2000f);
            Assert.AreEqual(1, agent.TripsLearned, "once: an hour parked learns nothing more");
            Assert.AreEqual(1, forecaster.Calibration.TripCount, "once");

            string saved = agent.LearnedState;
            Assert.IsTrue(saved.IndexOf("rgc1;1;") == 0, saved);
            var other = new EnergyForecaster(TestRoutes.SimpleCar());
            Agent restarted = NewAgent(new FakeClock(StartMs), new VehicleState(), other, new FakeLogSink());
            Assert.IsFalse(restarted.TryRestoreLearnedState("rgc1;garbage|rgo2;0"), "garbage refused");
            Assert.IsTrue(restarted.TryRestoreLearnedState(saved), "restored");
            Assert.AreEqual(saved, restarted.LearnedState, "bit for bit");
            Assert.AreEqual(0, restarted.TripsLearned, "restoring is not learning");

            // The car drives off again on the same plan: a new trip opens, to be learned in its turn.
            Run(agent, clock, state, 5, 30f, 8000f);
            Assert.IsTrue(agent.TripEnd.Open && forecaster.TripOpen, "departed");
        }

        [TestMethod]
        public void A_forecaster_that_does_not_learn_should_leave_learning_out()
        {
            var clock = new FakeClock(StartMs);
            var state = new VehicleState();
            var log = new FakeLogSink();
            Agent agent = NewAgent(clock, state, new FakeRangeForecaster(), log);
            var plan = TestRoutes.Flat(2, 1000f, 72f, 10f);
            string error;
            Assert.IsTrue(agent.TrySetPlan(plan, out error), error);
            Run(agent, clock, state, 200, 72f, 16000f);
            Run(agent, clock, state, 2000, 0f, 2000f);
            Assert.AreEqual(0, agent.TripsLearned, "nothing learned");
            Assert.IsNull(agent.LearnedState, "no state");
            Assert.IsFalse(agent.TryRestoreLearnedState("rgc1;0"), "nothing to restore into");
            Assert.IsFalse(log.Contains("trip"), "nothing logged");
        }
    }
}
