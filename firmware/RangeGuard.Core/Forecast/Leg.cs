namespace RangeGuard.Forecast
{
    /// <summary>Route sums between the current position and a point ahead (differences of RouteProfile entries).</summary>
    internal struct Leg
    {
        public float LengthM, TimeS, DriveWh, RegenWh, HeatKs, HeatS, CoolKs;
        public float LossSpeedWh, LossColdWh, LossWindWh, LossElevWh;
        public float LRoll, LRho, LRhoW, LRhoW2, LHeatK, LCoolK, GradeKinWh;
        public float AeroV2Wh, AeroVWWh, RollVWh, PkeLen;

        /// <summary>Sums from (segA, posA) to (segB, posB).</summary>
        public static Leg Between(RouteProfile p, int segA, float posA, int segB, float posB)
        {
            Leg l;
            l.LengthM = posB - posA;
            l.TimeS = D(p, p.Time, segA, posA, segB, posB);
            l.DriveWh = D(p, p.Drive, segA, posA, segB, posB);
            l.RegenWh = D(p, p.Regen, segA, posA, segB, posB);
            l.HeatKs = D(p, p.HeatKs, segA, posA, segB, posB);
            l.HeatS = D(p, p.HeatS, segA, posA, segB, posB);
            l.CoolKs = D(p, p.CoolKs, segA, posA, segB, posB);
            l.LossSpeedWh = D(p, p.LossSpeed, segA, posA, segB, posB);
            l.LossColdWh = D(p, p.LossCold, segA, posA, segB, posB);
            l.LossWindWh = D(p, p.LossWind, segA, posA, segB, posB);
            l.LossElevWh = D(p, p.LossElev, segA, posA, segB, posB);
            l.LRoll = D(p, p.LRoll, segA, posA, segB, posB);
            l.LRho = D(p, p.LRho, segA, posA, segB, posB);
            l.LRhoW = D(p, p.LRhoW, segA, posA, segB, posB);
            l.LRhoW2 = D(p, p.LRhoW2, segA, posA, segB, posB);
            l.LHeatK = D(p, p.LHeatK, segA, posA, segB, posB);
            l.LCoolK = D(p, p.LCoolK, segA, posA, segB, posB);
            l.GradeKinWh = D(p, p.GradeKin, segA, posA, segB, posB);
            l.AeroV2Wh = D(p, p.AeroV2, segA, posA, segB, posB);
            l.AeroVWWh = D(p, p.AeroVW, segA, posA, segB, posB);
            l.RollVWh = D(p, p.RollV, segA, posA, segB, posB);
            l.PkeLen = D(p, p.PkeLen, segA, posA, segB, posB);
            return l;
        }

        /// <summary>
        /// The same leg driven f times the plan's speed: drive energy gains (f² − 1)·aero v² + 2(f − 1)·aero v·w +
        /// (f − 1)·rolling B·v, and every time-based sum (time, heating, cooling) scales 1/f. f = 1 returns the leg unchanged.
        /// </summary>
        public Leg AtSpeedFactor(float f)
        {
            if (f == 1f || f <= 0f)
            {
                return this;
            }

            Leg l = this;
            float d = (f * f - 1f) * AeroV2Wh + 2f * (f - 1f) * AeroVWWh + (f - 1f) * RollVWh;
            l.DriveWh = DriveWh + d;
            if (l.DriveWh < 0f)
            {
                l.DriveWh = 0f;
            }

            float inv = 1f / f;
            l.TimeS = TimeS * inv;
            l.HeatKs = HeatKs * inv;
            l.HeatS = HeatS * inv;
            l.CoolKs = CoolKs * inv;
            // Range lost to speed (vs the legal speed) moves with the change, never below none.
            l.LossSpeedWh = LossSpeedWh + d > 0f ? LossSpeedWh + d : 0f;

            l.AeroV2Wh = AeroV2Wh * f * f;
            l.AeroVWWh = AeroVWWh * f;
            l.RollVWh = RollVWh * f;
            return l;
        }

        /// <summary>
        /// The same leg with g times the plan's kinetic energy: the braked share costs drivePerPke·ΣPKE·L more traction and
        /// offers regenPerPke·ΣPKE·L more regen per unit of (g − 1) (Wh per m²/s², from the vehicle). g = 1 leaves it unchanged.
        /// </summary>
        public Leg AtKineticFactor(float g, float drivePerPke, float regenPerPke)
        {
            if (g == 1f || g < 0f)
            {
                return this;
            }

            Leg l = this;
            float d = (g - 1f) * PkeLen;
            l.DriveWh = DriveWh + d * drivePerPke > 0f ? DriveWh + d * drivePerPke : 0f;
            l.RegenWh = RegenWh + d * regenPerPke > 0f ? RegenWh + d * regenPerPke : 0f;
            l.PkeLen = PkeLen * g;
            return l;
        }

        private static float D(RouteProfile p, float[] cum, int segA, float posA, int segB, float posB)
        {
            return p.At(cum, segB, posB) - p.At(cum, segA, posA);
        }
    }
}
