using RangeGuard.Alerts;
using RangeGuard.Alerts.Rules;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.Trip;

namespace RangeGuard.Agents
{
    /// <summary>
    /// What the agent advises the driver now, as data: the device shows it, the fleet receives it, the simulated driver
    /// follows it. NaN / -1 / false where nothing is advised. Rewritten at the end of every tick; allocates nothing.
    /// </summary>
    public sealed class DriverAdvice
    {
        /// <summary>A 2 °C lower cabin setpoint is advised when that gains at least this much range and a range alert is up, km.</summary>
        public const float SetpointAdviceMinGainKm = 2f;

        /// <summary>How much lower the advised cabin setpoint is, °C (the step the forecaster's gain is computed for).</summary>
        public const float SetpointStepC = 2f;

        private AlertTable _alerts;
        private int _arriveLow = -1;
        private int _chargeRequired = -1;
        private int _coldSoak = -1;

        /// <summary>Highest steady speed that still arrives with the reserve, km/h; NaN when no limit is needed or none suffices.</summary>
        public float MaxSpeedKmh = float.NaN;

        /// <summary>The plan's charger to charge at (index into the plan's chargers), -1 if no charge is advised.</summary>
        public int ChargerIndex = -1;

        /// <summary>Charge there to this SOC, %, taking this many minutes (NaN when no charge is advised).</summary>
        public float ChargeToSocPercent = float.NaN;
        public float ChargeMinutes = float.NaN;

        /// <summary>A lower cabin setpoint to save range, °C; NaN when not advised.</summary>
        public float CabinSetpointC = float.NaN;

        /// <summary>Plug in while parked ("plug in tonight": the pack would cold-soak before the planned departure).</summary>
        public bool PlugInWhenParked;

        /// <summary>The battery is being preconditioned (heated for a DC charger or a departure).</summary>
        public bool Preconditioning;

        /// <summary>Anything advised at all.</summary>
        public bool Any
        {
            get
            {
                return !float.IsNaN(MaxSpeedKmh) || ChargerIndex >= 0 || !float.IsNaN(CabinSetpointC) || PlugInWhenParked || Preconditioning;
            }
        }

        internal void Bind(AlertTable alerts)
        {
            _alerts = alerts;
            _arriveLow = alerts.IndexOf(ArriveLowRule.AlertCode);
            _chargeRequired = alerts.IndexOf(ChargeRequiredRule.AlertCode);
            _coldSoak = alerts.IndexOf(ColdSoakRule.AlertCode);
        }

        internal void Update(ForecastResult f, TripContext trip, PreconditioningPlanner planner)
        {
            MaxSpeedKmh = float.NaN;
            ChargerIndex = -1;
            ChargeToSocPercent = float.NaN;
            ChargeMinutes = float.NaN;
            CabinSetpointC = float.NaN;
            PlugInWhenParked = Active(_coldSoak);
            int mode = planner.Mode;
            Preconditioning = mode == PreconditioningPlanner.ModeHeatingDc || mode == PreconditioningPlanner.ModeHeatingDeparture;
            if (!f.Valid)
            {
                return;
            }

            // The forecaster says 0 when no limit is needed and < 0 when no speed suffices (the charge advice then speaks).
            MaxSpeedKmh = f.AdviceMaxSpeedKmh > 0f ? f.AdviceMaxSpeedKmh : float.NaN;
            // A charge stop of 0 minutes (the car gets there with what the rest needs) is no stop: shown, it would flip
            // between chargers a driver need not stop at ("charge at East Haven to 15 % (0 min)", then Milford, ...).
            if (f.AdviceChargerIndex >= 0 && f.AdviceChargerIndex < trip.ChargerCount && f.AdviceChargeMinutes > 0f)
            {
                ChargerIndex = f.AdviceChargerIndex;
                ChargeToSocPercent = f.AdviceChargeToSocPercent;
                ChargeMinutes = f.AdviceChargeMinutes;
            }

            bool rangeAlert = Active(_arriveLow) || Active(_chargeRequired);
            if (rangeAlert && f.AdviceSetpointGainKm >= SetpointAdviceMinGainKm)
            {
                CabinSetpointC = trip.CabinSetpointC - SetpointStepC;
            }
        }

        private bool Active(int kind)
        {
            return kind >= 0 && _alerts.Slot(kind).Active;
        }
    }
}
