// EnergyForecaster: advice (cabin setpoint gain, charge stop and duration, speed cap) and steady-cruise energy.
using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster
    {
        private void Advise(ForecastResult result, float pos, Leg dest)
        {
            BatteryModel b = _vp.Battery;

            // Lower cabin setpoint by 2 K: saves G·2 K/COP for every heated second.
            float savedWh = _cHeat * _vp.CabinConductanceWPerK * 2f * dest.HeatS / 3600f;
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
            float hvac = _vp.CabinConductanceWPerK * (_cHeat * leg.LHeatK + _cCool * leg.LCoolK) / v / 3600f;
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
