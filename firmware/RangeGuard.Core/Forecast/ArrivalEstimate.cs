namespace RangeGuard.Forecast
{
    /// <summary>Predicted arrival state at one point of the route (a charger or the destination).</summary>
    public struct ArrivalEstimate
    {
        /// <summary>False when there is no such point (e.g. no charger ahead).</summary>
        public bool Exists;

        /// <summary>Distance from the current position, m.</summary>
        public float DistanceM;

        /// <summary>Expected driving time from now, s.</summary>
        public float EtaSeconds;

        /// <summary>Energy needed to get there, kWh (median).</summary>
        public float EnergyNeededKwh;

        /// <summary>Energy needed, kWh: 10th percentile (optimistic) and 90th percentile (pessimistic).</summary>
        public float EnergyNeededLowKwh;
        public float EnergyNeededHighKwh;

        /// <summary>Arrival state of charge, %: 10th percentile (pessimistic), median and 90th percentile.</summary>
        public float SocP10;
        public float SocP50;
        public float SocP90;

        /// <summary>Reserve the plan asks for at this point, %.</summary>
        public float ReservePercent;

        /// <summary>Probability (0..1) of arriving below the reserve.</summary>
        public float ProbBelowReserve;

        /// <summary>Median arrival SOC above 0 %: the car gets there at all.</summary>
        public bool Reachable;
    }
}
