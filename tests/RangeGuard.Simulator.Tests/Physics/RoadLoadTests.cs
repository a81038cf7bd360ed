using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Tests.Physics
{
    [TestClass]
    public class RoadLoadTests
    {
        // 2013 Model S (EPA MS212-L1S): A = 39.846 lbf = 177.244 N, B = 0.14526 lbf/mph = 1.44539 N/(m/s),
        // C = 0.015889 lbf/mph² = 0.353664 N/(m/s)². At 100 km/h = 27.778 m/s, flat, no wind:
        //  15 °C: rolling (177.244 + 1.44539·27.778)·(1 + 0.008·5) = 226.089 N; aero 0.353664·(1.22503/1.20413)·27.778² = 277.624 N → 503.713 N
        // -10 °C: rolling ·(1 + 0.008·30) = 269.568 N; aero ·(1.34141/1.20413) = 303.999 N → 573.567 N (+13.9 %)
        [TestMethod]
        public void Road_load_at_100_kmh_should_match_hand_computed_values_at_15_and_minus_10_C()
        {
            VehicleParameters p = VehicleLoader.LoadPreset("tesla-model-s-85-2013");
            double v = 100 / 3.6;
            Assert.AreEqual(503.713, RoadLoad.TractiveForceN(p, v, 0, 0, 15, 0, 0, 0), 0.05);
            Assert.AreEqual(573.567, RoadLoad.TractiveForceN(p, v, 0, 0, -10, 0, 0, 0), 0.05);
        }

        [TestMethod]
        public void Air_density_should_follow_the_ideal_gas_law_at_sea_level()
        {
            Assert.AreEqual(1.2250, RoadLoad.AirDensity(15, 0), 0.0005);
            Assert.AreEqual(1.3414, RoadLoad.AirDensity(-10, 0), 0.0005);
            // 3,400 m (Eisenhower Tunnel): standard pressure about 66.5 kPa.
            Assert.AreEqual(66_500, RoadLoad.PressurePa(3400), 300);
        }

        [TestMethod]
        public void Grade_wind_and_payload_should_add_their_forces()
        {
            VehicleParameters p = VehicleLoader.LoadPreset("tesla-model-s-85-2013");
            double v = 20;
            double flat = RoadLoad.TractiveForceN(p, v, 0, 0, 20, 0, 0, 0);
            // 5 % grade: m·g·sinθ with sinθ = 0.05/√1.0025, m = 2154.57 kg → 1055.3 N (rolling × cosθ changes by 0.1 %).
            double climb = RoadLoad.TractiveForceN(p, v, 0, 0.05, 20, 0, 0, 0);
            Assert.AreEqual(1055.3, climb - flat, 1.0);
            // 5 m/s head wind: aero C·(25² − 20²) = 0.353664·225 = 79.57 N at the reference density.
            Assert.AreEqual(79.57, RoadLoad.TractiveForceN(p, v, 0, 0, 20, 0, 5, 0) - flat, 0.05);
            // 200 kg payload scales A: 177.244·200/2154.57 = 16.45 N.
            Assert.AreEqual(16.45, RoadLoad.TractiveForceN(p, v, 0, 0, 20, 0, 0, 200) - flat, 0.05);
        }
    }
}
