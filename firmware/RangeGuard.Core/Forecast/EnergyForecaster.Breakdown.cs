// EnergyForecaster: the destination energy split into loss causes (km lost per cause) and the top causes.
using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    public sealed partial class EnergyForecaster
    {
        private void Breakdown(ForecastResult result, Leg dest)
        {
            float[] loss = result.LossKmByCause;
            float eWh = result.Destination.EnergyNeededKwh * 1000f;
            float scale = _m.K * (1f + _m.LossR);
            loss[LossCause.Speed] = scale * dest.LossSpeedWh;
            loss[LossCause.ColdAirAndTyres] = scale * dest.LossColdWh;
            loss[LossCause.Wind] = scale * dest.LossWindWh;
            loss[LossCause.Elevation] = _m.K * dest.LossElevWh;
            loss[LossCause.CabinHeating] = _m.HeatScale * _vp.CabinConductanceWPerK * dest.HeatKs / 3600f
                + _m.WarmupLeftWh * (1f - (float)RangeGuard.Common.DMath.Exp(-dest.TimeS / _vp.CabinWarmupTauS));
            BatteryModel b = _vp.Battery;
            float mildR = b.LossFraction(RoadLoad.ReferenceTempC);
            float mildAccept = b.RegenAcceptance(RoadLoad.ReferenceTempC, _m.Soc);
            float coldWh = _m.K * (dest.DriveWh * (_m.LossR - mildR) + dest.RegenWh * (mildAccept * (1f - mildR) - _m.Accept * (1f - _m.LossR)));
            coldWh += (b.UsableEnergyKwh(RoadLoad.ReferenceTempC) * 1000f - _m.UsableWh) * _m.Soc / 100f;
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

            // The causes already ranked as bits of one int: a call per cause and rank was most of this method on the interpreter.
            int[] top = result.TopCauses;
            int taken = 0;
            for (int r = 0; r < top.Length; r++)
            {
                int best = -1;
                for (int i = 0; i < LossCause.Count; i++)
                {
                    if (loss[i] <= 0.05f || (taken & (1 << i)) != 0)
                    {
                        continue;
                    }

                    if (best < 0 || loss[i] > loss[best])
                    {
                        best = i;
                    }
                }

                top[r] = best;
                if (best >= 0)
                {
                    taken |= 1 << best;
                }
            }
        }
    }
}
