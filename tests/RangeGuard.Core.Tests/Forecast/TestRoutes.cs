#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Forecast
{
    /// <summary>Hand-checkable vehicles and routes for the forecast tests.</summary>
    public static class TestRoutes
    {
        /// <summary>1500 kg, A 150 N, C 0.4 N/(m/s)², no HVAC load at 20 °C, kinetic term off (CoastShare 1), 60 kWh pack.</summary>
        public static VehicleParams SimpleCar()
        {
            var vp = new VehicleParams();
            vp.MassKg = 1500f;
            vp.RoadLoadAN = 150f;
            vp.RoadLoadBNPerMps = 0f;
            vp.RoadLoadCNPerMps2 = 0.4f;
            vp.CoastShare = 1f;
            vp.CoolingSolarK = 0f;
            // The hand computations in the tests use a round traction efficiency, not the fitted generic one.
            vp.TractionEfficiency = 0.96f;
            return vp;
        }

        /// <summary>200 km flat at 110 km/h and 20 °C that starts 10 m before an AC charger of <paramref name="kw"/> (the car plugged in there).</summary>
        public static RoutePlan FlatFromAcCharger(float kw)
        {
            RoutePlan plan = Flat(200, 1000f, 110f, 20f);
            plan.AddCharger(ForecasterTests.MakeCharger(10f, kw));
            plan.Chargers.IsDc[0] = false;
            return plan;
        }

        /// <summary>200 km flat at 110 km/h and 20 °C that starts 10 m before a DC charger of <paramref name="kw"/>.</summary>
        public static RoutePlan FlatFromDcCharger(float kw)
        {
            RoutePlan plan = Flat(200, 1000f, 110f, 20f);
            plan.AddCharger(ForecasterTests.MakeCharger(10f, kw));
            return plan;
        }

        /// <summary>A forecaster of <paramref name="vp"/> with <paramref name="plan"/> in force (the test fails if it is refused).</summary>
        public static EnergyForecaster Planned(VehicleParams vp, RoutePlan plan)
        {
            var f = new EnergyForecaster(vp);
            string error;
            Assert.IsTrue(f.TrySetPlan(plan, out error), error);
            return f;
        }

        /// <summary>Flat route of count × lengthM at one speed and temperature.</summary>
        public static RoutePlan Flat(int count, float lengthM, float speedKmh, float ambientC)
        {
            var plan = new RoutePlan();
            plan.CabinSetpointC = 20f;
            for (int i = 0; i < count; i++)
            {
                var s = new RouteSegment();
                s.LengthM = lengthM;
                s.ExpectedSpeedKmh = speedKmh;
                s.SpeedLimitKmh = speedKmh;
                s.AmbientTempC = ambientC;
                plan.AddSegment(s);
            }

            return plan;
        }

        public static ForecastInputs At(float positionM, float socPercent, float batteryC, float ambientC)
        {
            var inputs = new ForecastInputs();
            inputs.PositionM = positionM;
            inputs.SocPercent = socPercent;
            inputs.BatteryTempC = batteryC;
            inputs.AmbientTempC = ambientC;
            inputs.SpeedKmh = 0f;
            inputs.InputsValid = true;
            inputs.HvacPowerW = -1f;
            return inputs;
        }
    }
}
