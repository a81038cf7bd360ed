// EnergyForecaster: feeding the consumption, speed-factor and kinetic-factor learners, the trip-outcome correction, and the reported-HVAC bias.
using RangeGuard.Learning;
using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster
    {
        /// <summary>Windows of 500 m learned in this trip over which the trip-outcome correction fades by e (a priori).</summary>
        public const float OutcomeFadeWindows = 10f;

        private readonly TripOutcomeLearner _outcome = new TripOutcomeLearner();
        private float _outcomeDepartureC = 1f, _departureAmbientC;
        private int _windowsAtStart;

        /// <summary>Whole-trip correction learned from earlier trips of this car (kept across plans; persisted with SaveLearnedState).</summary>
        public TripOutcomeLearner OutcomeLearner { get { return _outcome; } }

        /// <summary>
        /// Whether the trip-outcome correction is applied (it learns at EndTrip either way, so it can be switched on with
        /// what it has learned). Off by default: stacked on the car's learned constants it made the departure forecast
        /// worse on the 31 development trips (see prediction-validation.md, "Learning on the device").
        /// </summary>
        public bool OutcomeCorrectionEnabled;

        /// <summary>Correction applied to the energy ahead now (fades as this trip's own windows are learned).</summary>
        public float OutcomeFactor { get { return _m.OutcomeC; } }

        /// <summary>
        /// Call once when a trip that reached the plan's destination ends, with the battery energy it took, kWh
        /// (EndTrip(measuredKwh, true)). False when no trip was open or it is unusable.
        /// </summary>
        public bool LearnTripOutcome(float measuredKwh)
        {
            return EndTrip(measuredKwh, true);
        }

        /// <summary>First tick of a plan: the calibrated cabin conditioning energy, then this departure.</summary>
        private void BeginOutcome(ref ForecastInputs inputs)
        {
            ApplyCalibration();
            _condition0J = _conditionJ;
            float cabin = inputs.HasCabinTemp && !float.IsNaN(inputs.CabinTempC) ? inputs.CabinTempC : inputs.AmbientTempC;
            _depHeating = cabin < _setpointC;
            _conditionJ *= _depHeating ? _m.HeatScale : _m.CoolScale;
            Depart(ref inputs, 0f);
        }

        /// <summary>
        /// Each tick, before the forecast: after a completed trip, the first tick moving at DepartureSpeedKmh or more is the
        /// next departure; then fade the correction with the windows this trip has taught.
        /// </summary>
        private void UpdateOutcome(ref ForecastInputs inputs, float pos)
        {
            _lastPos = pos;
            if (_awaitDeparture && inputs.InputsValid && inputs.SpeedKmh >= DepartureSpeedKmh)
            {
                Depart(ref inputs, (inputs.TimeMs - _startMs) / 1000f);
            }

            float learned = _learner.WindowCount - _windowsAtStart;
            // Without a correction (1) the fade is 1 + 0 × a decay ≤ 1: 1, with no Exp.
            _m.OutcomeC = _outcomeDepartureC == 1f && learned >= 0f ? 1f
                : 1f + (_outcomeDepartureC - 1f) * (float)RangeGuard.Common.DMath.Exp(-learned / OutcomeFadeWindows);
        }

        /// <summary>
        /// With reported HVAC power: smooth it (5 min) and keep its deviation from the model (steady load + warm-up) now;
        /// the forecast then assumes that deviation fades over HvacBiasTauS. Without it the bias is 0.
        /// </summary>
        /// <param name="warmDecay">The cabin warm-up's decay now, e^(−elapsed/τ) (worked out once per tick).</param>
        private void UpdateHvac(ref ForecastInputs inputs, float warmDecay)
        {
            if (inputs.HvacPowerW < 0f || !inputs.InputsValid || float.IsNaN(inputs.HvacPowerW))
            {
                return;
            }

            if (!_hvacSeen)
            {
                _hvacSeen = true;
                _hvacAvgW = inputs.HvacPowerW;
            }
            else
            {
                _hvacAvgW += (inputs.HvacPowerW - _hvacAvgW) / HvacAverageTauS;
            }

            float warmupW = _conditionJ / _vp.CabinWarmupTauS * warmDecay;
            float modelW = _m.HeatScale * _vp.HeatingPowerW(_m.AmbientC, _setpointC) + _m.CoolScale * _vp.CoolingPowerW(_m.AmbientC, _setpointC) + warmupW;
            _m.HvacBiasW = _hvacAvgW - modelW;
        }

        /// <summary>Feeds the speed-factor learner: the plan's time for the distance just driven vs the time it took.</summary>
        private void LearnSpeed(ref ForecastInputs inputs, float pos)
        {
            if (!inputs.InputsValid || !LearningEnabled)
            {
                _spHave = false;
                return;
            }

            if (_spHave)
            {
                float dt = (inputs.TimeMs - _spPrevMs) / 1000f;
                float dist = pos - _spPrevPos;
                if (dt > 0f && dt <= 5f && dist >= 0f)
                {
                    float segLen = _profile.Len[_seg + 1] - _profile.Len[_seg];
                    float planS = segLen > 0f ? dist * (_profile.Time[_seg + 1] - _profile.Time[_seg]) / segLen : dt;
                    _speed.Add(dt, dist, planS);
                    float planPke = segLen > 0f ? (_profile.PkeLen[_seg + 1] - _profile.PkeLen[_seg]) / segLen : 0f;
                    _kinetic.Add(_spPrevV, _filteredSpeedMps, dist, planPke);
                }
            }

            _spHave = true;
            _spPrevMs = inputs.TimeMs;
            _spPrevPos = pos;
            _spPrevV = _filteredSpeedMps;
        }

        /// <param name="warmDecay">The cabin warm-up's decay now, e^(−elapsed/τ); <paramref name="startDecay"/> the start-up's (any finite value when its factor is 0).</param>
        private void Learn(ref ForecastInputs inputs, float pos, float warmDecay, float startDecay)
        {
            float raw = inputs.SpeedKmh / 3.6f;
            // Light low-pass (about 2 s) so speed-signal jitter is not taken for acceleration energy.
            float v = _havePrev ? _filteredSpeedMps + 0.4f * (raw - _filteredSpeedMps) : raw;
            _filteredSpeedMps = v;
            // Held off after each departure (the first of a plan, and each after a completed trip).
            if (!inputs.InputsValid || !LearningEnabled || (_started && inputs.TimeMs - _departMs < LearnHoldOffS * 1000f))
            {
                _learner.DiscardWindow();
                _havePrev = false;
                return;
            }

            if (_havePrev)
            {
                // The previous tick was learned, so LearnSpeed kept it (after this method, each tick).
                float dt = (inputs.TimeMs - _spPrevMs) / 1000f;
                float dist = pos - _spPrevPos;
                if (dt <= 0f || dt > 5f || dist < 0f)
                {
                    _learner.DiscardWindow();
                }
                else
                {
                    float vMid = 0.5f * (v + _spPrevV);
                    float accel = (v - _spPrevV) / dt;
                    float segLen = _profile.Len[_seg + 1] - _profile.Len[_seg];
                    float sinGrade = segLen > 0f ? (_profile.Elev[_seg + 1] - _profile.Elev[_seg]) / segLen : 0f;
                    // Against the calibrated model: the learner's k and ΔP are what this trip adds to the car's constants.
                    float driveW = _cDrive * Powertrain.DrivePowerW(_vp, vMid, accel, sinGrade, inputs.AmbientTempC, 0f, inputs.BatteryTempC, inputs.SocPercent);
                    float warmupW = _conditionJ / _vp.CabinWarmupTauS * warmDecay;
                    float startupW = _cStartup * 3600f / _vp.StartupTauS * startDecay;
                    // With reported HVAC the learner only sees the non-HVAC error (the HVAC deviation is handled apart).
                    float auxW = inputs.HvacPowerW >= 0f
                        ? _cAux + startupW + inputs.HvacPowerW
                        : _cAux + startupW + warmupW + _m.HeatScale * _vp.HeatingPowerW(inputs.AmbientTempC, _setpointC) + _m.CoolScale * _vp.CoolingPowerW(inputs.AmbientTempC, _setpointC);
                    float h = dt / 3600f;
                    _learner.AddSample(inputs.BatteryPowerW * h, driveW * h, auxW * h, dt, dist, inputs.AmbientTempC);
                }
            }

            _havePrev = true;
        }
    }
}
