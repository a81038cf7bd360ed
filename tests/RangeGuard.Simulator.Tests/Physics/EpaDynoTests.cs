using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Physics
{
    /// <summary>
    /// Sanity check of the truth model against the EPA dynamometer results (vehicles.csv: unadjusted wall energy, Wh/mi):
    /// the simulated car on UDDS and HWFET, battery energy divided by its AC charging efficiency, within ±10 %.
    /// </summary>
    [TestClass]
    public class EpaDynoTests
    {
        [TestMethod]
        [DataRow("tesla-model-s-85-2013", "udds", 284.0)]
        [DataRow("tesla-model-s-85-2013", "hwfet", 277.0)]
        [DataRow("nissan-leaf-s-2013", "udds", 187.0)]
        [DataRow("nissan-leaf-s-2013", "hwfet", 234.0)]
        [DataRow("bmw-i3-60ah-2014", "udds", 172.0)]
        [DataRow("bmw-i3-60ah-2014", "hwfet", 212.0)]
        [DataRow("rangeguard-ref", "udds", 185.0)] // road load of the 2019 Chevrolet Bolt test car
        [DataRow("rangeguard-ref", "hwfet", 214.0)]
        public void Wall_energy_on_the_epa_cycles_should_be_within_10_percent_of_the_measured_value(string vehicle, string cycle, double measuredWhPerMile)
        {
            VehicleParameters p = VehicleLoader.LoadPreset(vehicle);
            DynoRun.Result r = DynoRun.Run(p, DriveCycle.Load(cycle));
            double error = r.WallWhPerMile / measuredWhPerMile - 1;
            Assert.IsTrue(System.Math.Abs(error) <= 0.10, $"{vehicle} {cycle}: {r.WallWhPerMile:0} Wh/mi vs measured {measuredWhPerMile:0} ({error:+0.0%;-0.0%})");
        }

        [TestMethod]
        public void Cycle_distances_should_match_the_published_figures()
        {
            // UDDS 11.99 km, HWFET 16.51 km (cycles README).
            Assert.AreEqual(11.99, DynoRun.Run(VehicleLoader.LoadPreset("rangeguard-ref"), DriveCycle.Load("udds")).DistanceKm, 0.02);
            Assert.AreEqual(16.51, DynoRun.Run(VehicleLoader.LoadPreset("rangeguard-ref"), DriveCycle.Load("hwfet")).DistanceKm, 0.02);
        }
    }
}
