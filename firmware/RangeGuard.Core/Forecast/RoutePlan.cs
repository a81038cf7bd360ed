namespace RangeGuard.Forecast
{
    /// <summary>
    /// The planned route with fixed-capacity storage (no allocation when re-planned), as primitive columns
    /// (<see cref="RouteSegments"/>, <see cref="RouteChargers"/>). Filled by whoever plans (simulator, MQTT command), then
    /// handed to the agent, which validates it and, once in force, keeps it unchanged.
    /// </summary>
    public sealed class RoutePlan
    {
        public const int MaxSegments = 2000;
        public const int MaxChargers = 64;

        public readonly RouteSegments Segments;
        public readonly RouteChargers Chargers;

        /// <summary>A plan with room for the largest route (2,000 segments, about 56 KB: fine with PSRAM).</summary>
        public RoutePlan() : this(MaxSegments)
        {
        }

        /// <summary>
        /// A plan with room for <paramref name="segmentCapacity"/> segments (clamped to 1..MaxSegments), for boards without
        /// PSRAM; match the forecaster's own segment capacity.
        /// </summary>
        public RoutePlan(int segmentCapacity) : this(segmentCapacity, MaxChargers)
        {
        }

        /// <summary>Room for <paramref name="segmentCapacity"/> segments and <paramref name="chargerCapacity"/> chargers (clamped to 1..the maxima).</summary>
        public RoutePlan(int segmentCapacity, int chargerCapacity)
        {
            int n = segmentCapacity < 1 ? 1 : (segmentCapacity > MaxSegments ? MaxSegments : segmentCapacity);
            int c = chargerCapacity < 1 ? 1 : (chargerCapacity > MaxChargers ? MaxChargers : chargerCapacity);
            Segments = new RouteSegments(n);
            Chargers = new RouteChargers(c);
        }

        public int SegmentCount;
        public int ChargerCount;

        /// <summary>Minimum state of charge the driver wants on arrival at a charger, %.</summary>
        public float ChargerReservePercent = 10f;

        /// <summary>Minimum state of charge the driver wants on arrival at the destination, %.</summary>
        public float DestinationReservePercent = 15f;

        /// <summary>Cabin setpoint, °C.</summary>
        public float CabinSetpointC = 21f;

        /// <summary>Destination display name; may be null.</summary>
        public string DestinationName;

        /// <summary>Segments the plan has room for.</summary>
        public int SegmentCapacity
        {
            get { return Segments.Length; }
        }

        /// <summary>Chargers the plan has room for.</summary>
        public int ChargerCapacity
        {
            get { return Chargers.Length; }
        }

        public void Clear()
        {
            SegmentCount = 0;
            ChargerCount = 0;
        }

        /// <summary>Appends a segment; false when full.</summary>
        public bool AddSegment(RouteSegment segment)
        {
            if (SegmentCount >= Segments.Length)
            {
                return false;
            }

            Segments[SegmentCount++] = segment;
            return true;
        }

        /// <summary>Appends a charger; false when full.</summary>
        public bool AddCharger(RouteCharger charger)
        {
            if (ChargerCount >= Chargers.Length)
            {
                return false;
            }

            Chargers[ChargerCount++] = charger;
            return true;
        }

        /// <summary>Copies another plan; throws ArgumentException (and changes nothing) if it does not fit.</summary>
        public void CopyFrom(RoutePlan other)
        {
            if (other.SegmentCount > Segments.Length || other.ChargerCount > Chargers.Length)
            {
                throw new System.ArgumentException("plan has " + other.SegmentCount.ToString() + " segments, room for " + Segments.Length.ToString());
            }

            Segments.CopyFrom(other.Segments, other.SegmentCount);
            Chargers.CopyFrom(other.Chargers, other.ChargerCount);
            SegmentCount = other.SegmentCount;
            ChargerCount = other.ChargerCount;
            ChargerReservePercent = other.ChargerReservePercent;
            DestinationReservePercent = other.DestinationReservePercent;
            CabinSetpointC = other.CabinSetpointC;
            DestinationName = other.DestinationName;
        }
    }
}
