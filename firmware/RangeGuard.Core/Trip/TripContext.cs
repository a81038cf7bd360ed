using RangeGuard.Forecast;
using RangeGuard.State;

namespace RangeGuard.Trip
{
    /// <summary>
    /// The trip the agent is watching: the accepted plan (the agent's own, unchanged while in force: read, not copied) with
    /// its reserves, destination and cabin setpoint, the position along it (integrated each tick), and the planned
    /// departure with the forecast minimum air temperature until then. Everything that reads "the plan" reads it here.
    /// </summary>
    public sealed class TripContext
    {
        private float _lastOdometerKm = -1f;

        /// <summary>The plan in force (null before the first); its chargers are <c>Plan.Chargers</c>, the first <see cref="ChargerCount"/>.</summary>
        public RoutePlan Plan { get; private set; }

        /// <summary>A plan was accepted; forecast-based alerts and advice need one.</summary>
        public bool PlanSet;

        public int ChargerCount;
        public float DestinationReservePct = 15f;
        public float ChargerReservePct = 10f;

        /// <summary>The plan's destination name ("Milford CT SB"); null or empty when unnamed.</summary>
        public string DestinationName;

        /// <summary>The cabin setpoint the plan assumes, °C.</summary>
        public float CabinSetpointC = 21f;

        /// <summary>Distance travelled along the current plan, m.</summary>
        public float PositionM;

        /// <summary>Planned departure, ms since the epoch, or -1; and the forecast minimum air temperature until then, °C.</summary>
        public long DepartureUtcMs = -1;
        public float ForecastMinAmbientC;

        /// <summary>Increases whenever the departure changes (consumers refresh what they derived from it).</summary>
        public int DepartureVersion;

        /// <summary>Adopts an accepted plan (which the caller no longer changes) and restarts the position at its origin.</summary>
        public void Accept(RoutePlan plan)
        {
            Plan = plan;
            ChargerCount = plan.ChargerCount < plan.Chargers.Length ? plan.ChargerCount : plan.Chargers.Length;
            DestinationReservePct = plan.DestinationReservePercent;
            ChargerReservePct = plan.ChargerReservePercent;
            DestinationName = plan.DestinationName;
            CabinSetpointC = plan.CabinSetpointC;
            PositionM = 0f;
            _lastOdometerKm = -1f;
            PlanSet = true;
        }

        /// <summary>Departure time (ms since epoch) and the forecast minimum ambient until then; a negative time clears both.</summary>
        public void SetDeparture(long departureUtcMs, float forecastMinAmbientC)
        {
            long dep = departureUtcMs < 0 ? -1 : departureUtcMs;
            if (dep != DepartureUtcMs || forecastMinAmbientC != ForecastMinAmbientC)
            {
                DepartureVersion++;
            }

            DepartureUtcMs = dep;
            ForecastMinAmbientC = forecastMinAmbientC;
        }

        /// <summary>A departure lies ahead of <paramref name="nowMs"/>.</summary>
        public bool DepartureAhead(long nowMs)
        {
            return DepartureUtcMs > nowMs;
        }

        /// <summary>Integrates the route position from speed (or, without speed, from the odometer).</summary>
        public void Advance(VehicleReadings r, long dtMs)
        {
            if (r.SpeedFresh)
            {
                PositionM += r.SpeedKmh > 0f ? r.SpeedKmh / 3.6f * dtMs / 1000f : 0f;
            }
            else if (r.OdometerKm >= 0f && _lastOdometerKm >= 0f && r.OdometerKm >= _lastOdometerKm)
            {
                PositionM += (r.OdometerKm - _lastOdometerKm) * 1000f;
            }

            _lastOdometerKm = r.OdometerKm;
        }

        /// <summary>The charger's display name, "charger N" when unnamed, "a charger" for an index outside the plan.</summary>
        public string ChargerName(int index)
        {
            if (index < 0 || index >= ChargerCount)
            {
                return "a charger";
            }

            string name = Plan.Chargers.Name[index];
            return name == null || name.Length == 0 ? "charger " + (index + 1).ToString() : name;
        }
    }
}
