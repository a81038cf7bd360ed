// EnergyForecaster: leg energy, its band (σ), arrival estimates at chargers/destination and the stranding point.
namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster
    {
        /// <summary>Route sums between two points, at the learned driver speed factor.</summary>
        private Leg Between(int segA, float posA, int segB, float posB)
        {
            return Leg.Between(_profile, segA, posA, segB, posB).AtSpeedFactor(_f).AtKineticFactor(_g, _drivePerPke, _regenPerPke);
        }

        /// <summary>Median energy of a leg, Wh, and its drive part (for the band).</summary>
        private float LegEnergyWh(Leg leg, out float driveNetWh)
        {
            float hvac = _vp.CabinConductanceWPerK * (_cHeat * leg.HeatKs + _cCool * leg.CoolKs) / 3600f;
            float warmup = _warmupLeftWh * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / _vp.CabinWarmupTauS));
            float hvacBias = _hvacBiasW * HvacBiasTauS * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / HvacBiasTauS)) / 3600f;
            float startup = _startupLeftWh * (1f - (float)RangeGuard.Common.DMath.Exp(-leg.TimeS / _vp.StartupTauS));
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
            float e = (_k * driveNetWh + other) * _outcomeC;
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

            float scale = _vp.BandSigmaScale;
            float noise2 = _vp.RouteNoiseWhPerSqrtKm * _vp.RouteNoiseWhPerSqrtKm * leg.LengthM / 1000f + _vp.ArrivalNoiseWh * _vp.ArrivalNoiseWh;
            return (float)RangeGuard.Common.DMath.Sqrt(var * scale * scale + noise2);
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

        /// <summary>Chargers ahead: next one, the farthest reachable with its reserve at P10, and the point of no return.</summary>
        private void FillChargers(ForecastResult result, float pos, float plannedWh)
        {
            result.NextChargerIndex = -1;
            result.NextCharger = new ArrivalEstimate();
            result.LastReachableChargerIndex = -1;
            result.ChargersAhead = 0;
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
                if (result.ChargersAhead < ForecastResult.MaxChargersAhead)
                {
                    result.AheadIndex[result.ChargersAhead] = i;
                    result.Ahead[result.ChargersAhead] = tmp;
                    result.ChargersAhead++;
                }

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
    }
}
