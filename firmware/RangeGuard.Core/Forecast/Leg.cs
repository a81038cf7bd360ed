namespace RangeGuard.Forecast
{
    /// <summary>
    /// Route sums between the current position and a point ahead (differences of RouteProfile entries). A class filled in
    /// place: the forecaster keeps a few and reuses them every tick, because on nanoFramework every copy of a 22-field
    /// struct is a new heap object (a tick of copied legs left about 100 KB of garbage).
    /// </summary>
    internal sealed class Leg
    {
        public float LengthM, TimeS, DriveWh, RegenWh, HeatKs, HeatS, CoolKs;
        public float LossSpeedWh, LossColdWh, LossWindWh, LossElevWh;
        public float LRoll, LRho, LRhoW, LRhoW2, LHeatK, LCoolK, GradeKinWh;
        public float AeroV2Wh, AeroVWWh, RollVWh, PkeLen;

        /// <summary>
        /// Sums from (segA, posA) to (segB, posB): the point (segA, posA) (<see cref="SetPoint"/>) subtracted from the one at
        /// (segB, posB) (<see cref="SetFrom"/>, which reads each field of its start point only to write the same field, so
        /// this object can be that start point).
        /// </summary>
        public Leg Set(RouteProfile p, int segA, float posA, int segB, float posB)
        {
            return SetPoint(p, segA, posA).SetFrom(this, p, segB, posB);
        }

        /// <summary>
        /// This object as a point of the route rather than a leg: the cumulative sums at (seg, pos) (RouteProfile.At), with
        /// the position in <see cref="LengthM"/>. Every leg a tick looks at starts at the car's position: its sums there
        /// are worked out once per tick and <see cref="SetFrom"/> subtracts them.
        /// </summary>
        public Leg SetPoint(RouteProfile p, int seg, float pos)
        {
            float[] len = p.Len;
            float l = len[seg + 1] - len[seg];
            float f = l > 0f ? (pos - len[seg]) / l : 0f;
            f = f < 0f ? 0f : (f > 1f ? 1f : f);
            int s1 = seg + 1;
            float[] c;
            LengthM = pos;
            c = p.Time; TimeS = c[seg] + f * (c[s1] - c[seg]);
            c = p.Drive; DriveWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.Regen; RegenWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.HeatKs; HeatKs = c[seg] + f * (c[s1] - c[seg]);
            c = p.HeatS; HeatS = c[seg] + f * (c[s1] - c[seg]);
            c = p.CoolKs; CoolKs = c[seg] + f * (c[s1] - c[seg]);
            c = p.LossSpeed; LossSpeedWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.LossCold; LossColdWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.LossWind; LossWindWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.LossElev; LossElevWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.LRoll; LRoll = c[seg] + f * (c[s1] - c[seg]);
            c = p.LRho; LRho = c[seg] + f * (c[s1] - c[seg]);
            c = p.LRhoW; LRhoW = c[seg] + f * (c[s1] - c[seg]);
            c = p.LRhoW2; LRhoW2 = c[seg] + f * (c[s1] - c[seg]);
            c = p.LHeatK; LHeatK = c[seg] + f * (c[s1] - c[seg]);
            c = p.LCoolK; LCoolK = c[seg] + f * (c[s1] - c[seg]);
            c = p.GradeKin; GradeKinWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.AeroV2; AeroV2Wh = c[seg] + f * (c[s1] - c[seg]);
            c = p.AeroVW; AeroVWWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.RollV; RollVWh = c[seg] + f * (c[s1] - c[seg]);
            c = p.PkeLen; PkeLen = c[seg] + f * (c[s1] - c[seg]);
            return this;
        }

        /// <summary>Sums from point <paramref name="a"/> (<see cref="SetPoint"/>) to (segB, posB): the same values as <see cref="Set"/>.</summary>
        public Leg SetFrom(Leg a, RouteProfile p, int segB, float posB)
        {
            float[] len = p.Len;
            float lb = len[segB + 1] - len[segB];
            float fb = lb > 0f ? (posB - len[segB]) / lb : 0f;
            fb = fb < 0f ? 0f : (fb > 1f ? 1f : fb);
            int b1 = segB + 1;
            float[] c;
            LengthM = posB - a.LengthM;
            c = p.Time; TimeS = (c[segB] + fb * (c[b1] - c[segB])) - a.TimeS;
            c = p.Drive; DriveWh = (c[segB] + fb * (c[b1] - c[segB])) - a.DriveWh;
            c = p.Regen; RegenWh = (c[segB] + fb * (c[b1] - c[segB])) - a.RegenWh;
            c = p.HeatKs; HeatKs = (c[segB] + fb * (c[b1] - c[segB])) - a.HeatKs;
            c = p.HeatS; HeatS = (c[segB] + fb * (c[b1] - c[segB])) - a.HeatS;
            c = p.CoolKs; CoolKs = (c[segB] + fb * (c[b1] - c[segB])) - a.CoolKs;
            c = p.LossSpeed; LossSpeedWh = (c[segB] + fb * (c[b1] - c[segB])) - a.LossSpeedWh;
            c = p.LossCold; LossColdWh = (c[segB] + fb * (c[b1] - c[segB])) - a.LossColdWh;
            c = p.LossWind; LossWindWh = (c[segB] + fb * (c[b1] - c[segB])) - a.LossWindWh;
            c = p.LossElev; LossElevWh = (c[segB] + fb * (c[b1] - c[segB])) - a.LossElevWh;
            c = p.LRoll; LRoll = (c[segB] + fb * (c[b1] - c[segB])) - a.LRoll;
            c = p.LRho; LRho = (c[segB] + fb * (c[b1] - c[segB])) - a.LRho;
            c = p.LRhoW; LRhoW = (c[segB] + fb * (c[b1] - c[segB])) - a.LRhoW;
            c = p.LRhoW2; LRhoW2 = (c[segB] + fb * (c[b1] - c[segB])) - a.LRhoW2;
            c = p.LHeatK; LHeatK = (c[segB] + fb * (c[b1] - c[segB])) - a.LHeatK;
            c = p.LCoolK; LCoolK = (c[segB] + fb * (c[b1] - c[segB])) - a.LCoolK;
            c = p.GradeKin; GradeKinWh = (c[segB] + fb * (c[b1] - c[segB])) - a.GradeKinWh;
            c = p.AeroV2; AeroV2Wh = (c[segB] + fb * (c[b1] - c[segB])) - a.AeroV2Wh;
            c = p.AeroVW; AeroVWWh = (c[segB] + fb * (c[b1] - c[segB])) - a.AeroVWWh;
            c = p.RollV; RollVWh = (c[segB] + fb * (c[b1] - c[segB])) - a.RollVWh;
            c = p.PkeLen; PkeLen = (c[segB] + fb * (c[b1] - c[segB])) - a.PkeLen;
            return this;
        }

        /// <summary>
        /// <see cref="SetFrom"/>, <see cref="AtSpeedFactor"/>(f) and <see cref="AtKineticFactor"/>(g) for an arrival estimate
        /// in one call: the same arithmetic on the same values, so the same results, for the six sums it reads (length, time,
        /// drive, regen, heating and cooling); the others keep whatever they held. It runs for every charger ahead every
        /// tick: on the interpreter each call is a stack frame and each field store and load costs, so the sums that only
        /// feed the factors stay in locals and are read only when their factor applies.
        /// </summary>
        public Leg SetArrivalFrom(Leg a, RouteProfile p, int segB, float posB, float f, float g, float drivePerPke, float regenPerPke)
        {
            float[] len = p.Len;
            float lb = len[segB + 1] - len[segB];
            float fb = lb > 0f ? (posB - len[segB]) / lb : 0f;
            fb = fb < 0f ? 0f : (fb > 1f ? 1f : fb);
            int b1 = segB + 1;
            float[] c;
            c = p.Time; float time = (c[segB] + fb * (c[b1] - c[segB])) - a.TimeS;
            c = p.Drive; float drive = (c[segB] + fb * (c[b1] - c[segB])) - a.DriveWh;
            c = p.Regen; float regen = (c[segB] + fb * (c[b1] - c[segB])) - a.RegenWh;
            c = p.HeatKs; float heatKs = (c[segB] + fb * (c[b1] - c[segB])) - a.HeatKs;
            c = p.CoolKs; float coolKs = (c[segB] + fb * (c[b1] - c[segB])) - a.CoolKs;
            bool speed = true;
            if (f == 1f || f <= 0f)
            {
                speed = false;   // AtSpeedFactor's test, as it is written there
            }

            if (speed)
            {
                c = p.AeroV2; float aeroV2 = (c[segB] + fb * (c[b1] - c[segB])) - a.AeroV2Wh;
                c = p.AeroVW; float aeroVW = (c[segB] + fb * (c[b1] - c[segB])) - a.AeroVWWh;
                c = p.RollV; float rollV = (c[segB] + fb * (c[b1] - c[segB])) - a.RollVWh;
                float d = (f * f - 1f) * aeroV2 + 2f * (f - 1f) * aeroVW + (f - 1f) * rollV;
                drive = drive + d;
                if (drive < 0f)
                {
                    drive = 0f;
                }

                float inv = 1f / f;
                time = time * inv;
                heatKs = heatKs * inv;
                coolKs = coolKs * inv;
            }

            bool kinetic = true;
            if (g == 1f || g < 0f)
            {
                kinetic = false;   // AtKineticFactor's test
            }

            if (kinetic)
            {
                c = p.PkeLen; float pkeLen = (c[segB] + fb * (c[b1] - c[segB])) - a.PkeLen;
                float dk = (g - 1f) * pkeLen;
                drive = drive + dk * drivePerPke > 0f ? drive + dk * drivePerPke : 0f;
                regen = regen + dk * regenPerPke > 0f ? regen + dk * regenPerPke : 0f;
            }

            LengthM = posB - a.LengthM;
            TimeS = time;
            DriveWh = drive;
            RegenWh = regen;
            HeatKs = heatKs;
            CoolKs = coolKs;
            return this;
        }

        /// <summary>
        /// The same leg driven f times the plan's speed, in place: drive energy gains (f² − 1)·aero v² + 2(f − 1)·aero v·w +
        /// (f − 1)·rolling B·v, and every time-based sum (time, heating, cooling) scales 1/f. f = 1 leaves it unchanged.
        /// </summary>
        public Leg AtSpeedFactor(float f)
        {
            if (f == 1f || f <= 0f)
            {
                return this;
            }

            float d = (f * f - 1f) * AeroV2Wh + 2f * (f - 1f) * AeroVWWh + (f - 1f) * RollVWh;
            DriveWh = DriveWh + d;
            if (DriveWh < 0f)
            {
                DriveWh = 0f;
            }

            float inv = 1f / f;
            TimeS = TimeS * inv;
            HeatKs = HeatKs * inv;
            HeatS = HeatS * inv;
            CoolKs = CoolKs * inv;
            // Range lost to speed (vs the legal speed) moves with the change, never below none.
            LossSpeedWh = LossSpeedWh + d > 0f ? LossSpeedWh + d : 0f;

            AeroV2Wh = AeroV2Wh * f * f;
            AeroVWWh = AeroVWWh * f;
            RollVWh = RollVWh * f;
            return this;
        }

        /// <summary>
        /// The same leg with g times the plan's kinetic energy, in place: the braked share costs drivePerPke·ΣPKE·L more
        /// traction and offers regenPerPke·ΣPKE·L more regen per unit of (g − 1) (Wh per m²/s², from the vehicle). g = 1
        /// leaves it unchanged.
        /// </summary>
        public Leg AtKineticFactor(float g, float drivePerPke, float regenPerPke)
        {
            if (g == 1f || g < 0f)
            {
                return this;
            }

            float d = (g - 1f) * PkeLen;
            DriveWh = DriveWh + d * drivePerPke > 0f ? DriveWh + d * drivePerPke : 0f;
            RegenWh = RegenWh + d * regenPerPke > 0f ? RegenWh + d * regenPerPke : 0f;
            PkeLen = PkeLen * g;
            return this;
        }
    }
}
