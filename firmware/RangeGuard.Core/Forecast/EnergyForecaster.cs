// EnergyForecaster: state, plan set-up and the 1 Hz Tick orchestration (other concerns in EnergyForecaster.*.cs).
using RangeGuard.Learning;
using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    /// <summary>
    /// Route energy forecaster. TrySetPlan validates and precomputes in one O(n) pass (the previous plan stays on
    /// error); Tick (1 Hz) learns from the measured battery power and fills a ForecastResult in O(chargers),
    /// independent of route length (positions are found from a forward-moving hint), without allocating.
    /// Energy to a point: k·(drive·(1+r) − regen·acceptance·(1−r)) + heating + cooling + (aux + ΔP)·time + planned
    /// pack heating, with k and ΔP from the learner and r, acceptance from the pack temperature and SOC (mean over the
    /// leg's SOC span). Every leg is taken at the learned driver speed factor f (Leg.AtSpeedFactor: aero ∝ f², time-based
    /// loads ∝ 1/f) and kinetic factor g (Leg.AtKineticFactor: the plan's speed-change energy × g). Both learners live as long as the forecaster: a re-plan keeps what earlier legs taught.
    /// </summary>
    public sealed partial class EnergyForecaster : IRangeForecaster, IIncrementalPlanner
    {
        /// <summary>Irreducible relative model error (1σ) that learning cannot remove (traffic, driver).</summary>
        public const float ModelFloorRel = 0.05f;

        /// <summary>Extra relative σ per K of ambient outside what the learner has seen (beyond a 3 K margin).</summary>
        public const float UnseenTempRelPerK = 0.01f;

        private readonly VehicleParams _vp;
        private RouteProfile _profile;
        private readonly ConsumptionLearner _learner = new ConsumptionLearner();
        private readonly SpeedFactorLearner _speed = new SpeedFactorLearner();
        private readonly KineticFactorLearner _kinetic = new KineticFactorLearner();

        // The measured charging rate at the charger the car stands at, held over the heater's bursts.
        private readonly ChargeRateTracker _chargeRate = new ChargeRateTracker();
        private readonly float _drivePerPke, _regenPerPke;
        // The plan's chargers (sized by the first plan's charger capacity).
        private int[] _chargerSeg = new int[0];
        private float[] _chargerPos = new float[0];
        private float[] _chargerKw = new float[0];
        private bool[] _chargerDc = new bool[0];
        private int _chargerCount;
        private float _chargerReserve, _destReserve, _setpointC;
        private bool _hasPlan;
        private int _seg;

        // The previous valid tick (not held off: the cabin warm-up does not disturb speeds). The per-window learner reads
        // it too: whenever it has a previous tick (_havePrev) that tick also set these (every field is 12 bytes, memory.md).
        private bool _spHave;
        private long _spPrevMs;
        private float _spPrevPos, _spPrevV, _f = 1f, _g = 1f;

        // Learning state between ticks.
        private bool _havePrev;
        private float _filteredSpeedMps;
        private bool _started;
        private long _startMs;

        // Cabin conditioning energy at departure, electrical J (from the reported cabin temperature, else a cold soak).
        private float _conditionJ;

        // Reported HVAC power (when the car gives it): smoothed, and its deviation from the model now.
        private bool _hvacSeen;
        private float _hvacAvgW;

        /// <summary>Time constant of the reported-HVAC average, and how long a deviation from the HVAC model is assumed to last, s.</summary>
        public const float HvacAverageTauS = 300f;
        public const float HvacBiasTauS = 900f;

        // The energy of a leg under this tick's conditions (set each tick) and the car's learned constants.
        private readonly LegEnergyModel _m;

        // Legs reused every tick (filled in place): to the destination, and two for the legs a tick looks at one by one.
        private readonly Leg _legDest = new Leg();
        private readonly Leg _legA = new Leg();

        // The route's sums at the car's position this tick (Leg.SetPoint): where every leg a tick looks at starts.
        private readonly Leg _here = new Leg();

        // Arrival estimate reused every tick for a charger beyond the result's list (and the departure check).
        private ArrivalEstimate _arrival;

        public EnergyForecaster(VehicleParams vehicle) : this(vehicle, RoutePlan.MaxSegments)
        {
        }

        /// <summary>Capacity below 2,000 segments saves memory on a board without PSRAM.</summary>
        public EnergyForecaster(VehicleParams vehicle, int segmentCapacity)
        {
            if (vehicle == null)
            {
                throw new System.ArgumentNullException("vehicle");
            }

            _vp = vehicle;
            _m = new LegEnergyModel(vehicle, _learner);
            if (vehicle.LearnerPriorScale != 1f)
            {
                _learner.PriorScale = vehicle.LearnerPriorScale;
            }

            _profile = new RouteProfile(segmentCapacity < 1 ? 1 : (segmentCapacity > RoutePlan.MaxSegments ? RoutePlan.MaxSegments : segmentCapacity));
            // Wh per (m²/s²) of Σ PKE·L: the braked share of the kinetic energy, as Powertrain.SegmentEnergy counts it.
            float braked = vehicle.MassKg * (1f - vehicle.CoastShare) / 3600f;
            _drivePerPke = braked / vehicle.TractionEfficiency;
            _regenPerPke = braked * RoadLoad.RegenDecelEfficiency(vehicle.TypicalBrakeDecelMps2, vehicle.RegenLambdaMps2) * vehicle.RegenEfficiency;
            InitCalibration();
        }

        public VehicleParams Vehicle { get { return _vp; } }

        public ConsumptionLearner Learner { get { return _learner; } }

        /// <summary>Driven speed vs the plan's expected speeds, learned over the recent distance (kept across re-plans).</summary>
        public SpeedFactorLearner SpeedLearner { get { return _speed; } }

        /// <summary>Driven kinetic energy vs the plan's PKE, learned over the recent distance (kept across re-plans).</summary>
        public KineticFactorLearner KineticLearner { get { return _kinetic; } }

        public bool HasPlan { get { return _hasPlan; } }

        /// <summary>When false the learner is left as it is (e.g. towing, a known-odd trip); forecasting goes on.</summary>
        public bool LearningEnabled = true;

        /// <summary>
        /// Seconds after departure during which nothing is learned: the cabin warm-up/cool-down (τ 600 s) and start-up
        /// transients dominate the measured power then, and a fresh learner would extrapolate their modelling error over
        /// the whole trip as a constant auxiliary offset (i3 evaluation: hold-off 0 / 300 / 600 / 900 s / never gives
        /// 20.4 / 17.5 / 15.5 / 15.5 / 15.2 % MAPE at 25 % distance). One cabin time constant.
        /// </summary>
        public float LearnHoldOffS = 600f;

        /// <summary>Route length of the plan in force, m.</summary>
        public float PlanLengthM { get { return _hasPlan ? _profile.TotalM : 0f; } }

        /// <summary>Validates and precomputes a plan (O(n)); on error returns false with the reason and keeps the previous plan.</summary>
        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            CancelPlan();
            error = PlanValidator.Check(plan, _profile.Capacity);
            if (error != null)
            {
                return false;
            }

            _profile.Build(plan, _vp);
            Install(plan);
            return true;
        }

        /// <summary>The new plan's profile is complete: take its chargers and reserves, and restart the trip's state.</summary>
        private void Install(RoutePlan plan)
        {
            _chargerCount = plan.ChargerCount;
            RouteChargers c = plan.Chargers;
            if (_chargerPos.Length < _chargerCount)
            {
                _chargerSeg = new int[c.Length];
                _chargerPos = new float[c.Length];
                _chargerKw = new float[c.Length];
                _chargerDc = new bool[c.Length];
            }

            for (int i = 0; i < _chargerCount; i++)
            {
                _chargerPos[i] = c.PositionM[i];
                _chargerKw[i] = c.PowerKw[i];
                _chargerDc[i] = c.IsDc[i];
                _chargerSeg[i] = _profile.Locate(c.PositionM[i], 0);
            }

            _chargerReserve = plan.ChargerReservePercent;
            _destReserve = plan.DestinationReservePercent;
            _setpointC = plan.CabinSetpointC;
            _hasPlan = true;
            _seg = 0;
            _started = false;
            _spHave = false;
            _hvacSeen = false;
            _m.HvacBiasW = 0f;
            _chargeRate.Forget();
        }

        public ColdSoakResult EstimateColdSoak(float socPercent, float packTempC, float ambientC, float hoursToDeparture, float cabinSetpointC, float cruiseSpeedKmh)
        {
            return ColdSoak.Estimate(_vp, socPercent, packTempC, ambientC, hoursToDeparture, cabinSetpointC, cruiseSpeedKmh);
        }

        /// <summary>One 1 Hz step: learn from the measured power, then forecast into result.</summary>
        public void Tick(ForecastInputs inputs, ForecastResult result)
        {
            // By ref from here on: on nanoFramework every read of a field of a struct passed by value copies the whole
            // struct into a new heap object (a tick read the inputs' fields some 40 times), through a ref nothing is copied.
            Tick(ref inputs, result);
        }

        private void Tick(ref ForecastInputs inputs, ForecastResult result)
        {
            if (!_hasPlan)
            {
                Invalidate(result, "no route plan");
                return;
            }

            if (float.IsNaN(inputs.PositionM) || float.IsNaN(inputs.SocPercent) || float.IsNaN(inputs.BatteryTempC)
                || float.IsNaN(inputs.AmbientTempC) || float.IsNaN(inputs.SpeedKmh) || float.IsNaN(inputs.BatteryPowerW)
                || inputs.SocPercent < 0f || inputs.SocPercent > 100f)
            {
                _learner.DiscardWindow();
                _havePrev = false;
                _spHave = false;
                Invalidate(result, "input not a number or SOC outside 0..100");
                return;
            }

            if (!_started)
            {
                _started = true;
                _startMs = inputs.TimeMs;
                _conditionJ = inputs.HasCabinTemp && !float.IsNaN(inputs.CabinTempC)
                    ? _vp.CabinConditioningEnergyJ(inputs.CabinTempC, inputs.AmbientTempC, _setpointC)
                    : _vp.CabinWarmupEnergyJ(inputs.AmbientTempC, _setpointC);
                BeginOutcome(ref inputs);
            }

            float pos = inputs.PositionM < 0f ? 0f : (inputs.PositionM > _profile.TotalM ? _profile.TotalM : inputs.PositionM);
            _seg = _profile.Locate(pos, _seg);
            _here.SetPoint(_profile, _seg, pos);
            // The cabin warm-up and start-up decay now: the learner, the HVAC bias and the forecast all read them (one Exp each;
            // the start-up's factor is 0 unless calibrated, and 0 × any finite decay is 0).
            float elapsedS = (inputs.TimeMs - _startMs) / 1000f;
            float warmDecay = (float)RangeGuard.Common.DMath.Exp(-elapsedS / _vp.CabinWarmupTauS);
            float startDecay = _cStartup == 0f ? 1f : (float)RangeGuard.Common.DMath.Exp(-elapsedS / _vp.StartupTauS);
            Learn(ref inputs, pos, warmDecay, startDecay);
            LearnSpeed(ref inputs, pos);
            _f = _speed.Factor;
            _g = _kinetic.Factor;
            UpdateOutcome(ref inputs, pos);

            // The car's learned constants (CarCalibrationLearner; the preset's until trips are learned) under this trip's learner.
            _m.K = _learner.TractionScale * _cDrive;
            _m.AuxW = _cAux + _learner.AuxOffsetW;
            _m.Soc = inputs.SocPercent;
            _m.AmbientC = inputs.AmbientTempC;
            _m.BatteryC = inputs.BatteryTempC;
            _m.LossR = _vp.Battery.LossFraction(_m.BatteryC);
            _m.Accept = _vp.Battery.RegenAcceptance(_m.BatteryC, _m.Soc);
            _m.UsableWh = _vp.Battery.UsableEnergyKwh(_m.BatteryC) * 1000f;
            float plannedWh = inputs.PlannedHeatingKwh > 0f ? inputs.PlannedHeatingKwh * 1000f : 0f;
            _m.WarmupLeftWh = _conditionJ / 3600f * warmDecay;
            _m.StartupLeftWh = _cStartup * startDecay;
            UpdateHvac(ref inputs, warmDecay);
            _calib.TrackSpan(inputs.TimeMs, inputs.SocPercent, inputs.BatteryPowerW, _m.UsableWh, inputs.PluggedIn || !inputs.InputsValid || !LearningEnabled);
            ScaleUsable(pos);

            result.Valid = true;
            result.Degraded = !inputs.InputsValid;
            result.Reason = inputs.InputsValid ? null : "inputs stale or implausible";
            result.AvailableEnergyKwh = _m.Soc / 100f * _m.UsableWh / 1000f;
            result.LearnedTractionScale = _m.K;
            result.LearnedAuxOffsetW = _learner.AuxOffsetW;
            result.LearnedSpeedFactor = _f;
            result.LearnedKineticFactor = _g;

            // Destination.
            int lastSeg = _profile.Count - 1;
            Leg dest = FromHere(_legDest, lastSeg, _profile.TotalM);
            _m.Fill(ref result.Destination, dest, _destReserve, plannedWh);
            float eDest = result.Destination.EnergyNeededKwh * 1000f;
            result.BandRelativeWidth = eDest > 1f ? (result.Destination.EnergyNeededHighKwh - result.Destination.EnergyNeededLowKwh) * 1000f / eDest : 0f;
            if (result.BandRelativeWidth > 0.5f && !result.Degraded)
            {
                result.Degraded = true;
                result.Reason = "forecast band wider than ±25 %";
            }

            FillChargers(result, pos, plannedWh);
            result.StrandingDistanceM = result.Destination.SocP50 > 0f ? -1f : StrandingDistance(pos);
            Breakdown(result, dest);
            Advise(result, pos, dest, ref inputs);
        }

        private static void Invalidate(ForecastResult result, string reason)
        {
            result.Valid = false;
            result.Degraded = true;
            result.Reason = reason;
        }
    }
}
