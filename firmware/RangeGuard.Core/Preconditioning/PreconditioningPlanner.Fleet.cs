// PreconditioningPlanner: heating started or stopped by the fleet (cmd/precondition), under the planner's own rules.
namespace RangeGuard.Preconditioning
{
    public sealed partial class PreconditioningPlanner
    {
        public const string ReasonFleetStop = "stopped by the fleet";
        public const string ReasonFleetTimeUp = "requested time over";
        public const string ReasonNoChargerToCheck = "not plugged in and no charger ahead to check the reserve";

        /// <summary>Event reason of heating the fleet started.</summary>
        public const string StartedByFleet = "fleet request";

        private long _fleetUntilMs = -1;
        private bool _fleetHeating;
        private bool _fleetStopped;

        /// <summary>Heat now until this time (ms) at most, or -1 when the fleet asked for nothing.</summary>
        public long FleetUntilMs
        {
            get { return _fleetUntilMs; }
        }

        /// <summary>The fleet stopped heating: no automatic heating until a new plan, a fleet start or a schedule.</summary>
        public bool FleetStopped
        {
            get { return _fleetStopped; }
        }

        /// <summary>
        /// Heat now for at most <paramref name="minutes"/>: from the grid when plugged in; from the traction battery only when
        /// the next charger is still reached with its reserve at P10 after heating (else declined, as for a DC charger).
        /// </summary>
        public void FleetStart(long nowMs, int minutes)
        {
            _fleetStopped = false;
            _fleetUntilMs = nowMs + minutes * 60000L;
        }

        /// <summary>Stops heating now and holds automatic heating off (a schedule, a start or a new plan lifts the hold).</summary>
        public void FleetStop(long nowMs)
        {
            Reset(nowMs, ReasonFleetStop);
            _fleetStopped = true;
        }

        /// <summary>Lifts a fleet stop (a departure was scheduled: departure heating may run again).</summary>
        public void FleetResume()
        {
            _fleetStopped = false;
        }

        /// <summary>Pack parameters of a vehicle replaced in the field (cmd/config); stops any heating first.</summary>
        public void SetThermal(long nowMs, PackThermalParams thermal)
        {
            Reset(nowMs, ReasonPlanChanged);
            _p = thermal;
        }

        private void OnReset(string reason)
        {
            _fleetHeating = false;
            _fleetUntilMs = -1;
            if (reason == ReasonPlanChanged)
            {
                _fleetStopped = false;
            }
        }

        /// <summary>Runs a fleet start request; true when it decided this tick (the automatic rules are skipped).</summary>
        private bool UpdateFleetRequest(PlannerInputs a)
        {
            if (_fleetUntilMs < 0)
            {
                return false;
            }

            if (a.NowMs >= _fleetUntilMs || a.BatteryTempC >= TargetC)
            {
                string why = a.NowMs >= _fleetUntilMs ? ReasonFleetTimeUp : ReasonTargetReached;
                if (_fleetHeating)
                {
                    Reset(a.NowMs, why);
                }

                _fleetUntilMs = -1;
                return false;
            }

            float ambient = a.AmbientValid ? a.AmbientC : a.ForecastMinAmbientC;
            float th = ThermalModel.HeatingSeconds(a.BatteryTempC, TargetC, ambient, ref _p);
            float leftS = (_fleetUntilMs - a.NowMs) / 1000f;
            float heatS = th < 0f || th > leftS ? leftS : th;
            RequiredHeatingS = th < 0f ? leftS : th;
            if (a.PluggedIn)
            {
                PlannedHeatingKwh = 0f; // the grid pays
                TargetChargerIndex = -1;
                StartFleetHeating(ModeHeatingDeparture, a.NowMs);
                return true;
            }

            float kwh = ThermalModel.HeaterKwh(heatS, ref _p);
            bool canCheck = a.ForecastValid && a.NextChargerIndex >= 0;
            if (canCheck)
            {
                float socNoHeat = a.NextChargerSocP10 + a.FedHeatingKwh / _p.UsableKwh * 100f;
                SocAfterHeatingPct = socNoHeat - kwh / _p.UsableKwh * 100f;
            }

            if (!canCheck || a.CriticalActive || SocAfterHeatingPct < a.ChargerReservePct)
            {
                bool already = Mode == ModeDeclined;
                if (_fleetHeating)
                {
                    Reset(a.NowMs, ReasonReserveCritical);
                }

                _fleetUntilMs = -1;
                PlannedHeatingKwh = 0f;
                TargetChargerIndex = a.NextChargerIndex;
                Mode = ModeDeclined;
                if (!already)
                {
                    Emit(EventDeclined, !canCheck ? ReasonNoChargerToCheck : (a.CriticalActive ? ReasonReserveCritical : ReasonWouldMissReserve), a.NowMs);
                }

                return true;
            }

            PlannedHeatingKwh = kwh; // the traction battery pays: the forecast counts it
            TargetChargerIndex = a.NextChargerIndex;
            StartFleetHeating(ModeHeatingDc, a.NowMs);
            return true;
        }

        private void StartFleetHeating(int mode, long nowMs)
        {
            if (!_fleetHeating || Mode != mode)
            {
                Mode = mode;
                _fleetHeating = true;
                Emit(EventStarted, StartedByFleet, nowMs);
            }
        }
    }
}
