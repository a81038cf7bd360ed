#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Forecast
{
    [TestClass]
    public class ColdSoakTests
    {
        [TestMethod]
        public void Estimate_should_cool_pack_exponentially_when_parked_overnight()
        {
            // C = 400 kJ/K, UA = 10 W/K → τ = 40,000 s; 10 h from 20 °C at −10 °C: −10 + 30·e^(−0.9) = 2.197 °C.
            var vp = new VehicleParams();
            ColdSoakResult r = ColdSoak.Estimate(vp, 80f, 20f, -10f, 10f, 21f, 90f);
            Check.Near(2.197, r.PackTempUnpluggedC, 0.01, "pack temp");
            Check.Near(20.0, r.PackTempPluggedC, 1e-4, "preconditioned");
            // Energy: 80 % of 60·0.92·(1 − 0.004·17.803) = 41.012 kWh unplugged vs 44.16 kWh plugged.
            Check.Near(41.012, r.EnergyUnpluggedKwh, 0.01, "unplugged kWh");
            Check.Near(44.16, r.EnergyPluggedKwh, 0.01, "plugged kWh");
            Assert.IsTrue(r.RangeLostKm > 10f, "range lost " + r.RangeLostKm.ToString());
            // Pack heat: 400 kJ/K · 17.8 K = 7.12 MJ = 1.98 kWh at 5 kW → 23.7 min.
            Check.Near(23.73, r.PreheatMinutes, 0.05, "preheat minutes");
            Assert.IsTrue(r.GridEnergyKwh > 1.98f, "grid energy");
        }

        [TestMethod]
        public void Estimate_should_lose_nothing_when_warm()
        {
            var vp = new VehicleParams();
            ColdSoakResult r = ColdSoak.Estimate(vp, 80f, 25f, 22f, 8f, 21f, 90f);
            Check.Near(0.0, r.RangeLostKm, 0.5, "no loss");
        }
    }
}
