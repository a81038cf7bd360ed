namespace RangeGuard.Forecast
{
    /// <summary>
    /// Everything the alert policy, the preconditioning planner and telemetry need from one forecast tick.
    /// One instance is allocated at start-up and overwritten each tick.
    /// </summary>
    public sealed class ForecastResult
    {
        /// <summary>False until a valid plan and valid inputs have been seen.</summary>
        public bool Valid;

        /// <summary>True when an input was stale or the band is too wide to trust (the alert policy says "degraded").</summary>
        public bool Degraded;

        /// <summary>Why <see cref="Valid"/> is false or <see cref="Degraded"/> is true; null otherwise.</summary>
        public string Reason;

        /// <summary>Relative width of the 10-90 % band of energy to destination (e.g. 0.12 = ±6 %).</summary>
        public float BandRelativeWidth;

        /// <summary>The next charger ahead on the plan (index into RoutePlan.Chargers, -1 if none).</summary>
        public int NextChargerIndex = -1;
        public ArrivalEstimate NextCharger;

        public ArrivalEstimate Destination;

        /// <summary>Chargers ahead whose arrival is kept in <see cref="Ahead"/> (the fleet's forecast message lists them).</summary>
        public const int MaxChargersAhead = 8;

        /// <summary>Arrival at each charger ahead, in route order: <see cref="ChargersAhead"/> entries, plan index in <see cref="AheadIndex"/>.</summary>
        public int ChargersAhead;
        public readonly int[] AheadIndex = new int[MaxChargersAhead];
        public readonly ArrivalEstimate[] Ahead = new ArrivalEstimate[MaxChargersAhead];

        /// <summary>The farthest charger ahead reachable with its reserve at the pessimistic (P10) estimate, -1 if none.</summary>
        public int LastReachableChargerIndex = -1;

        /// <summary>Distance from here to the point after which that charger can no longer be reached, m (&lt;0 if already past).</summary>
        public float PointOfNoReturnM;

        /// <summary>Distance from here at which the median forecast reaches 0 % (where the car would strand), m; -1 if it reaches the destination.</summary>
        public float StrandingDistanceM = -1f;

        /// <summary>Range lost by cause, km, indexed by <see cref="LossCause"/>.</summary>
        public readonly float[] LossKmByCause = new float[LossCause.Count];

        /// <summary>Advice: highest steady cruise speed that still arrives with the reserve, km/h; 0 if no limit is needed, &lt;0 if none suffices.</summary>
        public float AdviceMaxSpeedKmh;

        /// <summary>Advice: charger to charge at (index), -1 if no charge is needed.</summary>
        public int AdviceChargerIndex = -1;

        /// <summary>Advice: minutes to charge there.</summary>
        public float AdviceChargeMinutes;

        /// <summary>Advice: minutes to charge there if the pack arrives preconditioned (25 °C), for the preconditioning planner.</summary>
        public float AdviceChargeMinutesPreconditioned;

        /// <summary>Usable energy in the pack now at its temperature, kWh (SOC × usable capacity).</summary>
        public float AvailableEnergyKwh;

        /// <summary>Learned corrections in use: traction scale (1 = model) and auxiliary offset, W.</summary>
        public float LearnedTractionScale = 1f;
        public float LearnedAuxOffsetW;

        /// <summary>Learned driver speed factor in use: driven speed / the plan's expected speed (1 = as planned).</summary>
        public float LearnedSpeedFactor = 1f;

        /// <summary>Learned kinetic factor in use: driven speed-change energy / the plan's (1 = as planned).</summary>
        public float LearnedKineticFactor = 1f;

        /// <summary>Advice: SOC to charge to, %.</summary>
        public float AdviceChargeToSocPercent;

        /// <summary>Advice: range gained at the destination by lowering the cabin setpoint by 2 °C, km.</summary>
        public float AdviceSetpointGainKm;

        /// <summary>
        /// Standing at a charger with a departure planned: the SOC the charge will have reached by then (the same charge model
        /// as the advice), NaN otherwise; and for leaving with it, the destination's pessimistic (P10), median and optimistic (P90) arrival,
        /// whether a slower pace would still arrive with the reserve, and whether a charger beyond this one is reachable with
        /// its reserve at P10.
        /// </summary>
        public float DepartureSocPercent = float.NaN;
        public float DepartureDestinationSocP10 = float.NaN;
        public float DepartureDestinationSocP50 = float.NaN;
        public float DepartureDestinationSocP90 = float.NaN;
        public bool DepartureSlowerArrives;
        public bool DepartureChargerReachable;

        /// <summary>Top causes by lost range, most first (indices into LossKmByCause; -1 where fewer apply).</summary>
        public readonly int[] TopCauses = new int[3];
    }
}
