namespace RangeGuard.Forecast
{
    /// <summary>Route sums between the current position and a point ahead (differences of RouteProfile entries).</summary>
    internal struct Leg
    {
        public float LengthM, TimeS, DriveWh, RegenWh, HeatKs, HeatS, CoolKs;
        public float LossSpeedWh, LossColdWh, LossWindWh, LossElevWh;
        public float LRoll, LRho, LRhoW, LRhoW2, LHeatK, LCoolK, GradeKinWh;

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
            return l;
        }

        private static float D(RouteProfile p, float[] cum, int segA, float posA, int segB, float posB)
        {
            return p.At(cum, segB, posB) - p.At(cum, segA, posA);
        }
    }
}
