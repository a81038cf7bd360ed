using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Tests.Commands
{
    [TestClass]
    public class ForecastAllocationTests
    {
        [TestMethod]
        public void Tick_should_not_allocate_when_running_on_a_2000_segment_plan()
        {
            var plan = new RoutePlan();
            for (int i = 0; i < RoutePlan.MaxSegments; i++)
            {
                plan.AddSegment(new RouteSegment { LengthM = 250, ExpectedSpeedKmh = 60 + i % 60, SpeedLimitKmh = 100, AmbientTempC = -5, ElevationChangeM = (i % 7) - 3 });
            }

            for (int c = 0; c < RoutePlan.MaxChargers; c++)
            {
                plan.AddCharger(new RouteCharger { PositionM = 7000 * (c + 1), PowerKw = 150, IsDc = true });
            }

            var f = new EnergyForecaster(VehicleParams.Preset("tesla-model-s-85-2013"));
            Assert.IsTrue(f.TrySetPlan(plan, out string error), error);
            var r = new ForecastResult();
            var inputs = new ForecastInputs { SocPercent = 60, BatteryTempC = 5, AmbientTempC = -5, SpeedKmh = 90, BatteryPowerW = 20000, InputsValid = true };
            f.Tick(inputs, r);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 1; t <= 2000; t++)
            {
                inputs.TimeMs = t * 1000L;
                inputs.PositionM = t * 25f;
                f.Tick(inputs, r);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.IsTrue(r.Valid);
        }
    }
}
