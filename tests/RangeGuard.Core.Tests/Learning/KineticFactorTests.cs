#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Learning;

namespace RangeGuard.Tests.Learning
{
    [TestClass]
    public class KineticFactorTests
    {
        /// <summary>25 m ticks for km; every 1000 m one tick speeds up 20 → 25 m/s (+112.5 m²/s²) and a later one slows back.</summary>
        private static void Surge(KineticFactorLearner l, float km, float planPke)
        {
            float v = 20f;
            for (int i = 0; i < (int)(km * 40f); i++)
            {
                float next = i % 40 == 0 ? 25f : (i % 40 == 20 ? 20f : v);
                l.Add(v, next, 25f, planPke);
                v = next;
            }
        }

        [TestMethod]
        public void Factor_should_be_1_when_the_driver_puts_in_the_planned_kinetic_energy()
        {
            // (25² − 20²) / 2 = 112.5 m²/s² per 1000 m = PKE 0.1125 m/s².
            var l = new KineticFactorLearner();
            Surge(l, 30f, 0.1125f);
            // One pulse per τ/10 ripples the exponentially weighted ratio by ±5 % over each 1000 m (0.95 just before a pulse).
            Check.Near(1.0, l.Factor, 0.06, "as planned");
        }

        [TestMethod]
        public void Factor_should_halve_when_the_plan_expects_twice_the_speed_changes()
        {
            var l = new KineticFactorLearner();
            Surge(l, 30f, 0.225f);
            Check.Near(0.5, l.Factor, 0.03, "half");
        }

        [TestMethod]
        public void Factor_should_stop_at_the_lower_bound_when_cruising_steadily()
        {
            var l = new KineticFactorLearner();
            for (int i = 0; i < 800; i++)
            {
                l.Add(30f, 30f, 25f, 0.07f); // 20 km on cruise control, plan HWFET-like 0.07 m/s²
            }

            Check.Near(KineticFactorLearner.MinFactor, l.Factor, 1e-6, "bounded");
            l.Add(float.NaN, 30f, 25f, 0.07f);
            l.Add(30f, 30f, -1f, 0.07f);
            Check.Near(KineticFactorLearner.MinFactor, l.Factor, 1e-6, "garbage ignored");
        }

        [TestMethod]
        public void Factor_should_start_at_1_without_evidence()
        {
            var l = new KineticFactorLearner();
            Check.Near(1.0, l.Factor, 1e-6, "fresh");
        }
    }
}
