using RangeGuard.Learning;
using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    /// <summary>
    /// The energy of a leg of the route (a <see cref="Leg"/>: sums of the plan's profile) under this tick's conditions:
    /// the state the forecaster sets once per tick (learned traction scale and base load, battery loss fraction, regen
    /// acceptance, usable energy, SOC, air and pack temperature, the cabin warm-up, start-up and HVAC-bias energy still to
    /// come) and the car's learned constants (heating and cooling scales, the trip-outcome factor), with the formulas that
    /// read them: median energy, its 1σ band, the arrival estimate, steady-cruise energy and the fastest cruise that arrives
    /// with a reserve. Everything the forecast of a leg depends on is here, in one place.
    /// Energy: k·(drive·(1+r) − regen·acceptance·(1−r)) + heating + cooling + (aux + ΔP)·time, × the outcome factor.
    /// </summary>
    internal sealed class LegEnergyModel
    {
        private readonly VehicleParams _vp;
        private readonly ConsumptionLearner _learner;

        /// <summary>Per tick: learned traction scale (× the car's drive constant) and base load incl. the learned offset, W.</summary>
        public float K, AuxW;

        /// <summary>Per tick: battery loss fraction and regen acceptance at the pack temperature, usable energy, Wh.</summary>
        public float LossR, Accept, UsableWh;

        /// <summary>Per tick: state of charge, %; air and pack temperature, °C.</summary>
        public float Soc, AmbientC, BatteryC;

        /// <summary>Per tick: cabin warm-up and start-up energy still to come, Wh; reported HVAC power minus the model's, W.</summary>
        public float WarmupLeftWh, StartupLeftWh, HvacBiasW;

        /// <summary>The car's learned heating and cooling scales and the trip-outcome factor (1 until learned).</summary>
        public float HeatScale = 1f, CoolScale = 1f, OutcomeC = 1f;

        public LegEnergyModel(VehicleParams vehicle, ConsumptionLearner learner)
        {
            _vp = vehicle;
            _learner = learner;
        }

        /// <summary>Median energy of a leg, Wh, and its drive part (for the band).</summary>
        public float EnergyWh(Leg leg, out float driveNetWh)
        {
            float hvac = _vp.CabinConductanceWPerK * (HeatScale * leg.HeatKs + CoolScale * leg.CoolKs) / 3600f;
            // A term whose factor is 0 (no start-up energy unless calibrated, no HVAC bias until one is seen) skips its Exp,
            // ~0.5 µs on the interpreter: 0 × anything finite adds nothing, and the sign of a zero cannot reach the result.
            float warmup = WarmupLeftWh == 0f ? 0f : WarmupLeftWh * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / _vp.CabinWarmupTauS));
            float hvacBias = HvacBiasW == 0f ? 0f : HvacBiasW * EnergyForecaster.HvacBiasTauS * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / EnergyForecaster.HvacBiasTauS)) / 3600f;
            float startup = StartupLeftWh == 0f ? 0f : StartupLeftWh * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / _vp.StartupTauS));
            float other = hvac + warmup + startup + hvacBias + AuxW * leg.TimeS / 3600f;

            // Regen acceptance over the SOC span the leg covers (estimated without regen): a full pack refuses regen
            // only until it has drawn down below the taper, not for the whole leg.
            float accept = Accept;
            if (Soc > _vp.Battery.RegenSocTaperStart && leg.RegenWh > 0f && UsableWh > 1f)
            {
                float spanWh = K * leg.DriveWh * (1f + LossR) + other;
                float socEnd = Soc - (spanWh > 0f ? spanWh : 0f) / UsableWh * 100f;
                accept = _vp.Battery.RegenAcceptanceOverSoc(BatteryC, Soc, socEnd);
            }

            driveNetWh = leg.DriveWh * (1f + LossR) - leg.RegenWh * accept * (1f - LossR);
            float e = (K * driveNetWh + other) * OutcomeC;
            return e > 0f ? e : 0f;
        }

        /// <summary>1σ of a leg's energy, Wh: learned-parameter uncertainty, window noise, model floor, unseen conditions.</summary>
        public float SigmaWh(Leg leg, float energyWh, float driveNetWh)
        {
            float var = _learner.ParameterVarianceWh2(driveNetWh, leg.TimeS / 3600f);
            // Window residuals are correlated along a trip, so they are not averaged down with distance.
            float res = 0.5f * _learner.ResidualRelStd * energyWh;
            var += res * res;
            float floor = EnergyForecaster.ModelFloorRel * energyWh;
            var += floor * floor;
            if (_learner.WindowCount > 0)
            {
                float outside = AmbientC < _learner.SeenAmbientMinC ? _learner.SeenAmbientMinC - AmbientC
                    : (AmbientC > _learner.SeenAmbientMaxC ? AmbientC - _learner.SeenAmbientMaxC : 0f);
                if (outside > 3f)
                {
                    float c = EnergyForecaster.UnseenTempRelPerK * (outside - 3f) * energyWh;
                    var += c * c;
                }
            }

            float scale = _vp.BandSigmaScale;
            float noise2 = _vp.RouteNoiseWhPerSqrtKm * _vp.RouteNoiseWhPerSqrtKm * leg.LengthM / 1000f + _vp.ArrivalNoiseWh * _vp.ArrivalNoiseWh;
            return RangeGuard.Common.DMath.SqrtOfFloat(var * scale * scale + noise2);
        }

        public void Fill(ref ArrivalEstimate a, Leg leg, float reserve, float plannedWh)
        {
            float driveNet;
            float e = EnergyWh(leg, out driveNet) + plannedWh;
            float sigma = SigmaWh(leg, e, driveNet);
            float z = Normal.Z90 * sigma;
            a.Exists = true;
            a.DistanceM = leg.LengthM;
            a.EtaSeconds = leg.TimeS;
            a.EnergyNeededKwh = e / 1000f;
            a.EnergyNeededLowKwh = (e - z) / 1000f;
            a.EnergyNeededHighKwh = (e + z) / 1000f;
            float toSoc = 100f / UsableWh;
            a.SocP50 = Soc - e * toSoc;
            a.SocP10 = Soc - (e + z) * toSoc;
            a.SocP90 = Soc - (e - z) * toSoc;
            a.ReservePercent = reserve;
            float allowWh = (Soc - reserve) / 100f * UsableWh;
            a.ProbBelowReserve = sigma > 0.001f ? Normal.Cdf((e - allowWh) / sigma) : (e > allowWh ? 1f : 0f);
            a.Reachable = a.SocP50 > 0f;
        }

        public float CruiseWh(Leg leg, float speedKmh)
        {
            float v = speedKmh / 3.6f;
            float road = (_vp.RoadLoadAN * leg.LRoll + _vp.RoadLoadBNPerMps * v * leg.LRoll
                + _vp.RoadLoadCNPerMps2 * (v * v * leg.LRho + 2f * v * leg.LRhoW + leg.LRhoW2)) * _vp.RoadLoadScale;
            float driveWh = (road / _vp.TractionEfficiency + _vp.InductionLossN * leg.LengthM) / 3600f * (1f + LossR) + leg.GradeKinWh;
            float hours = leg.LengthM / v / 3600f;
            float hvac = _vp.CabinConductanceWPerK * (HeatScale * leg.LHeatK + CoolScale * leg.LCoolK) / v / 3600f;
            return K * driveWh + hvac + AuxW * hours;
        }

        /// <summary>Highest steady speed (km/h) arriving with the reserve: 5 km/h scan down from 160, then bisection; −1 if even 20 km/h fails.</summary>
        public float MaxCruiseSpeed(Leg leg, float reserve)
        {
            float allowWh = (Soc - reserve) / 100f * UsableWh;
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
