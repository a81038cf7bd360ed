using RangeGuard.Vehicle;

namespace RangeGuard.Forecast
{
    /// <summary>
    /// Cumulative sums from the route start, one entry per segment boundary, built in one O(n) pass. Any quantity
    /// between two points is a difference of two interpolated entries: O(1) per query. Energies are Wh at the
    /// battery before learned corrections, battery losses and regen acceptance (applied per tick from the pack state).
    /// Speed-dependent parts of the drive energy at the plan's speeds (AeroV2, AeroVW, RollV, Wh) let a learned driver
    /// speed factor f rescale a leg in O(1): aero C·ρ·(f·v + w)² = f²·v² + 2f·v·w + w², rolling B·f·v, time 1/f.
    /// PkeLen (Σ PKE·L, m²/s²) does the same for a learned kinetic-energy factor.
    /// Memory: 23 float arrays × (capacity + 1) (184 KB at 2,000 segments; use a smaller capacity on a board without PSRAM).
    /// </summary>
    internal sealed class RouteProfile
    {
        public readonly int Capacity;
        public int Count;

        public readonly float[] Len, Elev, Time, Drive, Regen, HeatKs, HeatS, CoolKs;
        public readonly float[] LossSpeed, LossCold, LossWind, LossElev;
        public readonly float[] LRoll, LRho, LRhoW, LRhoW2, LHeatK, LCoolK, GradeKin;
        public readonly float[] AeroV2, AeroVW, RollV, PkeLen;

        public RouteProfile(int capacity)
        {
            Capacity = capacity;
            int n = capacity + 1;
            Len = new float[n]; Elev = new float[n]; Time = new float[n]; Drive = new float[n]; Regen = new float[n];
            HeatKs = new float[n]; HeatS = new float[n]; CoolKs = new float[n];
            LossSpeed = new float[n]; LossCold = new float[n]; LossWind = new float[n]; LossElev = new float[n];
            LRoll = new float[n]; LRho = new float[n]; LRhoW = new float[n]; LRhoW2 = new float[n];
            LHeatK = new float[n]; LCoolK = new float[n]; GradeKin = new float[n];
            AeroV2 = new float[n]; AeroVW = new float[n]; RollV = new float[n]; PkeLen = new float[n];
        }

        public float TotalM
        {
            get { return Len[Count]; }
        }

        /// <summary>Builds the whole profile of a (validated) plan.</summary>
        public void Build(RoutePlan plan, VehicleParams vp)
        {
            Count = plan.SegmentCount;
            BuildSegments(plan, vp, 0, Count);
        }

        /// <summary>
        /// Builds entries <paramref name="from"/>+1 .. <paramref name="to"/> (segments from..to-1) from entry
        /// <paramref name="from"/>, so a long plan can be built a slice at a time; <see cref="Count"/> is set by the caller.
        /// </summary>
        public void BuildSegments(RoutePlan plan, VehicleParams vp, int from, int to)
        {
            RouteSegments g = plan.Segments;
            float setpoint = plan.CabinSetpointC;
            float wh = 1f / 3600f;
            float etaT = vp.TractionEfficiency;
            for (int i = from; i < to; i++)
            {
                int j = i + 1;
                float len = g.LengthM[i];
                float climb = g.ElevationChangeM[i];
                float kmh = g.ExpectedSpeedKmh[i];
                float air = g.AmbientTempC[i];
                float w = g.HeadwindMps[i];
                float v = kmh / 3.6f;
                float t = len / v;
                float pke = g.PositiveKineticMps2[i] > 0f ? g.PositiveKineticMps2[i] : Powertrain.DefaultPkeMps2(kmh);
                float drive, regen;
                Powertrain.SegmentEnergy(vp, len, climb, kmh, pke, air, w, out drive, out regen);

                float heatDt = setpoint - vp.HvacDeadbandK - air;
                float cop = vp.HeaterCop(air);
                float coolDt = air - setpoint + vp.CoolingSolarK;

                Len[j] = Len[i] + len;
                Elev[j] = Elev[i] + climb;
                Time[j] = Time[i] + t;
                Drive[j] = Drive[i] + drive;
                Regen[j] = Regen[i] + regen;
                HeatKs[j] = HeatKs[i] + (heatDt > 0f ? t * heatDt / cop : 0f);
                HeatS[j] = HeatS[i] + (heatDt > 0f ? t / cop : 0f);
                CoolKs[j] = CoolKs[i] + (coolDt > 0f ? t * coolDt / vp.AcCop : 0f);

                // Loss causes: road-load differences against the legal speed, 20 °C air and tyres, calm air, flat road.
                float limit = g.SpeedLimitKmh[i] > 0f ? g.SpeedLimitKmh[i] : kmh;
                float fActual = RoadLoad.ForceN(vp, v, air, 0f, w);
                float fCalm = RoadLoad.ForceN(vp, v, air, 0f, 0f);
                float fMild = RoadLoad.ForceN(vp, v, RoadLoad.ReferenceTempC, 0f, 0f);
                float fLegal = RoadLoad.ForceN(vp, (v < limit / 3.6f ? v : limit / 3.6f), air, 0f, 0f);
                float speedLoss = (fCalm - fLegal) * len / etaT * wh;
                LossSpeed[j] = LossSpeed[i] + (speedLoss > 0f ? speedLoss : 0f);
                LossCold[j] = LossCold[i] + (fCalm - fMild) * len / etaT * wh;
                LossWind[j] = LossWind[i] + (fActual - fCalm) * len / etaT * wh;
                float grade = vp.MassKg * RoadLoad.GravityMps2 * climb;
                float gradeWh = (grade > 0f ? grade / etaT : grade * vp.RegenEfficiency) * wh;
                LossElev[j] = LossElev[i] + gradeWh;

                // Cruise terms: a steady speed v over the stretch costs A·ΣL·tyre + B·v·ΣL·tyre + C·(v²ΣLρ + 2vΣLρw + ΣLρw²).
                float aero = RoadLoad.AeroFactor(air, 0f);
                LRoll[j] = LRoll[i] + len * RoadLoad.TyreFactor(air);
                LRho[j] = LRho[i] + len * aero;
                LRhoW[j] = LRhoW[i] + len * aero * w;
                LRhoW2[j] = LRhoW2[i] + len * aero * w * w;
                LHeatK[j] = LHeatK[i] + (heatDt > 0f ? len * heatDt / cop : 0f);
                LCoolK[j] = LCoolK[i] + (coolDt > 0f ? len * coolDt / vp.AcCop : 0f);
                float braked = vp.MassKg * pke * len * (1f - vp.CoastShare);
                float kinNet = (braked / etaT - braked * vp.RegenEfficiency
                    * RoadLoad.RegenDecelEfficiency(vp.TypicalBrakeDecelMps2, vp.RegenLambdaMps2)) * wh;
                GradeKin[j] = GradeKin[i] + kinNet + gradeWh;

                // Speed-dependent drive energy at the plan's speed, Wh (traction side, before battery losses).
                float aeroWh = vp.RoadLoadCNPerMps2 * vp.RoadLoadScale * aero * len / etaT * wh;
                AeroV2[j] = AeroV2[i] + aeroWh * v * v;
                AeroVW[j] = AeroVW[i] + aeroWh * v * w;
                PkeLen[j] = PkeLen[i] + pke * len;
                RollV[j] = RollV[i] + vp.RoadLoadBNPerMps * vp.RoadLoadScale * RoadLoad.TyreFactor(air) * v * len / etaT * wh;
            }
        }

        /// <summary>Segment containing the position (last segment at the end); starts from a hint, O(1) when driving forward.</summary>
        public int Locate(float positionM, int hint)
        {
            int i = hint < 0 ? 0 : (hint >= Count ? Count - 1 : hint);
            if (positionM >= Len[i] && positionM < Len[i + 1])
            {
                return i;
            }

            if (positionM >= Len[i + 1] && i + 1 < Count && positionM < Len[i + 2])
            {
                return i + 1;
            }

            int lo = 0, hi = Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (Len[mid] <= positionM)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return lo;
        }

        /// <summary>Cumulative value at a position inside segment seg (linear within the segment).</summary>
        public float At(float[] cum, int seg, float positionM)
        {
            float len = Len[seg + 1] - Len[seg];
            float f = len > 0f ? (positionM - Len[seg]) / len : 0f;
            f = f < 0f ? 0f : (f > 1f ? 1f : f);
            return cum[seg] + f * (cum[seg + 1] - cum[seg]);
        }
    }
}
