// EnergyForecaster: leg energy, its band (σ), arrival estimates at chargers/destination and the stranding point.
namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster
    {
        /// <summary>Route sums between two points, at the learned driver speed and kinetic factors, into <paramref name="leg"/> (returned).</summary>
        private Leg Between(Leg leg, int segA, float posA, int segB, float posB)
        {
            return leg.Set(_profile, segA, posA, segB, posB).AtSpeedFactor(_f).AtKineticFactor(_g, _drivePerPke, _regenPerPke);
        }

        /// <summary>The same from the car's position this tick (its sums worked out once, in <see cref="_here"/>).</summary>
        private Leg FromHere(Leg leg, int segB, float posB)
        {
            return leg.SetFrom(_here, _profile, segB, posB).AtSpeedFactor(_f).AtKineticFactor(_g, _drivePerPke, _regenPerPke);
        }

        /// <summary>The sums of <see cref="FromHere"/> that an arrival estimate and LegEnergyModel.EnergyWh read (<see cref="Leg.SetArrivalFrom"/>).</summary>
        private Leg ArrivalFromHere(Leg leg, int segB, float posB)
        {
            return leg.SetArrivalFrom(_here, _profile, segB, posB, _f, _g, _drivePerPke, _regenPerPke);
        }

        /// <summary>
        /// Chargers ahead: next one, the farthest reachable with its reserve at P10, and the point of no return. Each
        /// estimate is filled in place, into the result's list while it has room (a struct copy would be a heap object on
        /// the device, and a copy field by field costs a call and a dozen fields on the interpreter).
        /// </summary>
        private void FillChargers(ForecastResult result, float pos, float plannedWh)
        {
            result.NextChargerIndex = -1;
            Clear(ref result.NextCharger);
            result.LastReachableChargerIndex = -1;
            result.ChargersAhead = 0;
            float reachSocP10 = 0f, reachKwh = 0f, reachM = 0f;
            for (int i = 0; i < _chargerCount; i++)
            {
                if (_chargerPos[i] <= pos + 1f)
                {
                    continue;
                }

                Leg leg = _legA.SetArrivalFrom(_here, _profile, _chargerSeg[i], _chargerPos[i], _f, _g, _drivePerPke, _regenPerPke);
                int n = result.ChargersAhead;
                bool listed = n < ForecastResult.MaxChargersAhead;
                if (listed)
                {
                    result.AheadIndex[n] = i;
                    result.ChargersAhead = n + 1;
                    _m.Fill(ref result.Ahead[n], leg, _chargerReserve, plannedWh);
                }
                else
                {
                    _m.Fill(ref _arrival, leg, _chargerReserve, plannedWh);
                }

                if (result.NextChargerIndex < 0)
                {
                    result.NextChargerIndex = i;
                    Copy(ref result.Ahead[0], ref result.NextCharger);
                }

                float socP10 = listed ? result.Ahead[n].SocP10 : _arrival.SocP10;
                if (socP10 >= _chargerReserve)
                {
                    result.LastReachableChargerIndex = i;
                    reachSocP10 = socP10;
                    reachKwh = listed ? result.Ahead[n].EnergyNeededKwh : _arrival.EnergyNeededKwh;
                    reachM = listed ? result.Ahead[n].DistanceM : _arrival.DistanceM;
                }
            }

            result.PointOfNoReturnM = -1f;
            if (result.LastReachableChargerIndex >= 0 && reachM > 0f)
            {
                float surplusWh = (reachSocP10 - _chargerReserve) / 100f * _m.UsableWh;
                float perM = reachKwh * 1000f / reachM;
                result.PointOfNoReturnM = reachM + (perM > 0.001f ? surplusWh / (2f * perM) : 0f);
            }
        }

        /// <summary>Field by field through references: no struct copy (and no heap object on the device).</summary>
        private static void Copy(ref ArrivalEstimate from, ref ArrivalEstimate to)
        {
            to.Exists = from.Exists;
            to.DistanceM = from.DistanceM;
            to.EtaSeconds = from.EtaSeconds;
            to.EnergyNeededKwh = from.EnergyNeededKwh;
            to.EnergyNeededLowKwh = from.EnergyNeededLowKwh;
            to.EnergyNeededHighKwh = from.EnergyNeededHighKwh;
            to.SocP10 = from.SocP10;
            to.SocP50 = from.SocP50;
            to.SocP90 = from.SocP90;
            to.ReservePercent = from.ReservePercent;
            to.ProbBelowReserve = from.ProbBelowReserve;
            to.Reachable = from.Reachable;
        }

        /// <summary>The default estimate (nothing there), in place.</summary>
        private static void Clear(ref ArrivalEstimate a)
        {
            a.Exists = false;
            a.DistanceM = 0f;
            a.EtaSeconds = 0f;
            a.EnergyNeededKwh = 0f;
            a.EnergyNeededLowKwh = 0f;
            a.EnergyNeededHighKwh = 0f;
            a.SocP10 = 0f;
            a.SocP50 = 0f;
            a.SocP90 = 0f;
            a.ReservePercent = 0f;
            a.ProbBelowReserve = 0f;
            a.Reachable = false;
        }

        /// <summary>Where the median forecast empties the pack: binary search on segment boundaries, then linear inside.</summary>
        private float StrandingDistance(float pos)
        {
            float availWh = _m.Soc / 100f * _m.UsableWh;
            int lo = _seg + 1, hi = _profile.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                float dummy;
                float e = _m.EnergyWh(ArrivalFromHere(_legA, mid - 1, _profile.Len[mid]), out dummy);
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
            float eStart = seg <= _seg ? 0f : _m.EnergyWh(ArrivalFromHere(_legA, seg, _profile.Len[seg]), out d0);
            float eEnd = _m.EnergyWh(ArrivalFromHere(_legA, seg, _profile.Len[seg + 1]), out d0);
            float start = seg <= _seg ? pos : _profile.Len[seg];
            float f = eEnd > eStart ? (availWh - eStart) / (eEnd - eStart) : 1f;
            f = f < 0f ? 0f : (f > 1f ? 1f : f);
            return start + f * (_profile.Len[seg + 1] - start) - pos;
        }
    }
}
