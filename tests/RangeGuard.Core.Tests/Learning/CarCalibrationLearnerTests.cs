#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Common;
using RangeGuard.Learning;

namespace RangeGuard.Tests.Learning
{
    [TestClass]
    public class CarCalibrationLearnerTests
    {
        // The synthetic car: 12 % less drive energy than the physics, 550 W per planned hour, 350 Wh to start,
        // heating 20 % cheaper, cooling 40 % dearer than the preset's cabin model (preset: 300 W, 0 Wh).
        private const double S = 0.88, P = 550, E0 = 350, H = 0.8, C = 1.4;

        /// <summary>A trip's parts: summer and winter alternate, lengths vary (seeded, the same on every run).</summary>
        private static void Trip(Prng rng, int i, double[] x)
        {
            bool winter = i % 2 == 1;
            double hours = 0.1 + 0.9 * rng.NextDouble();
            x[0] = hours * (3000 + 4000 * rng.NextDouble());
            x[1] = hours;
            x[2] = 1 - DMath.Exp(-hours * 3600 / 300);
            x[3] = winter ? hours * (600 + 1500 * rng.NextDouble()) : 0;
            x[4] = winter ? 0 : hours * (100 + 600 * rng.NextDouble());
        }

        private static double Truth(double[] x)
        {
            return S * x[0] + P * x[1] + E0 * x[2] + H * x[3] + C * x[4];
        }

        [TestMethod]
        public void Constants_should_converge_on_trips_of_a_car_with_known_constants()
        {
            var l = new CarCalibrationLearner();
            l.SetPrior(300f, 0f);
            var rng = new Prng(7);
            var x = new double[5];
            for (int i = 0; i < 400; i++)
            {
                Trip(rng, i, x);
                Assert.IsTrue(l.AddTrip(x[0], x[1], x[2], x[3], x[4], Truth(x)), "trip " + i.ToString());
            }

            Check.Near(S, l.DriveScale, 0.01, "drive scale");
            Check.Near(P, l.BaseLoadW, 20, "base load W");
            Check.Near(E0, l.StartupWh, 10, "start-up Wh");
            Check.Near(H, l.HeatingScale, 0.01, "heating scale");
            Check.Near(C, l.CoolingScale, 0.03, "cooling scale");
            Assert.AreEqual(400, l.TripCount, "trips");
        }

        [TestMethod]
        public void Forecasts_should_converge_on_noisy_trips_though_base_load_and_drive_scale_trade_off()
        {
            var l = new CarCalibrationLearner();
            var rng = new Prng(11);
            var x = new double[5];
            for (int i = 0; i < 400; i++)
            {
                Trip(rng, i, x);
                // ±5 % trip-to-trip noise (traffic, weather) on top of the car's constants.
                l.AddTrip(x[0], x[1], x[2], x[3], x[4], Truth(x) * (1 + 0.05 * rng.NextGaussian()));
            }

            // The drive energy grows with the hours driven, so a base load is told from a drive scale only by the spread of
            // speeds: its spread stays wide, the forecast (what matters) does not.
            Assert.IsTrue(l.StdOf(CarCalibrationLearner.BaseLoadIndex) > 0.5 * CarCalibrationLearner.PriorStd[CarCalibrationLearner.BaseLoadIndex], "base load stays loose");
            double sumErr = 0, sumPreset = 0;
            var preset = new CarCalibrationLearner();
            for (int i = 0; i < 50; i++)
            {
                Trip(rng, i, x);
                double truth = Truth(x);
                double e = l.Predict(x[0], x[1], x[2], x[3], x[4]) - truth;
                double p = preset.Predict(x[0], x[1], x[2], x[3], x[4]) - truth;
                sumErr += (e < 0 ? -e : e) / truth;
                sumPreset += (p < 0 ? -p : p) / truth;
            }

            Assert.IsTrue(sumErr / 50 < 0.025, "learned forecast error " + (sumErr / 50).ToString());
            Assert.IsTrue(sumPreset / 50 > 0.06, "the preset's " + (sumPreset / 50).ToString());
            Check.Near(S, l.DriveScale, 2 * l.StdOf(CarCalibrationLearner.DriveIndex), "drive scale within 2 sd");
            Check.Near(H, l.HeatingScale, 2 * l.StdOf(CarCalibrationLearner.HeatingIndex), "heating scale within 2 sd");
        }

        [TestMethod]
        public void A_new_car_should_forecast_as_the_preset_and_one_trip_should_move_it_only_part_way()
        {
            var l = new CarCalibrationLearner();
            l.SetPrior(250f, 100f);
            Check.Near(1.0, l.DriveScale, 0, "drive");
            Check.Near(250.0, l.BaseLoadW, 0, "base load: the preset's");
            Check.Near(100.0, l.StartupWh, 0, "start-up: the preset's");
            Check.Near(1.0, l.UsableScale, 0, "usable");
            double preset = 1.0 * 3000 + 250 * 0.5 + 100 * 0.9 + 1.0 * 200 + 1.0 * 0;
            Check.Near(preset, l.Predict(3000, 0.5, 0.9, 200, 0), 1e-9, "forecast = the preset's parts");

            // One trip that took 10 % more: the forecast for the same trip moves by the prior's share of the spread,
            // xPx / (xPx + noise²) (57 % here), not all the way.
            Assert.IsTrue(l.AddTrip(3000, 0.5, 0.9, 200, 0, preset * 1.1), "learned");
            double xpx = Sq(3000 * 0.15) + Sq(0.5 * 400) + Sq(0.9 * 200) + Sq(200 * 0.3);
            double gain = xpx / (xpx + Sq(0.12 * preset + 50));
            Check.Near(preset + gain * 0.1 * preset, l.Predict(3000, 0.5, 0.9, 200, 0), 1e-6, "shrunk towards the preset");
            Assert.IsTrue(gain > 0.5 && gain < 0.6, "share " + gain.ToString());
        }

        [TestMethod]
        public void An_outlier_trip_should_move_the_constants_no_more_than_a_trip_at_the_clip_and_a_wild_one_not_at_all()
        {
            var a = new CarCalibrationLearner();
            var b = new CarCalibrationLearner();
            double f = a.Predict(3000, 0.5, 0.9, 0, 200);
            Assert.IsTrue(a.AddTrip(3000, 0.5, 0.9, 0, 200, f * 1.5), "a bad trip: 50 % more");
            Assert.IsTrue(b.AddTrip(3000, 0.5, 0.9, 0, 200, f * 2.8), "a very bad trip: 180 % more");
            Assert.AreEqual(a.SaveState(), b.SaveState(), "both clipped to the same 1-sigma step");
            // The clipped step: the innovation limited to one predictive sigma, times the gain: xPx / sqrt(xPx + noise²).
            double xpx = Sq(3000 * 0.15) + Sq(0.5 * 400) + Sq(0.9 * 200) + Sq(200 * 0.5);
            double step = xpx / DMath.Sqrt(xpx + Sq(0.12 * f + 50));
            Check.Near(f + step, a.Predict(3000, 0.5, 0.9, 0, 200), 1e-6, "one clipped trip");
            Assert.IsTrue(step < 0.13 * f, "at most 13 % of the forecast: " + (step / f).ToString());

            string before = a.SaveState();
            Assert.IsFalse(a.AddTrip(3000, 0.5, 0.9, 0, 200, f * 3.5), "more than x3 off: not learned (a tow, a wrong plan)");
            Assert.IsFalse(a.AddTrip(3000, 0.5, 0.9, 0, 200, double.NaN), "NaN");
            Assert.IsFalse(a.AddTrip(-1, 0.5, 0.9, 0, 200, f), "negative drive");
            Assert.IsFalse(a.AddTrip(30, 0.01, 0.1, 0, 0, 60), "too small to tell anything");
            Assert.AreEqual(before, a.SaveState(), "refused trips change nothing");
            Assert.AreEqual(1, a.TripCount, "trips");
        }

        [TestMethod]
        public void Constants_should_stay_within_their_bounds_however_many_extreme_trips()
        {
            var l = new CarCalibrationLearner();
            for (int i = 0; i < 300; i++)
            {
                double f = l.Predict(500, 1.0, 1.0, 0, 0);
                l.AddTrip(500, 1.0, 1.0, 0, 0, f * 2.9);
            }

            Assert.IsTrue(l.DriveScale <= CarCalibrationLearner.Max[0], "drive " + l.DriveScale.ToString());
            Assert.IsTrue(l.BaseLoadW <= CarCalibrationLearner.Max[1], "base " + l.BaseLoadW.ToString());
            Assert.IsTrue(l.StartupWh <= CarCalibrationLearner.Max[2], "start-up " + l.StartupWh.ToString());
            for (int i = 0; i < CarCalibrationLearner.Count; i++)
            {
                double sd = l.StdOf(i);
                Assert.IsTrue(sd > 0 && sd <= CarCalibrationLearner.PriorStd[i] * (1 + 1e-9), "sd " + i.ToString() + " " + sd.ToString());
            }
        }

        [TestMethod]
        public void Usable_energy_per_SOC_point_should_be_the_preset_until_learned_then_a_line_in_the_SOC()
        {
            var l = new CarCalibrationLearner();
            Assert.IsTrue(l.UsableScaleAt(10f) == 1f && l.UsableScaleAt(90f) == 1f, "exactly the preset before any trip");

            // One trip from 80 to 70 % took 15 % more energy per point than the preset says: least squares of a + b·x
            // with the priors (a = 1, b = 0.09) worth 20 points each; x = (75 − 50) / 50.
            Assert.IsTrue(l.AddSocSpan(0.10 * 20000 * 1.15, 80, 70, 20000), "learned");
            double w = 20, x = 0.5, d = 10;
            double s11 = d + w, s12 = d * x, s22 = d * x * x + w, r1 = d * 1.15 + w, r2 = d * x * 1.15 + w * 0.09;
            double det = s11 * s22 - s12 * s12;
            double a = (r1 * s22 - r2 * s12) / det, b = (s11 * r2 - s12 * r1) / det;
            Check.Near(a + b * x, l.UsableScaleAt(75f), 1e-6, "at the trip's middle");
            Check.Near(a + b * (15.0 - 50) / 50, l.UsableScaleAt(15f), 1e-6, "at 15 %");
            // Learned near full, it is not carried to near empty: there a point holds less (the prior OCV slope).
            Assert.IsTrue(l.UsableScaleAt(15f) < l.UsableScaleAt(75f) - 0.05, "less at 15 % than at 75 %");

            Assert.IsFalse(l.AddSocSpan(1000, 50, 48, 20000), "a drop under 3 points tells nothing");
            Assert.IsFalse(l.AddSocSpan(10000, 60, 50, 20000), "x5: a SOC jump or a charge during the trip");
            Assert.AreEqual(1, l.SocTripCount, "SOC trips");
        }

        [TestMethod]
        public void Usable_energy_line_should_converge_on_trips_across_the_SOC_range()
        {
            var l = new CarCalibrationLearner();
            var rng = new Prng(5);
            for (int i = 0; i < 300; i++)
            {
                double start = 30 + 65 * rng.NextDouble(), drop = 5 + 20 * rng.NextDouble();
                double mid = start - drop / 2, r = 1.10 + 0.06 * (mid - 50) / 50;
                Assert.IsTrue(l.AddSocSpan(drop / 100 * 20000 * r, start, start - drop, 20000), "trip " + i.ToString());
            }

            Check.Near(1.10, l.UsableScale, 0.01, "at 50 %");
            Check.Near(0.06, l.UsableSlope, 0.02, "slope per 50 points");
            Check.Near(1.10 - 0.06 * 0.8, l.UsableScaleAt(10f), 0.02, "at 10 %");
        }

        [TestMethod]
        public void State_should_round_trip_bit_for_bit_and_refuse_garbage()
        {
            var l = new CarCalibrationLearner();
            l.SetPrior(280f, 50f);
            var rng = new Prng(3);
            var x = new double[5];
            for (int i = 0; i < 12; i++)
            {
                Trip(rng, i, x);
                l.AddTrip(x[0], x[1], x[2], x[3], x[4], Truth(x) * (1 + 0.1 * rng.NextGaussian()));
                l.AddSocSpan(2000 + 100 * i, 90 - 3 * i, 81 - 3 * i, 19000);
            }

            string s = l.SaveState();
            var copy = new CarCalibrationLearner();
            Assert.IsTrue(copy.TryLoadState(s), s);
            Assert.AreEqual(s, copy.SaveState(), "bit for bit");
            Trip(rng, 13, x);
            Assert.IsTrue(l.Predict(x[0], x[1], x[2], x[3], x[4]) == copy.Predict(x[0], x[1], x[2], x[3], x[4]), "same forecast, exactly");
            Assert.IsTrue(l.UsableScaleAt(33f) == copy.UsableScaleAt(33f), "same usable scale");
            Assert.AreEqual(l.TripCount, copy.TripCount, "trips");
            // Both learn the next trip identically.
            l.AddTrip(x[0], x[1], x[2], x[3], x[4], Truth(x));
            copy.AddTrip(x[0], x[1], x[2], x[3], x[4], Truth(x));
            Assert.AreEqual(l.SaveState(), copy.SaveState(), "same state after one more trip");

            string good = copy.SaveState();
            Assert.IsFalse(copy.TryLoadState(null), "null");
            Assert.IsFalse(copy.TryLoadState("garbage"), "garbage");
            Assert.IsFalse(copy.TryLoadState(good.Substring(0, good.Length - 1)), "a digit short");
            Assert.IsFalse(copy.TryLoadState("rgl2" + good.Substring(4)), "another learner's tag");
            Assert.IsFalse(copy.TryLoadState(Replace(good, 3, 5.0)), "drive scale beyond its bound");
            Assert.IsFalse(copy.TryLoadState(Replace(good, 8, -1.0)), "negative variance");
            Assert.IsFalse(copy.TryLoadState(Replace(good, 8, 1.0)), "variance above the prior");
            Assert.IsFalse(copy.TryLoadState(Replace(good, 9, 1000.0)), "correlation beyond 1");
            Assert.IsFalse(copy.TryLoadState(Replace(good, 23, double.NaN)), "NaN usable sum");
            Assert.IsFalse(copy.TryLoadState(Replace(good, 23, 1e9)), "an impossible usable-energy weight");
            Assert.IsFalse(copy.TryLoadState(Replace(good, 26, 1e4)), "a mean usable ratio beyond its bound");
            Assert.AreEqual(good, copy.SaveState(), "unchanged after refused states");
        }

        [TestMethod]
        public void State_should_carry_values_decimal_text_could_not()
        {
            var l = new CarCalibrationLearner();
            string s = Replace(Replace(l.SaveState(), 3, 1.0 / 3.0 + 1.0), 9, -4.9406564584124654e-324);
            Assert.IsTrue(l.TryLoadState(s), s);
            Assert.AreEqual(s, l.SaveState(), "a subnormal covariance term and 4/3 restore exactly");
            Check.Near(4.0 / 3.0, l.DriveScale, 1e-7, "drive scale");
        }

        private static double Sq(double v)
        {
            return v * v;
        }

        /// <summary>The state text with field <paramref name="index"/> (0 = tag) set to a real, as its bits.</summary>
        private static string Replace(string state, int index, double value)
        {
            string[] f = state.Split(';');
            var b = new TextBuffer(state.Length + 32);
            for (int i = 0; i < f.Length; i++)
            {
                if (i > 0)
                {
                    b.Append(';');
                }

                if (i == index)
                {
                    TextNumber.AppendBits(b, value);
                }
                else
                {
                    b.Append(f[i]);
                }
            }

            return b.ToString();
        }
    }
}
