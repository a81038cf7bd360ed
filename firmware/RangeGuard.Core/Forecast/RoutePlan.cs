namespace RangeGuard.Forecast
{
    /// <summary>One stretch of the planned route with uniform conditions.</summary>
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

    /// <summary>A charger on the route.</summary>
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
    /// The planned route with fixed-capacity storage (no allocation when re-planned).
    /// Filled by whoever plans (simulator, MQTT command), then handed to the forecaster, which validates it.
    /// </summary>
    public sealed class RoutePlan
    {
        public const int MaxSegments = 2000;
        public const int MaxChargers = 64;

        public readonly RouteSegment[] Segments;
        public readonly RouteCharger[] Chargers;

        /// <summary>A plan with room for the largest route (2,000 segments, about 56 KB: fine with PSRAM).</summary>
        public RoutePlan() : this(MaxSegments)
        {
        }

        /// <summary>
        /// A plan with room for <paramref name="segmentCapacity"/> segments (clamped to 1..MaxSegments), for boards without
        /// PSRAM whose heap cannot spare 56 KB; match the forecaster's own segment capacity.
        /// </summary>
        public RoutePlan(int segmentCapacity)
        {
            int n = segmentCapacity < 1 ? 1 : (segmentCapacity > MaxSegments ? MaxSegments : segmentCapacity);
            Segments = new RouteSegment[n];
            Chargers = new RouteCharger[MaxChargers];
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

            System.Array.Copy(other.Segments, Segments, other.SegmentCount);
            System.Array.Copy(other.Chargers, Chargers, other.ChargerCount);
            SegmentCount = other.SegmentCount;
            ChargerCount = other.ChargerCount;
            ChargerReservePercent = other.ChargerReservePercent;
            DestinationReservePercent = other.DestinationReservePercent;
            CabinSetpointC = other.CabinSetpointC;
            DestinationName = other.DestinationName;
        }
    }
}
