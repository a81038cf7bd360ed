using RangeGuard.Common;

namespace RangeGuard.Learning
{
    /// <summary>
    /// Per-vehicle corrections learned online: a traction scale k and an auxiliary-power offset ΔP (W), in
    /// measured = k·modelDrive + modelAux + ΔP·hours, fitted per 500 m window by recursive least squares with
    /// forgetting (the Kalman form, so the covariance gives the forecast band). Bounded: innovations are clipped
    /// to 3σ, parameters to [0.6, 1.6] and [−1500, 4000] W, covariance never above the prior, so one odd trip
    /// moves it only a little. State survives trips through SaveState/TryLoadState.
    /// </summary>
    public sealed class ConsumptionLearner
    {
        public const float WindowDistanceM = 500f;
        public const double PriorScaleStd = 0.15;
        public const double PriorAuxStdW = 800.0;
        public const double Forgetting = 0.99;
        public const double MinScale = 0.6, MaxScale = 1.6, MinAuxW = -1500.0, MaxAuxW = 4000.0;
        private const double ClipSigma = 3.0;

        private double _k, _dp, _p11, _p12, _p22, _res2;
        private float _resStd;   // sqrt(_res2), kept with it: read per forecast leg, a square root is dear on the device
        private double _priorScale = 1.0;
        private int _windows;
        private float _tMin, _tMax;

        // Open window accumulators (float: per tick).
        private float _accMeasWh, _accDriveWh, _accAuxWh, _accS, _accM, _accTempS;

        public ConsumptionLearner()
        {
            Reset();
        }

        /// <summary>Traction scale k (1 = the physics model is right).</summary>
        public float TractionScale { get { return (float)_k; } }

        /// <summary>Auxiliary power the model misses, W.</summary>
        public float AuxOffsetW { get { return (float)_dp; } }

        /// <summary>Windows learned so far.</summary>
        public int WindowCount { get { return _windows; } }

        /// <summary>RMS relative residual of a 500 m window (innovation / measured energy).</summary>
        public float ResidualRelStd { get { return _resStd; } }

        /// <summary>Ambient range learned in, °C (min &gt; max when nothing was learned).</summary>
        public float SeenAmbientMinC { get { return _tMin; } }
        public float SeenAmbientMaxC { get { return _tMax; } }

        /// <summary>
        /// Multiplies both prior standard deviations (1 = the stated priors). A car whose base load and road load were
        /// calibrated from its own logs needs less room than a bare preset: a smaller prior keeps one trip's first windows
        /// from pulling a good model off (chosen per car with the calibration). Resets the learner.
        /// </summary>
        public double PriorScale
        {
            get { return _priorScale; }
            set
            {
                _priorScale = value > 0.01 ? (value < 10.0 ? value : 10.0) : 0.01;
                Reset();
            }
        }

        public void Reset()
        {
            _k = 1.0;
            _dp = 0.0;
            _p11 = PriorScaleStd * PriorScaleStd * _priorScale * _priorScale;
            _p12 = 0.0;
            _p22 = PriorAuxStdW * PriorAuxStdW * _priorScale * _priorScale;
            _res2 = 0.08 * 0.08;
            _resStd = (float)DMath.Sqrt(_res2);
            _windows = 0;
            _tMin = 1000f;
            _tMax = -1000f;
            DiscardWindow();
        }

        /// <summary>Drops the open window (after a gap or invalid inputs).</summary>
        public void DiscardWindow()
        {
            _accMeasWh = _accDriveWh = _accAuxWh = _accS = _accM = _accTempS = 0f;
        }

        /// <summary>Adds one tick; closes and learns a window every 500 m. True when a window was learned.</summary>
        public bool AddSample(float measuredWh, float modelDriveWh, float modelAuxWh, float dtS, float distanceM, float ambientC)
        {
            _accMeasWh += measuredWh;
            _accDriveWh += modelDriveWh;
            _accAuxWh += modelAuxWh;
            _accS += dtS;
            _accM += distanceM;
            _accTempS += ambientC * dtS;
            if (_accM < WindowDistanceM)
            {
                return false;
            }

            float meanT = _accS > 0f ? _accTempS / _accS : ambientC;
            bool ok = Update(_accMeasWh, _accDriveWh, _accAuxWh, _accS / 3600.0, meanT);
            DiscardWindow();
            return ok;
        }

        /// <summary>One RLS step on a window: measured and modelled energies in Wh, duration in hours.</summary>
        public bool Update(double measuredWh, double modelDriveWh, double modelAuxWh, double hours, float ambientC)
        {
            // IsNaN/IsInfinity first: ordered comparisons treat NaN differently on the interpreter (portable-code.md).
            if (NotFinite(measuredWh) || NotFinite(modelDriveWh) || NotFinite(modelAuxWh) || NotFinite(hours)
                || hours <= 0 || modelDriveWh < 0)
            {
                return false;
            }

            double y = measuredWh - modelAuxWh;
            double x1 = modelDriveWh, x2 = hours;

            // Forgetting: inflate the covariance, never beyond the prior.
            _p11 /= Forgetting;
            _p12 /= Forgetting;
            _p22 /= Forgetting;
            CapCovariance();

            // A 500 m window is noisy (traffic, signal timing): ±25 % + 10 Wh, so no single window moves much.
            double noise = 0.25 * (measuredWh < 0 ? -measuredWh : measuredWh) + 10.0;
            double px1 = _p11 * x1 + _p12 * x2;
            double px2 = _p12 * x1 + _p22 * x2;
            double s = x1 * px1 + x2 * px2 + noise * noise;
            double innov = y - (_k * x1 + _dp * x2);
            double limit = ClipSigma * DMath.Sqrt(s);
            double clipped = innov > limit ? limit : (innov < -limit ? -limit : innov);
            double g1 = px1 / s, g2 = px2 / s;
            _k += g1 * clipped;
            _dp += g2 * clipped;
            _p11 -= g1 * px1;
            _p12 -= g1 * px2;
            _p22 -= g2 * px2;
            _k = _k < MinScale ? MinScale : (_k > MaxScale ? MaxScale : _k);
            _dp = _dp < MinAuxW ? MinAuxW : (_dp > MaxAuxW ? MaxAuxW : _dp);

            // Relative to the modelled window energy (not the measured one, which can be ~0 on a descent), capped at ±1.
            double modelWh = _k * x1 + _dp * x2 + modelAuxWh;
            double scale = modelWh > 50.0 ? modelWh : 50.0;
            double rel = clipped / scale;
            rel = rel > 1.0 ? 1.0 : (rel < -1.0 ? -1.0 : rel);
            _res2 = 0.95 * _res2 + 0.05 * rel * rel;
            _resStd = (float)DMath.Sqrt(_res2);
            _windows++;
            if (ambientC < _tMin)
            {
                _tMin = ambientC;
            }

            if (ambientC > _tMax)
            {
                _tMax = ambientC;
            }

            return true;
        }

        /// <summary>Variance (Wh²) of k·driveWh + ΔP·hours from the parameter uncertainty.</summary>
        public float ParameterVarianceWh2(float driveWh, float hours)
        {
            double v = driveWh * (double)driveWh * _p11 + 2.0 * driveWh * (double)hours * _p12 + hours * (double)hours * _p22;
            return v > 0 ? (float)v : 0f;
        }

        private void CapCovariance()
        {
            double max11 = PriorScaleStd * PriorScaleStd * _priorScale * _priorScale, max22 = PriorAuxStdW * PriorAuxStdW * _priorScale * _priorScale;
            if (_p11 > max11 || _p22 > max22)
            {
                double f1 = _p11 > max11 ? max11 / _p11 : 1.0;
                double f2 = _p22 > max22 ? max22 / _p22 : 1.0;
                _p11 *= f1;
                _p22 *= f2;
                _p12 *= DMath.Sqrt(f1 * f2);
            }
        }

        /// <summary>
        /// "rgl2;k;dp;p11;p12;p22;res2;windows;tmin;tmax": each real as the 16 hex digits of its IEEE 754 double bits
        /// (tmin/tmax widened from float, which is exact), windows in decimal. Bits, not decimal text: a saved state
        /// must restore bit for bit, on the device and the host alike, and 17-digit decimal round trips need a correctly
        /// rounded parser and printer (the device's prints 17 wrong-ish digits and throws on "R"). Hex is exact for every
        /// double with integer arithmetic only, NaN and -0 included.
        /// </summary>
        public string SaveState()
        {
            TextBuffer b = new TextBuffer(StateLength);
            b.Append("rgl2");
            AppendReal(b, _k);
            AppendReal(b, _dp);
            AppendReal(b, _p11);
            AppendReal(b, _p12);
            AppendReal(b, _p22);
            AppendReal(b, _res2);
            b.Append(';');
            b.Append(_windows);
            AppendReal(b, _tMin);
            AppendReal(b, _tMax);
            return b.ToString();
        }

        /// <summary>Restores a saved state; false (state unchanged) on any malformed or out-of-bounds field.</summary>
        public bool TryLoadState(string state)
        {
            if (state == null)
            {
                return false;
            }

            string[] f = state.Split(';');
            if (f.Length != 10 || f[0] != "rgl2")
            {
                return false;
            }

            double k, dp, p11, p12, p22, res2, tmin, tmax;
            long n;
            if (!Num(f[1], out k) || !Num(f[2], out dp) || !Num(f[3], out p11) || !Num(f[4], out p12)
                || !Num(f[5], out p22) || !Num(f[6], out res2) || !TextNumber.TryParseLong(f[7], out n)
                || !Num(f[8], out tmin) || !Num(f[9], out tmax))
            {
                return false;
            }

            if (k < MinScale || k > MaxScale || dp < MinAuxW || dp > MaxAuxW || p11 <= 0 || p22 <= 0
                || p12 * p12 > p11 * p22 || res2 < 0 || res2 > 1 || n < 0 || n > int.MaxValue
                || (float)tmin != tmin || (float)tmax != tmax)
            {
                return false;
            }

            _k = k;
            _dp = dp;
            _p11 = p11;
            _p12 = p12;
            _p22 = p22;
            _res2 = res2;
            _resStd = (float)DMath.Sqrt(res2);
            _windows = (int)n;
            _tMin = (float)tmin;
            _tMax = (float)tmax;
            CapCovariance();
            DiscardWindow();
            return true;
        }

        // "rgl2" + 8 reals as ";" + 16 hex digits + ";" + up to 10 digits of windows.
        private const int StateLength = 4 + 8 * 17 + 11;

        private static void AppendReal(TextBuffer b, double v)
        {
            b.Append(';');
            TextNumber.AppendBits(b, v);
        }

        private static bool NotFinite(double x)
        {
            return double.IsNaN(x) || double.IsInfinity(x);
        }

        private static bool Num(string s, out double v)
        {
            return TextNumber.TryParseBits(s, out v) && !double.IsNaN(v) && !double.IsInfinity(v);
        }
    }
}
