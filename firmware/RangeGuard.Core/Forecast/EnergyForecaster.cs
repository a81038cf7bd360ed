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
    public sealed class EnergyForecaster : IRangeForecaster
    {
        /// <summary>Irreducible relative model error (1σ) that learning cannot remove (traffic, driver).</summary>
        public const float ModelFloorRel = 0.05f;

        /// <summary>Extra relative σ per K of ambient outside what the learner has seen (beyond a 3 K margin).</summary>
        public const float UnseenTempRelPerK = 0.01f;

        private readonly VehicleParams _vp;
        private readonly RouteProfile _profile;
        private readonly ConsumptionLearner _learner = new ConsumptionLearner();
        private readonly SpeedFactorLearner _speed = new SpeedFactorLearner();
        private readonly KineticFactorLearner _kinetic = new KineticFactorLearner();
        private readonly float _drivePerPke, _regenPerPke;
        private readonly int[] _chargerSeg = new int[RoutePlan.MaxChargers];
        private readonly float[] _chargerPos = new float[RoutePlan.MaxChargers];
        private readonly float[] _chargerKw = new float[RoutePlan.MaxChargers];
        private readonly bool[] _chargerDc = new bool[RoutePlan.MaxChargers];
        private int _chargerCount;
        private float _chargerReserve, _destReserve, _setpointC;
        private bool _hasPlan;
        private int _seg;

        // Speed-factor state between ticks (not held off: the cabin warm-up does not disturb speeds).
        private bool _spHave;
        private long _spPrevMs;
        private float _spPrevPos, _spPrevV, _f = 1f, _g = 1f;

        // Learning state between ticks.
        private bool _havePrev;
        private long _prevTimeMs;
        private float _prevPos, _prevSpeedMps, _filteredSpeedMps;
        private bool _started;
        private long _startMs;
        private float _warmupLeftWh, _startupLeftWh;

        // Cabin conditioning energy at departure, electrical J (from the reported cabin temperature, else a cold soak).
        private float _conditionJ;

        // Reported HVAC power (when the car gives it): smoothed, and its deviation from the model now.
        private bool _hvacSeen;
        private float _hvacAvgW, _hvacBiasW;

        /// <summary>Time constant of the reported-HVAC average, and how long a deviation from the HVAC model is assumed to last, s.</summary>
        public const float HvacAverageTauS = 300f;
        public const float HvacBiasTauS = 900f;

        // Per-tick state used by the energy formula.
        private float _k, _auxW, _lossR, _accept, _usableWh, _soc, _ambientC, _batteryC;

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
            _profile = new RouteProfile(segmentCapacity < 1 ? 1 : (segmentCapacity > RoutePlan.MaxSegments ? RoutePlan.MaxSegments : segmentCapacity));
            // Wh per (m²/s²) of Σ PKE·L: the braked share of the kinetic energy, as Powertrain.SegmentEnergy counts it.
            float braked = vehicle.MassKg * (1f - vehicle.CoastShare) / 3600f;
            _drivePerPke = braked / vehicle.TractionEfficiency;
            _regenPerPke = braked * RoadLoad.RegenDecelEfficiency(vehicle.TypicalBrakeDecelMps2, vehicle.RegenLambdaMps2) * vehicle.RegenEfficiency;
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
            error = PlanValidator.Check(plan, _profile.Capacity);
            if (error != null)
            {
                return false;
            }

            _profile.Build(plan, _vp);
            _chargerCount = plan.ChargerCount;
            for (int i = 0; i < _chargerCount; i++)
            {
                RouteCharger c = plan.Chargers[i];
                _chargerPos[i] = c.PositionM;
                _chargerKw[i] = c.PowerKw;
                _chargerDc[i] = c.IsDc;
                _chargerSeg[i] = _profile.Locate(c.PositionM, 0);
            }

            _chargerReserve = plan.ChargerReservePercent;
            _destReserve = plan.DestinationReservePercent;
            _setpointC = plan.CabinSetpointC;
            _hasPlan = true;
            _seg = 0;
            _started = false;
            _spHave = false;
            _hvacSeen = false;
            _hvacBiasW = 0f;
            return true;
        }

        /// <summary>One 1 Hz step: learn from the measured power, then forecast into result.</summary>
        public void Tick(ForecastInputs inputs, ForecastResult result)
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
            }

            float pos = inputs.PositionM < 0f ? 0f : (inputs.PositionM > _profile.TotalM ? _profile.TotalM : inputs.PositionM);
            _seg = _profile.Locate(pos, _seg);
            Learn(inputs, pos);
            LearnSpeed(inputs, pos);
            _f = _speed.Factor;
            _g = _kinetic.Factor;

            _k = _learner.TractionScale;
            _auxW = _vp.AuxBaseW + _learner.AuxOffsetW;
            _soc = inputs.SocPercent;
            _ambientC = inputs.AmbientTempC;
            _batteryC = inputs.BatteryTempC;
            _lossR = _vp.Battery.LossFraction(_batteryC);
            _accept = _vp.Battery.RegenAcceptance(_batteryC, _soc);
            _usableWh = _vp.Battery.UsableEnergyKwh(_batteryC) * 1000f;
            float plannedWh = inputs.PlannedHeatingKwh > 0f ? inputs.PlannedHeatingKwh * 1000f : 0f;
            float elapsedS = (inputs.TimeMs - _startMs) / 1000f;
            _warmupLeftWh = _conditionJ / 3600f * (float)System.Math.Exp(-elapsedS / _vp.CabinWarmupTauS);
            _startupLeftWh = _vp.StartupEnergyWh * (float)System.Math.Exp(-elapsedS / _vp.StartupTauS);
            UpdateHvac(inputs, elapsedS);

            result.Valid = true;
            result.Degraded = !inputs.InputsValid;
            result.Reason = inputs.InputsValid ? null : "inputs stale or implausible";
            result.AvailableEnergyKwh = _soc / 100f * _usableWh / 1000f;
            result.LearnedTractionScale = _k;
            result.LearnedAuxOffsetW = _learner.AuxOffsetW;
            result.LearnedSpeedFactor = _f;
            result.LearnedKineticFactor = _g;

            // Destination.
            int lastSeg = _profile.Count - 1;
            Leg dest = Between(_seg, pos, lastSeg, _profile.TotalM);
            Fill(ref result.Destination, dest, _destReserve, plannedWh);
            float eDest = result.Destination.EnergyNeededKwh * 1000f;
            result.BandRelativeWidth = eDest > 1f ? (result.Destination.EnergyNeededHighKwh - result.Destination.EnergyNeededLowKwh) * 1000f / eDest : 0f;
            if (result.BandRelativeWidth > 0.5f && !result.Degraded)
            {
                result.Degraded = true;
                result.Reason = "forecast band wider than ±25 %";
            }

            // Chargers ahead: next one, and the farthest reachable with its reserve at the pessimistic estimate.
            result.NextChargerIndex = -1;
            result.NextCharger = new ArrivalEstimate();
            result.LastReachableChargerIndex = -1;
            ArrivalEstimate tmp = new ArrivalEstimate();
            ArrivalEstimate lastReach = new ArrivalEstimate();
            for (int i = 0; i < _chargerCount; i++)
            {
                if (_chargerPos[i] <= pos + 1f)
                {
                    continue;
                }

                Leg leg = Between(_seg, pos, _chargerSeg[i], _chargerPos[i]);
                Fill(ref tmp, leg, _chargerReserve, plannedWh);
                if (result.NextChargerIndex < 0)
                {
                    result.NextChargerIndex = i;
                    result.NextCharger = tmp;
                }

                if (tmp.SocP10 >= _chargerReserve)
                {
                    result.LastReachableChargerIndex = i;
                    lastReach = tmp;
                }
            }

            result.PointOfNoReturnM = -1f;
            if (result.LastReachableChargerIndex >= 0 && lastReach.DistanceM > 0f)
            {
                float surplusWh = (lastReach.SocP10 - _chargerReserve) / 100f * _usableWh;
                float perM = lastReach.EnergyNeededKwh * 1000f / lastReach.DistanceM;
                result.PointOfNoReturnM = lastReach.DistanceM + (perM > 0.001f ? surplusWh / (2f * perM) : 0f);
            }

            result.StrandingDistanceM = result.Destination.SocP50 > 0f ? -1f : StrandingDistance(pos);
            Breakdown(result, dest);
            Advise(result, pos, dest);
        }

        /// <summary>
        /// With reported HVAC power: smooth it (5 min) and keep its deviation from the model (steady load + warm-up) now;
        /// the forecast then assumes that deviation fades over HvacBiasTauS. Without it the bias is 0.
        /// </summary>
        private void UpdateHvac(ForecastInputs inputs, float elapsedS)
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

            float warmupW = _conditionJ / _vp.CabinWarmupTauS * (float)System.Math.Exp(-elapsedS / _vp.CabinWarmupTauS);
            float modelW = _vp.HeatingPowerW(_ambientC, _setpointC) + _vp.CoolingPowerW(_ambientC, _setpointC) + warmupW;
            _hvacBiasW = _hvacAvgW - modelW;
        }

        /// <summary>Route sums between two points, at the learned driver speed factor.</summary>
        private Leg Between(int segA, float posA, int segB, float posB)
        {
            return Leg.Between(_profile, segA, posA, segB, posB).AtSpeedFactor(_f).AtKineticFactor(_g, _drivePerPke, _regenPerPke);
        }

        /// <summary>Feeds the speed-factor learner: the plan's time for the distance just driven vs the time it took.</summary>
        private void LearnSpeed(ForecastInputs inputs, float pos)
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

        private static void Invalidate(ForecastResult result, string reason)
        {
            result.Valid = false;
            result.Degraded = true;
            result.Reason = reason;
        }

        private void Learn(ForecastInputs inputs, float pos)
        {
            float raw = inputs.SpeedKmh / 3.6f;
            // Light low-pass (about 2 s) so speed-signal jitter is not taken for acceleration energy.
            float v = _havePrev ? _filteredSpeedMps + 0.4f * (raw - _filteredSpeedMps) : raw;
            _filteredSpeedMps = v;
            if (!inputs.InputsValid || !LearningEnabled || (_started && inputs.TimeMs - _startMs < LearnHoldOffS * 1000f))
            {
                _learner.DiscardWindow();
                _havePrev = false;
                return;
            }

            if (_havePrev)
            {
                float dt = (inputs.TimeMs - _prevTimeMs) / 1000f;
                float dist = pos - _prevPos;
                if (dt <= 0f || dt > 5f || dist < 0f)
                {
                    _learner.DiscardWindow();
                }
                else
                {
                    float vMid = 0.5f * (v + _prevSpeedMps);
                    float accel = (v - _prevSpeedMps) / dt;
                    float segLen = _profile.Len[_seg + 1] - _profile.Len[_seg];
                    float sinGrade = segLen > 0f ? (_profile.Elev[_seg + 1] - _profile.Elev[_seg]) / segLen : 0f;
                    float driveW = Powertrain.DrivePowerW(_vp, vMid, accel, sinGrade, inputs.AmbientTempC, 0f, inputs.BatteryTempC, inputs.SocPercent);
                    float elapsed = (inputs.TimeMs - _startMs) / 1000f;
                    float warmupW = _conditionJ / _vp.CabinWarmupTauS * (float)System.Math.Exp(-elapsed / _vp.CabinWarmupTauS);
                    float startupW = _vp.StartupEnergyWh * 3600f / _vp.StartupTauS * (float)System.Math.Exp(-elapsed / _vp.StartupTauS);
                    // With reported HVAC the learner only sees the non-HVAC error (the HVAC deviation is handled apart).
                    float auxW = inputs.HvacPowerW >= 0f
                        ? _vp.AuxBaseW + startupW + inputs.HvacPowerW
                        : _vp.AuxBaseW + startupW + warmupW + _vp.HeatingPowerW(inputs.AmbientTempC, _setpointC) + _vp.CoolingPowerW(inputs.AmbientTempC, _setpointC);
                    float h = dt / 3600f;
                    _learner.AddSample(inputs.BatteryPowerW * h, driveW * h, auxW * h, dt, dist, inputs.AmbientTempC);
                }
            }

            _havePrev = true;
            _prevTimeMs = inputs.TimeMs;
            _prevPos = pos;
            _prevSpeedMps = v;
        }

        /// <summary>Median energy of a leg, Wh, and its drive part (for the band).</summary>
        private float LegEnergyWh(Leg leg, out float driveNetWh)
        {
            float hvac = _vp.CabinConductanceWPerK * (leg.HeatKs + leg.CoolKs) / 3600f;
            float warmup = _warmupLeftWh * (1f - (float)System.Math.Exp(-leg.TimeS / _vp.CabinWarmupTauS));
            float hvacBias = _hvacBiasW * HvacBiasTauS * (1f - (float)System.Math.Exp(-leg.TimeS / HvacBiasTauS)) / 3600f;
            float startup = _startupLeftWh * (1f - (float)System.Math.Exp(-leg.TimeS / _vp.StartupTauS));
            float other = hvac + warmup + startup + hvacBias + _auxW * leg.TimeS / 3600f;

            // Regen acceptance over the SOC span the leg covers (estimated without regen): a full pack refuses regen
            // only until it has drawn down below the taper, not for the whole leg.
            float accept = _accept;
            if (_soc > _vp.Battery.RegenSocTaperStart && leg.RegenWh > 0f && _usableWh > 1f)
            {
                float spanWh = _k * leg.DriveWh * (1f + _lossR) + other;
                float socEnd = _soc - (spanWh > 0f ? spanWh : 0f) / _usableWh * 100f;
                accept = _vp.Battery.RegenAcceptanceOverSoc(_batteryC, _soc, socEnd);
            }

            driveNetWh = leg.DriveWh * (1f + _lossR) - leg.RegenWh * accept * (1f - _lossR);
            float e = _k * driveNetWh + other;
            return e > 0f ? e : 0f;
        }

        /// <summary>1σ of a leg's energy, Wh: learned-parameter uncertainty, window noise, model floor, unseen conditions.</summary>
        private float LegSigmaWh(Leg leg, float energyWh, float driveNetWh)
        {
            float var = _learner.ParameterVarianceWh2(driveNetWh, leg.TimeS / 3600f);
            // Window residuals are correlated along a trip, so they are not averaged down with distance.
            float res = 0.5f * _learner.ResidualRelStd * energyWh;
            var += res * res;
            float floor = ModelFloorRel * energyWh;
            var += floor * floor;
            if (_learner.WindowCount > 0)
            {
                float outside = _ambientC < _learner.SeenAmbientMinC ? _learner.SeenAmbientMinC - _ambientC
                    : (_ambientC > _learner.SeenAmbientMaxC ? _ambientC - _learner.SeenAmbientMaxC : 0f);
                if (outside > 3f)
                {
                    float c = UnseenTempRelPerK * (outside - 3f) * energyWh;
                    var += c * c;
                }
            }

            return (float)System.Math.Sqrt(var) * _vp.BandSigmaScale;
        }

        private void Fill(ref ArrivalEstimate a, Leg leg, float reserve, float plannedWh)
        {
            float driveNet;
            float e = LegEnergyWh(leg, out driveNet) + plannedWh;
            float sigma = LegSigmaWh(leg, e, driveNet);
            float z = Normal.Z90 * sigma;
            a.Exists = true;
            a.DistanceM = leg.LengthM;
            a.EtaSeconds = leg.TimeS;
            a.EnergyNeededKwh = e / 1000f;
            a.EnergyNeededLowKwh = (e - z) / 1000f;
            a.EnergyNeededHighKwh = (e + z) / 1000f;
            float toSoc = 100f / _usableWh;
            a.SocP50 = _soc - e * toSoc;
            a.SocP10 = _soc - (e + z) * toSoc;
            a.SocP90 = _soc - (e - z) * toSoc;
            a.ReservePercent = reserve;
            float allowWh = (_soc - reserve) / 100f * _usableWh;
            a.ProbBelowReserve = sigma > 0.001f ? Normal.Cdf((e - allowWh) / sigma) : (e > allowWh ? 1f : 0f);
            a.Reachable = a.SocP50 > 0f;
        }

        /// <summary>Where the median forecast empties the pack: binary search on segment boundaries, then linear inside.</summary>
        private float StrandingDistance(float pos)
        {
            float availWh = _soc / 100f * _usableWh;
            int lo = _seg + 1, hi = _profile.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                float dummy;
                float e = LegEnergyWh(Between(_seg, pos, mid - 1, _profile.Len[mid]), out dummy);
                if (e >= availWh)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            int seg = lo - 1;
            float d0;
            float eStart = seg <= _seg ? 0f : LegEnergyWh(Between(_seg, pos, seg, _profile.Len[seg]), out d0);
            float eEnd = LegEnergyWh(Between(_seg, pos, seg, _profile.Len[seg + 1]), out d0);
            float start = seg <= _seg ? pos : _profile.Len[seg];
            float f = eEnd > eStart ? (availWh - eStart) / (eEnd - eStart) : 1f;
            f = f < 0f ? 0f : (f > 1f ? 1f : f);
            return start + f * (_profile.Len[seg + 1] - start) - pos;
        }

        private void Breakdown(ForecastResult result, Leg dest)
        {
            float[] loss = result.LossKmByCause;
            float eWh = result.Destination.EnergyNeededKwh * 1000f;
            float scale = _k * (1f + _lossR);
            loss[LossCause.Speed] = scale * dest.LossSpeedWh;
            loss[LossCause.ColdAirAndTyres] = scale * dest.LossColdWh;
            loss[LossCause.Wind] = scale * dest.LossWindWh;
            loss[LossCause.Elevation] = _k * dest.LossElevWh;
            loss[LossCause.CabinHeating] = _vp.CabinConductanceWPerK * dest.HeatKs / 3600f
                + _warmupLeftWh * (1f - (float)System.Math.Exp(-dest.TimeS / _vp.CabinWarmupTauS));
            BatteryModel b = _vp.Battery;
            float mildR = b.LossFraction(RoadLoad.ReferenceTempC);
            float mildAccept = b.RegenAcceptance(RoadLoad.ReferenceTempC, _soc);
            float coldWh = _k * (dest.DriveWh * (_lossR - mildR) + dest.RegenWh * (mildAccept * (1f - mildR) - _accept * (1f - _lossR)));
            coldWh += (b.UsableEnergyKwh(RoadLoad.ReferenceTempC) * 1000f - _usableWh) * _soc / 100f;
            loss[LossCause.ColdBattery] = coldWh;

            float lossSum = 0f;
            for (int i = 0; i < LossCause.Count; i++)
            {
                if (loss[i] > 0f)
                {
                    lossSum += loss[i];
                }
            }

            float km = dest.LengthM / 1000f;
            float baseWhPerKm = km > 0.01f ? (eWh - lossSum) / km : 0f;
            if (baseWhPerKm < 50f)
            {
                baseWhPerKm = 50f;
            }

            for (int i = 0; i < LossCause.Count; i++)
            {
                loss[i] = loss[i] > 0f && km > 0.01f ? loss[i] / baseWhPerKm : 0f;
            }

            for (int r = 0; r < result.TopCauses.Length; r++)
            {
                int best = -1;
                for (int i = 0; i < LossCause.Count; i++)
                {
                    if (loss[i] <= 0.05f || Taken(result.TopCauses, r, i))
                    {
                        continue;
                    }

                    if (best < 0 || loss[i] > loss[best])
                    {
                        best = i;
                    }
                }

                result.TopCauses[r] = best;
            }
        }

        private static bool Taken(int[] top, int count, int cause)
        {
            for (int i = 0; i < count; i++)
            {
                if (top[i] == cause)
                {
                    return true;
                }
            }

            return false;
        }

        private void Advise(ForecastResult result, float pos, Leg dest)
        {
            BatteryModel b = _vp.Battery;

            // Lower cabin setpoint by 2 K: saves G·2 K/COP for every heated second.
            float savedWh = _vp.CabinConductanceWPerK * 2f * dest.HeatS / 3600f;
            float whPerKm = dest.LengthM > 10f ? result.Destination.EnergyNeededKwh * 1e6f / dest.LengthM : 150f;
            result.AdviceSetpointGainKm = whPerKm > 1f ? savedWh / whPerKm : 0f;

            // Charge stop: only when the destination is not made with its reserve at P10.
            result.AdviceChargerIndex = -1;
            result.AdviceChargeMinutes = 0f;
            result.AdviceChargeMinutesPreconditioned = 0f;
            result.AdviceChargeToSocPercent = 0f;
            int targetSeg = _profile.Count - 1;
            float targetPos = _profile.TotalM;
            float targetReserve = _destReserve;
            if (result.Destination.SocP10 < _destReserve && result.LastReachableChargerIndex >= 0)
            {
                int c = result.LastReachableChargerIndex;
                Leg onward = Between(_chargerSeg[c], _chargerPos[c], targetSeg, targetPos);
                float driveNet;
                float e = LegEnergyWh(onward, out driveNet);
                float sigma = LegSigmaWh(onward, e, driveNet);
                float toSoc = _destReserve + (e + Normal.Z90 * sigma) / _usableWh * 100f;
                toSoc = toSoc > 100f ? 100f : toSoc;
                Leg there = Between(_seg, pos, _chargerSeg[c], _chargerPos[c]);
                float arrive = _soc - LegEnergyWh(there, out driveNet) / _usableWh * 100f;
                result.AdviceChargerIndex = c;
                result.AdviceChargeToSocPercent = toSoc;
                result.AdviceChargeMinutes = toSoc > arrive ? b.ChargeMinutes(arrive, toSoc, _batteryC, _chargerKw[c], _chargerDc[c]) : 0f;
                result.AdviceChargeMinutesPreconditioned = toSoc > arrive ? b.ChargeMinutes(arrive, toSoc, b.DcFullPowerTempC, _chargerKw[c], _chargerDc[c]) : 0f;
                targetSeg = _chargerSeg[c];
                targetPos = _chargerPos[c];
                targetReserve = _chargerReserve;
            }

            // Speed cap for the leg to the target (destination, or the advised charger).
            float median;
            if (targetPos >= _profile.TotalM)
            {
                median = result.Destination.SocP50;
            }
            else
            {
                float dn;
                median = _soc - LegEnergyWh(Between(_seg, pos, targetSeg, targetPos), out dn) / _usableWh * 100f;
            }

            if (median >= targetReserve)
            {
                result.AdviceMaxSpeedKmh = 0f;
                return;
            }

            Leg leg = Between(_seg, pos, targetSeg, targetPos);
            result.AdviceMaxSpeedKmh = MaxCruiseSpeed(leg, targetReserve);
        }

        /// <summary>Energy at a steady cruise speed over a leg, Wh (closed form from the cruise sums).</summary>
        public float CruiseEnergyWh(float speedKmh, float fromM, float toM)
        {
            if (!_hasPlan)
            {
                return 0f;
            }

            int a = _profile.Locate(fromM, _seg), b = _profile.Locate(toM, a);
            return CruiseWh(Between(a, fromM, b, toM), speedKmh);
        }

        private float CruiseWh(Leg leg, float speedKmh)
        {
            float v = speedKmh / 3.6f;
            float road = (_vp.RoadLoadAN * leg.LRoll + _vp.RoadLoadBNPerMps * v * leg.LRoll
                + _vp.RoadLoadCNPerMps2 * (v * v * leg.LRho + 2f * v * leg.LRhoW + leg.LRhoW2)) * _vp.RoadLoadScale;
            float driveWh = (road / _vp.TractionEfficiency + _vp.InductionLossN * leg.LengthM) / 3600f * (1f + _lossR) + leg.GradeKinWh;
            float hours = leg.LengthM / v / 3600f;
            float hvac = _vp.CabinConductanceWPerK * (leg.LHeatK + leg.LCoolK) / v / 3600f;
            return _k * driveWh + hvac + _auxW * hours;
        }

        /// <summary>Highest steady speed (km/h) arriving with the reserve: 5 km/h scan down from 160, then bisection; −1 if even 20 km/h fails.</summary>
        private float MaxCruiseSpeed(Leg leg, float reserve)
        {
            float allowWh = (_soc - reserve) / 100f * _usableWh;
            float hi = 160f;
            if (CruiseWh(leg, hi) <= allowWh)
            {
                return hi;
            }

            float lo = hi;
            while (lo > 20f)
            {
                lo -= 5f;
                if (CruiseWh(leg, lo) <= allowWh)
                {
                    break;
                }
            }

            if (CruiseWh(leg, lo) > allowWh)
            {
                return -1f;
            }

            hi = lo + 5f;
            for (int i = 0; i < 16; i++)
            {
                float mid = 0.5f * (lo + hi);
                if (CruiseWh(leg, mid) <= allowWh)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
