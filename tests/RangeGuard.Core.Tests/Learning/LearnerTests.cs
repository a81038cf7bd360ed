#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;
using RangeGuard.Forecast;
using RangeGuard.Learning;
using RangeGuard.Tests.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.Tests.Learning
{
    [TestClass]
    public class LearnerTests
    {
        /// <summary>Drives a 30 km flat loop alternating 50 and 110 km/h blocks with ramps, 1 Hz; measured power = true car.</summary>
        private static void Drive(EnergyForecaster f, float trueScale, float trueAuxW, float km, ref long timeMs, ForecastResult r)
        {
            VehicleParams vp = f.Vehicle;
            float pos = 0f, v = 50f / 3.6f, prevV = v;
            int tick = 0;
            while (pos < km * 1000f)
            {
                float target = ((int)(pos / 5000f)) % 2 == 0 ? 50f / 3.6f : 110f / 3.6f;
                prevV = v;
                v = v < target ? (v + 0.3f > target ? target : v + 0.3f) : (v - 0.3f < target ? target : v - 0.3f);
                float mid = 0.5f * (v + prevV);
                float drive = Powertrain.DrivePowerW(vp, mid, v - prevV, 0f, 20f, 0f, 25f, 60f);
                float aux = vp.AuxBaseW + vp.HeatingPowerW(20f, 20f) + vp.CoolingPowerW(20f, 20f);
                var inputs = TestRoutes.At(pos % 30000f, 60f, 25f, 20f);
                inputs.SpeedKmh = v * 3.6f;
                inputs.BatteryPowerW = trueScale * drive + aux + trueAuxW;
                inputs.TimeMs = timeMs;
                f.Tick(inputs, r);
                pos += mid;
                timeMs += 1000;
                tick++;
            }
        }

        private static EnergyForecaster Loop()
        {
            var f = new EnergyForecaster(TestRoutes.SimpleCar());
            string error;
            Assert.IsTrue(f.TrySetPlan(TestRoutes.Flat(30, 1000f, 80f, 20f), out error), error);
            return f;
        }

        [TestMethod]
        public void Learner_should_converge_when_vehicle_uses_15_percent_more_and_600_W_aux()
        {
            EnergyForecaster f = Loop();
            var r = new ForecastResult();
            long t = 0;
            Drive(f, 1.15f, 600f, 29f, ref t, r);
            Check.Near(1.15, f.Learner.TractionScale, 0.05, "k");
            Check.Near(600.0, f.Learner.AuxOffsetW, 150.0, "aux W");
            // 29 km = 58 windows of 500 m, minus the first 600 s (LearnHoldOffS) of driving: 33.
            Assert.AreEqual(33, f.Learner.WindowCount, "windows");
        }

        [TestMethod]
        public void Learner_should_learn_nothing_when_within_the_hold_off_after_departure()
        {
            EnergyForecaster f = Loop();
            var r = new ForecastResult();
            long t = 0;
            Drive(f, 1.15f, 600f, 8f, ref t, r);
            Assert.IsTrue(t < 600000, "8 km took " + t.ToString() + " ms");
            Assert.AreEqual(0, f.Learner.WindowCount, "windows");
            Check.Near(1.0, f.Learner.TractionScale, 1e-6, "k");
        }

        [TestMethod]
        public void Band_should_narrow_when_learned()
        {
            EnergyForecaster f = Loop();
            var r = new ForecastResult();
            f.Tick(TestRoutes.At(0f, 60f, 25f, 20f), r);
            float fresh = r.BandRelativeWidth;
            long t = 1000;
            Drive(f, 1.0f, 0f, 29f, ref t, r);
            f.Tick(TestRoutes.At(0f, 60f, 25f, 20f), r);
            Assert.IsTrue(r.BandRelativeWidth < 0.7f * fresh, "fresh " + fresh.ToString() + " learned " + r.BandRelativeWidth.ToString());
        }

        [TestMethod]
        public void Learner_should_stay_bounded_when_one_trip_is_odd()
        {
            EnergyForecaster f = Loop();
            var r = new ForecastResult();
            long t = 0;
            Drive(f, 1.0f, 0f, 29f, ref t, r);
            Drive(f, 1.0f, 0f, 29f, ref t, r);
            float k0 = f.Learner.TractionScale;
            // One odd 10 km stretch drawing twice the energy (towing, a faulty sensor).
            Drive(f, 2.0f, 1000f, 10f, ref t, r);
            Assert.IsTrue(f.Learner.TractionScale <= (float)ConsumptionLearner.MaxScale, "hard bound");
            Assert.IsTrue(f.Learner.TractionScale - k0 < 0.35f, "moved " + (f.Learner.TractionScale - k0).ToString());
            Assert.IsTrue(f.Learner.AuxOffsetW <= (float)ConsumptionLearner.MaxAuxW);
        }

        [TestMethod]
        public void Update_should_recover_parameters_when_windows_are_noisy()
        {
            var l = new ConsumptionLearner();
            var prng = new Prng(7);
            for (int i = 0; i < 400; i++)
            {
                double drive = 50 + 60 * prng.NextDouble();
                double hours = (0.5 / (30 + 80 * prng.NextDouble()));
                double noise = 1.0 + 0.03 * prng.NextGaussian();
                double measured = (1.15 * drive + 600 * hours + 20) * noise;
                l.Update(measured, drive, 20, hours, 5f);
            }

            Check.Near(1.15, l.TractionScale, 0.04, "k");
            Check.Near(600.0, l.AuxOffsetW, 150.0, "aux");
            Check.Near(5.0, l.SeenAmbientMinC, 1e-6, "seen");
        }

        [TestMethod]
        public void State_should_reload_when_windows_were_extreme()
        {
            // Descents give windows with ~0 or negative measured energy; the saved state must still load.
            var l = new ConsumptionLearner();
            for (int i = 0; i < 50; i++)
            {
                l.Update(i % 2 == 0 ? -30 : 400, 80, 10, 0.01, 20f);
            }

            Assert.IsTrue(l.ResidualRelStd <= 1f, "residual capped");
            var copy = new ConsumptionLearner();
            Assert.IsTrue(copy.TryLoadState(l.SaveState()), l.SaveState());
        }

        [TestMethod]
        public void State_should_round_trip_and_reject_garbage()
        {
            var l = new ConsumptionLearner();
            l.Update(120, 100, 0, 0.01, 3f);
            l.Update(130, 100, 0, 0.02, 4f);
            string s = l.SaveState();
            var copy = new ConsumptionLearner();
            Assert.IsTrue(copy.TryLoadState(s), s);
            Check.Near(l.TractionScale, copy.TractionScale, 1e-6, "k");
            Check.Near(l.AuxOffsetW, copy.AuxOffsetW, 1e-3, "aux");
            Assert.AreEqual(l.WindowCount, copy.WindowCount);
            Assert.AreEqual(s, copy.SaveState());

            float k = copy.TractionScale;
            Assert.IsFalse(copy.TryLoadState(State(9, 0, 1, 0, 1, 0)), "k out of bounds");
            Assert.IsTrue(copy.TryLoadState(State(1.1, 0, 0.01, 0, 1, 0)), "a valid hand-made state loads");
            Assert.IsTrue(copy.TryLoadState(s), "back to the saved one");
            Assert.IsFalse(copy.TryLoadState(State(double.NaN, 0, 1, 0, 1, 0)), "NaN");
            Assert.IsFalse(copy.TryLoadState("rgl1;1;0;1;0;1;0;1;0;0"), "the old decimal format");
            Assert.IsFalse(copy.TryLoadState("garbage"));
            Assert.IsFalse(copy.TryLoadState(null));
            Assert.IsFalse(copy.TryLoadState(s.Substring(0, s.Length - 1)), "a digit short");
            Check.Near(k, copy.TractionScale, 1e-6, "unchanged after rejects");
        }

        [TestMethod]
        public void State_should_restore_every_double_bit_for_bit()
        {
            // Values decimal text could not carry exactly: a subnormal covariance term, 1/3, a float extreme.
            string s = State(1.0 / 3.0 + 1.0, -4.9406564584124654e-324, 0.02, -0.0, 640000.0, 0.1);
            var l = new ConsumptionLearner();
            Assert.IsTrue(l.TryLoadState(s), s);
            Assert.AreEqual(s, l.SaveState());
            Check.Near(4.0 / 3.0, l.TractionScale, 1e-7, "k");
        }

        /// <summary>An rgl2 state text from values (windows 3, ambient seen 1..2 °C).</summary>
        private static string State(double k, double dp, double p11, double p12, double p22, double res2)
        {
            var b = new RangeGuard.Common.TextBuffer(200);
            b.Append("rgl2");
            double[] reals = { k, dp, p11, p12, p22, res2 };
            for (int i = 0; i < reals.Length; i++)
            {
                b.Append(';');
                RangeGuard.Common.TextNumber.AppendBits(b, reals[i]);
            }

            b.Append(";3;");
            RangeGuard.Common.TextNumber.AppendBits(b, 1.0);
            b.Append(';');
            RangeGuard.Common.TextNumber.AppendBits(b, 2.0);
            return b.ToString();
        }
    }
}
