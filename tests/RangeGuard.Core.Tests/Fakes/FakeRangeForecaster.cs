using RangeGuard.Agents;
using RangeGuard.Forecast;

namespace RangeGuard.Tests.Fakes
{
    /// <summary>
    /// A forecaster whose result the test writes directly into <see cref="Next"/> (optionally via a per-tick script).
    /// Like the real one, it subtracts the planned heating energy from the next charger's arrival SOC.
    /// </summary>
    public sealed class FakeRangeForecaster : IRangeForecaster
    {
        public delegate void Script(ForecastInputs inputs, ForecastResult next);

        public readonly ForecastResult Next = new ForecastResult();
        public Script OnTick;
        public bool Throw;
        public string RejectWith;
        public bool SubtractHeating = true;
        public float UsableKwh = 75f;
        public int Ticks;

        /// <summary>What <see cref="EstimateColdSoak"/> answers for the range lost by a cold soak, km (-1 unknown).</summary>
        public float ColdSoakLossKm = -1f;
        public int ColdSoakEstimates;
        public int Plans;

        /// <summary>Length of the latest plan accepted, m.</summary>
        public float LastPlanLengthM;
        public ForecastInputs LastInputs;

        public FakeRangeForecaster()
        {
            Next.Valid = true;
            Next.Destination.Exists = true;
            Next.Destination.Reachable = true;
            Next.Destination.SocP10 = 40f;
            Next.Destination.SocP50 = 45f;
            Next.Destination.SocP90 = 50f;
            Next.BandRelativeWidth = 0.1f;
            for (int i = 0; i < Next.TopCauses.Length; i++)
            {
                Next.TopCauses[i] = -1;
            }
        }

        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            if (RejectWith != null)
            {
                error = RejectWith;
                return false;
            }

            Plans++;
            LastPlanLengthM = 0f;
            for (int i = 0; i < plan.SegmentCount; i++)
            {
                LastPlanLengthM += plan.Segments[i].LengthM;
            }

            error = null;
            return true;
        }

        public void Tick(ForecastInputs inputs, ForecastResult result)
        {
            Ticks++;
            LastInputs = inputs;
            if (Throw)
            {
                throw new System.InvalidOperationException("scripted forecaster failure");
            }

            if (OnTick != null)
            {
                OnTick(inputs, Next);
            }

            Copy(Next, result);
            if (SubtractHeating)
            {
                result.NextCharger.SocP10 -= inputs.PlannedHeatingKwh / UsableKwh * 100f;
            }
        }

        public ColdSoakResult EstimateColdSoak(float socPercent, float packTempC, float ambientC, float hoursToDeparture, float cabinSetpointC, float cruiseSpeedKmh)
        {
            ColdSoakEstimates++;
            ColdSoakResult r = new ColdSoakResult();
            r.RangeLostKm = ColdSoakLossKm;
            return r;
        }

        private static void Copy(ForecastResult s, ForecastResult d)
        {
            d.Valid = s.Valid;
            d.Degraded = s.Degraded;
            d.Reason = s.Reason;
            d.BandRelativeWidth = s.BandRelativeWidth;
            d.NextChargerIndex = s.NextChargerIndex;
            d.NextCharger = s.NextCharger;
            d.Destination = s.Destination;
            d.ChargersAhead = s.ChargersAhead;
            System.Array.Copy(s.AheadIndex, d.AheadIndex, s.AheadIndex.Length);
            System.Array.Copy(s.Ahead, d.Ahead, s.Ahead.Length);
            d.LastReachableChargerIndex = s.LastReachableChargerIndex;
            d.PointOfNoReturnM = s.PointOfNoReturnM;
            d.StrandingDistanceM = s.StrandingDistanceM;
            System.Array.Copy(s.LossKmByCause, d.LossKmByCause, s.LossKmByCause.Length);
            System.Array.Copy(s.TopCauses, d.TopCauses, s.TopCauses.Length);
            d.AdviceMaxSpeedKmh = s.AdviceMaxSpeedKmh;
            d.AdviceChargerIndex = s.AdviceChargerIndex;
            d.AdviceChargeMinutes = s.AdviceChargeMinutes;
            d.AdviceChargeToSocPercent = s.AdviceChargeToSocPercent;
            d.AdviceSetpointGainKm = s.AdviceSetpointGainKm;
            d.DepartureSocPercent = s.DepartureSocPercent;
            d.DepartureDestinationSocP50 = s.DepartureDestinationSocP50;
            d.DepartureDestinationSocP90 = s.DepartureDestinationSocP90;
            d.DepartureSlowerArrives = s.DepartureSlowerArrives;
            d.DepartureChargerReachable = s.DepartureChargerReachable;
        }
    }
}
