#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;

namespace RangeGuard.Tests.Forecast
{
    [TestClass]
    public class OutcomeCorrectionTests
    {
        private static float Departure(EnergyForecaster f)
        {
            string error;
            Assert.IsTrue(f.TrySetPlan(TestRoutes.Flat(10, 1000f, 90f, 20f), out error), error);
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 80f, 25f, 20f), r);
            return r.Destination.EnergyNeededKwh;
        }

        [TestMethod]
        public void Departure_forecast_should_be_the_physics_one_times_the_learned_correction()
        {
            var fresh = new EnergyForecaster(TestRoutes.SimpleCar());
            float physics = Departure(fresh);
            var learned = new EnergyForecaster(TestRoutes.SimpleCar()) { OutcomeCorrectionEnabled = true };
            for (int i = 0; i < 40; i++)
            {
                learned.OutcomeLearner.AddTrip(20f, 1.0f, 1.2f);
            }

            float factor = learned.OutcomeLearner.Factor(20f);
            Assert.IsTrue(factor > 1.1f, "learned " + factor.ToString());
            Check.Near(physics * factor, Departure(learned), 0.001, "corrected kWh");
            Check.Near(factor, learned.OutcomeFactor, 1e-6, "factor in force at departure");
            learned.OutcomeCorrectionEnabled = false;
            Check.Near(physics, Departure(learned), 0.0005, "switched off");
        }

        [TestMethod]
        public void Learning_a_trip_should_compare_with_the_uncorrected_departure_forecast()
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            float physics = Departure(f);
            // The trip took exactly the physics forecast: whatever the correction was, r = 0 is learned.
            for (int i = 0; i < 40; i++)
            {
                f.OutcomeLearner.AddTrip(20f, 1.0f, 1.2f);
            }

            float before = f.OutcomeLearner.Factor(20f);
            Departure(f);
            Assert.IsTrue(f.LearnTripOutcome(physics), "learned");
            float after = f.OutcomeLearner.Factor(20f);
            Assert.IsTrue(after < before, "moved towards 1: " + before.ToString() + " -> " + after.ToString());
            Assert.IsFalse(f.LearnTripOutcome(physics), "one outcome per departure");
        }
    }
}
