namespace RangeGuard.Forecast
{
    /// <summary>One stretch of the planned route with uniform conditions (a value to build plans with; the plan stores columns).</summary>
    public struct RouteSegment
    {
        public float LengthM;

        /// <summary>Elevation change over the segment, m (positive = climbing).</summary>
        public float ElevationChangeM;

        /// <summary>Speed the driver is expected to hold, km/h.</summary>
        public float ExpectedSpeedKmh;

        /// <summary>Legal limit, km/h (the "legal-speed baseline" of the loss breakdown).</summary>
        public float SpeedLimitKmh;

        /// <summary>Forecast ambient temperature on this segment, °C.</summary>
        public float AmbientTempC;

        /// <summary>Head wind component, m/s (negative = tail wind).</summary>
        public float HeadwindMps;

        /// <summary>
        /// Positive kinetic energy per unit mass and metre, Σ max(0, Δ(v²/2)) / length, m/s² (stop-and-go intensity;
        /// UDDS 0.175, HWFET 0.071). 0 = unknown: the forecaster then uses a typical value for the expected speed.
        /// </summary>
        public float PositiveKineticMps2;
    }

    /// <summary>A charger on the route (a value to build plans with; the plan stores columns).</summary>
    public struct RouteCharger
    {
        /// <summary>Distance from the route start, m.</summary>
        public float PositionM;

        /// <summary>Maximum power the charger delivers, kW.</summary>
        public float PowerKw;

        public bool IsDc;

        /// <summary>Short display name ("Milford CT"); may be null.</summary>
        public string Name;
    }

    /// <summary>
    /// The route's segments as one primitive array per field (28 bytes a segment on nanoFramework, where an array of
    /// <see cref="RouteSegment"/> would box every element: 108). Hot paths read the columns; the indexer copies a
    /// <see cref="RouteSegment"/> in or out for planners and tests.
    /// </summary>
    public sealed class RouteSegments
    {
        public readonly float[] LengthM, ElevationChangeM, ExpectedSpeedKmh, SpeedLimitKmh, AmbientTempC, HeadwindMps, PositiveKineticMps2;

        public RouteSegments(int capacity)
        {
            LengthM = new float[capacity];
            ElevationChangeM = new float[capacity];
            ExpectedSpeedKmh = new float[capacity];
            SpeedLimitKmh = new float[capacity];
            AmbientTempC = new float[capacity];
            HeadwindMps = new float[capacity];
            PositiveKineticMps2 = new float[capacity];
        }

        /// <summary>Capacity.</summary>
        public int Length
        {
            get { return LengthM.Length; }
        }

        public RouteSegment this[int i]
        {
            get
            {
                RouteSegment s = new RouteSegment();
                s.LengthM = LengthM[i];
                s.ElevationChangeM = ElevationChangeM[i];
                s.ExpectedSpeedKmh = ExpectedSpeedKmh[i];
                s.SpeedLimitKmh = SpeedLimitKmh[i];
                s.AmbientTempC = AmbientTempC[i];
                s.HeadwindMps = HeadwindMps[i];
                s.PositiveKineticMps2 = PositiveKineticMps2[i];
                return s;
            }

            set
            {
                LengthM[i] = value.LengthM;
                ElevationChangeM[i] = value.ElevationChangeM;
                ExpectedSpeedKmh[i] = value.ExpectedSpeedKmh;
                SpeedLimitKmh[i] = value.SpeedLimitKmh;
                AmbientTempC[i] = value.AmbientTempC;
                HeadwindMps[i] = value.HeadwindMps;
                PositiveKineticMps2[i] = value.PositiveKineticMps2;
            }
        }

        internal void CopyFrom(RouteSegments o, int count)
        {
            System.Array.Copy(o.LengthM, LengthM, count);
            System.Array.Copy(o.ElevationChangeM, ElevationChangeM, count);
            System.Array.Copy(o.ExpectedSpeedKmh, ExpectedSpeedKmh, count);
            System.Array.Copy(o.SpeedLimitKmh, SpeedLimitKmh, count);
            System.Array.Copy(o.AmbientTempC, AmbientTempC, count);
            System.Array.Copy(o.HeadwindMps, HeadwindMps, count);
            System.Array.Copy(o.PositiveKineticMps2, PositiveKineticMps2, count);
        }
    }

    /// <summary>The route's chargers as one array per field (see <see cref="RouteSegments"/>).</summary>
    public sealed class RouteChargers
    {
        public readonly float[] PositionM, PowerKw;
        public readonly bool[] IsDc;
        public readonly string[] Name;

        public RouteChargers(int capacity)
        {
            PositionM = new float[capacity];
            PowerKw = new float[capacity];
            IsDc = new bool[capacity];
            Name = new string[capacity];
            for (int i = 0; i < capacity; i++)
            {
                Name[i] = null; // explicitly: unset entries of a new string[] are not null on nanoCLR (portable-code.md)
            }
        }

        /// <summary>Capacity.</summary>
        public int Length
        {
            get { return PositionM.Length; }
        }

        public RouteCharger this[int i]
        {
            get
            {
                RouteCharger c = new RouteCharger();
                c.PositionM = PositionM[i];
                c.PowerKw = PowerKw[i];
                c.IsDc = IsDc[i];
                c.Name = Name[i];
                return c;
            }

            set
            {
                PositionM[i] = value.PositionM;
                PowerKw[i] = value.PowerKw;
                IsDc[i] = value.IsDc;
                Name[i] = value.Name;
            }
        }

        internal void CopyFrom(RouteChargers o, int count)
        {
            System.Array.Copy(o.PositionM, PositionM, count);
            System.Array.Copy(o.PowerKw, PowerKw, count);
            System.Array.Copy(o.IsDc, IsDc, count);
            System.Array.Copy(o.Name, Name, count);
        }
    }
}
