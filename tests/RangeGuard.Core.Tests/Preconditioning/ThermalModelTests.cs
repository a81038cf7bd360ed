#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Preconditioning;

namespace RangeGuard.Tests.Preconditioning
{
    [TestClass]
    public class ThermalModelTests
    {
        [TestMethod]
        public void HeatingSeconds_should_match_closed_form_when_pack_at_ambient()
        {
            // C = 450 kJ/K, P = 6 kW, UA = 15 W/K: steady state 5 + 400 °C; t = (C/UA)·ln(400/379) = 30000·0.0539284 = 1617.85 s.
            PackThermalParams p = PackThermalParams.Default75Kwh();
            Check.Near(1617.85, ThermalModel.HeatingSeconds(5f, 26f, 5f, p), 0.5, "heating time, s");
            Check.Near(26.0, ThermalModel.TempAfter(5f, 5f, 6000f, p, 1617.85f), 0.01, "temperature after heating, °C");
            Check.Near(2.6964, ThermalModel.HeaterKwh(1617.85f, p), 0.001, "heater energy, kWh");
        }

        [TestMethod]
        public void TempAfter_should_cool_toward_ambient_with_time_constant_C_over_UA()
        {
            // Unheated, one time constant (30000 s): 20 + (−10 − 20)... e^-1: −10 + 30·0.367879 = 1.036 °C.
            PackThermalParams p = PackThermalParams.Default75Kwh();
            Check.Near(1.0364, ThermalModel.TempAfter(20f, -10f, 0f, p, 30000f), 0.001, "after one time constant");
        }

        [TestMethod]
        public void HeatingSeconds_should_return_minus_one_when_heater_cannot_beat_losses()
        {
            PackThermalParams p = PackThermalParams.Default75Kwh();
            p.LossUaWPerK = 300f; // steady state 5 + 6000/300 = 25 °C < 26 °C target
            Assert.AreEqual(-1f, ThermalModel.HeatingSeconds(5f, 26f, 5f, p));
            Assert.AreEqual(0f, ThermalModel.HeatingSeconds(27f, 26f, 5f, p), "already warm");
        }
    }
}
