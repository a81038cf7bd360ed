// EnergyForecaster: whole trips. Each trip's departure is captured; when the trip ends the car's constants
// (CarCalibrationLearner) and the trip-outcome correction learn from it, and the trip-local learners start afresh.
using RangeGuard.Learning;

namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster : ITripLearner
    {
        /// <summary>After a completed trip, the first tick at this speed or more (km/h) is the next departure.</summary>
        public const float DepartureSpeedKmh = 1f;

        private const char StateSeparator = '|';

        private readonly CarCalibrationLearner _calib = new CarCalibrationLearner();
        private bool _calibrationEnabled = true;

        // The constants in force: the calibration learner's, or the preset's when it is switched off.
        private float _cDrive = 1f, _cAux, _cStartup;

        // The trip being driven, from its departure (the first tick of a plan, or the first moving tick after EndTrip).
        private bool _tripOpen, _awaitDeparture, _depHeating;
        private int _depSeg, _tripsLearned;
        private long _departMs;
        private float _depPos, _depLossR, _depAccept, _depSoc, _depBattC, _depWarmJ, _depStartupFrac, _depF = 1f, _depG = 1f;
        private float _condition0J, _lastPos;

        /// <summary>The car's constants learned from completed trips (the preset's with none).</summary>
        public CarCalibrationLearner Calibration { get { return _calib; } }

        /// <summary>When false the forecast uses the preset's constants (the learner still learns at EndTrip).</summary>
        public bool CalibrationEnabled
        {
            get { return _calibrationEnabled; }
            set
            {
                _calibrationEnabled = value;
                ApplyCalibration();
            }
        }

        /// <summary>A trip has departed and not yet ended.</summary>
        public bool TripOpen { get { return _tripOpen; } }

        /// <summary>Trips learned since start-up: changes whenever SaveLearnedState would give a new text.</summary>
        public int TripsLearned { get { return _tripsLearned; } }

        /// <summary>
        /// Ends the open trip with the battery energy it took, kWh (discharge minus regeneration while driving, without
        /// charging or the agent's own battery heater). The departure forecast's parts for the distance driven (to the plan's
        /// end when <paramref name="reachedDestination"/>, else to the position now) are learned against it: the car's
        /// constants, the usable energy per SOC point and the trip-outcome correction. Then the trip-local learners (per-window
        /// k and ΔP, speed and kinetic factors) start afresh, as they do for every trip in the evaluation, and the next
        /// departure is awaited. False when no trip was open or nothing could be learned (learning off, no distance, odd trip).
        /// </summary>
        public bool EndTrip(float measuredKwh, bool reachedDestination)
        {
            if (!_tripOpen)
            {
                return false;
            }

            // The span driven is learned below as the completed trip's span: it must not count twice.
            _calib.RestartSpan(-1, 0f);
            bool learned = LearningEnabled && _hasPlan && !float.IsNaN(measuredKwh) && !float.IsInfinity(measuredKwh) && LearnTrip(measuredKwh, reachedDestination);
            _tripOpen = false;
            _awaitDeparture = true;
            _learner.Reset();
            _speed.Reset();
            _kinetic.Reset();
            _havePrev = false;
            _spHave = false;
            _hvacSeen = false;
            _m.HvacBiasW = 0f;
            ApplyCalibration();
            if (learned)
            {
                _tripsLearned++;
            }

            return learned;
        }

        private bool LearnTrip(float measuredKwh, bool reachedDestination)
        {
            float end = reachedDestination ? _profile.TotalM : _lastPos;
            int endSeg = reachedDestination ? _profile.Count - 1 : _profile.Locate(end, _depSeg);
            if (end <= _depPos)
            {
                return false;
            }

            // The departure forecast's parts for the distance driven, at the preset's constants (f, g as at departure).
            Leg leg = _legA.Set(_profile, _depSeg, _depPos, endSeg, end).AtSpeedFactor(_depF).AtKineticFactor(_depG, _drivePerPke, _regenPerPke);
            float drive = leg.DriveWh * (1f + _depLossR) - leg.RegenWh * _depAccept * (1f - _depLossR);
            drive = drive > 0f ? drive : 0f;
            float hours = leg.TimeS / 3600f;
            float shape = _depStartupFrac * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / _vp.StartupTauS));
            float warm = _depWarmJ / 3600f * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / _vp.CabinWarmupTauS));
            float heat = _vp.CabinConductanceWPerK * leg.HeatKs / 3600f + (_depHeating ? warm : 0f);
            float cool = _vp.CabinConductanceWPerK * leg.CoolKs / 3600f + (_depHeating ? 0f : warm);
            double measuredWh = measuredKwh * 1000.0;

            // The outcome correction learns against the forecast before it (the constants in force at departure).
            float raw = _cDrive * drive + _cAux * hours + _cStartup * shape + _m.HeatScale * heat + _m.CoolScale * cool;
            bool outcome = _outcome.AddTrip(_departureAmbientC, raw / 1000f, measuredKwh);
            bool constants = _calib.AddTrip(drive, hours, shape, heat, cool, measuredWh);
            float meanBattC = 0.5f * (_depBattC + _m.BatteryC);
            _calib.AddSocSpan(measuredWh, _depSoc, _m.Soc, _vp.Battery.UsableEnergyKwh(meanBattC) * 1000.0);
            return outcome || constants;
        }

        /// <summary>Captures the departure of a trip: where, the pack, the cabin energy still to come, the speed factors.</summary>
        private void Depart(ref ForecastInputs inputs, float elapsedS)
        {
            _tripOpen = true;
            _awaitDeparture = false;
            _departMs = inputs.TimeMs;
            _depPos = inputs.PositionM < 0f ? 0f : (inputs.PositionM > _profile.TotalM ? _profile.TotalM : inputs.PositionM);
            _depSeg = _profile.Locate(_depPos, 0);
            _depLossR = _vp.Battery.LossFraction(inputs.BatteryTempC);
            _depAccept = _vp.Battery.RegenAcceptance(inputs.BatteryTempC, inputs.SocPercent);
            _depSoc = inputs.SocPercent;
            _depBattC = inputs.BatteryTempC;
            _depWarmJ = _condition0J * (float)RangeGuard.Common.DMath.Exp(-elapsedS / _vp.CabinWarmupTauS);
            _depStartupFrac = (float)RangeGuard.Common.DMath.Exp(-elapsedS / _vp.StartupTauS);
            _depF = _speed.Factor;
            _depG = _kinetic.Factor;
            _departureAmbientC = inputs.AmbientTempC;
            _outcomeDepartureC = OutcomeCorrectionEnabled ? _outcome.Factor(inputs.AmbientTempC) : 1f;
            _windowsAtStart = _learner.WindowCount;
        }

        private void InitCalibration()
        {
            _calib.SetPrior(_vp.AuxBaseW, _vp.StartupEnergyWh);
            ApplyCalibration();
        }

        private void ApplyCalibration()
        {
            bool on = _calibrationEnabled;
            _cDrive = on ? _calib.DriveScale : 1f;
            _cAux = on ? _calib.BaseLoadW : _vp.AuxBaseW;
            _cStartup = on ? _calib.StartupWh : _vp.StartupEnergyWh;
            _m.HeatScale = on ? _calib.HeatingScale : 1f;
            _m.CoolScale = on ? _calib.CoolingScale : 1f;
        }

        /// <summary>
        /// Each tick, with everything else in place: the usable energy per SOC point learned for the SOC this forecast
        /// spends, taken at the middle of the span from now to the destination (energy per point is higher near full).
        /// Nothing changes until the learner has seen a trip's SOC span or the span being driven is long enough.
        /// </summary>
        private void ScaleUsable(float pos)
        {
            if (!_calibrationEnabled || !_calib.HasUsableScale || _m.UsableWh <= 1f)
            {
                return;
            }

            float driveNet;
            float e = _m.EnergyWh(ArrivalFromHere(_legA, _profile.Count - 1, _profile.TotalM), out driveNet);
            float mid = _m.Soc - 50f * e / _m.UsableWh;
            _m.UsableWh *= _calib.UsableScaleAt(mid > 0f ? mid : _m.Soc * 0.5f);
        }

        /// <summary>What the device keeps across restarts: "rgc1;…|rgo2;…" (the car's constants, then the trip-outcome correction).</summary>
        public string SaveLearnedState()
        {
            return _calib.SaveState() + "|" + _outcome.SaveState();
        }

        /// <summary>Restores SaveLearnedState's text; false (nothing changed) if either part is refused.</summary>
        public bool TryLoadLearnedState(string state)
        {
            if (state == null)
            {
                return false;
            }

            string[] parts = state.Split(StateSeparator);
            if (parts.Length != 2)
            {
                return false;
            }

            string before = _calib.SaveState();
            if (!_calib.TryLoadState(parts[0]))
            {
                return false;
            }

            if (!_outcome.TryLoadState(parts[1]))
            {
                _calib.TryLoadState(before);
                return false;
            }

            ApplyCalibration();
            return true;
        }
    }
}
