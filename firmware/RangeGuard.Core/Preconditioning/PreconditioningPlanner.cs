namespace RangeGuard.Preconditioning
{
    /// <summary>
    /// Decides when to heat the pack: (a) before a DC fast charger, timed so the pack reaches the window on arrival,
    /// paid from the traction battery (its energy goes into the forecast), declined if that would cost the charger's reserve;
    /// (b) before a cold departure while plugged in, paid from the grid.
    /// Once heating it keeps going until a stop condition, so it does not chatter on noisy temperatures.
    /// The fleet may also start or stop heating (PreconditioningPlanner.Fleet.cs); the same rules still apply.
    /// </summary>
    public sealed partial class PreconditioningPlanner
    {
        public const int ModeOff = 0;
        public const int ModeWaitingDc = 1;
        public const int ModeHeatingDc = 2;
        public const int ModeWaitingDeparture = 3;
        public const int ModeHeatingDeparture = 4;
        public const int ModeDeclined = 5;

        public const int EventNone = 0;
        public const int EventStarted = 1;
        public const int EventStopped = 2;
        public const int EventDeclined = 3;

        public const string ReasonTargetReached = "target reached";
        public const string ReasonUnplugged = "unplugged";
        public const string ReasonChargerLeftPlan = "charger left the plan";
        public const string ReasonReserveCritical = "reserve critical";
        public const string ReasonBatteryTempStale = "battery temperature stale";
        public const string ReasonDepartureTime = "departure time reached";
        public const string ReasonPlanChanged = "plan changed";
        public const string ReasonSafeOff = "fail-safe off";
        public const string ReasonHeaterTooWeak = "heater cannot reach the window";
        public const string ReasonWouldMissReserve = "would miss the charger reserve";
        public const string ReasonPluggedIn = "plugged in";
        public const string ReasonArrived = "arrived at the charger";

        /// <summary>A DC target that leaves the forecast this close to its ETA was reached, not dropped from the plan, s.</summary>
        public const float ArrivalEtaS = 120f;

        /// <summary>Heat a little past the window edge so sensor noise does not leave the pack just below it, °C.</summary>
        public float TargetMarginC = 1f;

        /// <summary>Start this much earlier than the closed-form start time (the model ignores ETA errors), s.</summary>
        public float StartMarginS = 0f;

        /// <summary>Hysteresis on the reserve decision, SOC %.</summary>
        public float ReserveHysteresisPct = 2f;

        private PackThermalParams _p;

        private float _lastEtaS = float.MaxValue;

        public PreconditioningPlanner(PackThermalParams thermal)
        {
            _p = thermal;
            TargetChargerIndex = -1;
            EventReason = string.Empty;
        }

        public PackThermalParams Thermal
        {
            get { return _p; }
        }

        public int Mode { get; private set; }

        public bool HeaterOn
        {
            get { return Mode == ModeHeatingDc || Mode == ModeHeatingDeparture; }
        }

        /// <summary>Traction-battery energy planned for heating before the next charger, kWh (fed to the forecast).</summary>
        public float PlannedHeatingKwh { get; private set; }

        /// <summary>Heater-on time still needed from the current pack temperature, s.</summary>
        public float RequiredHeatingS { get; private set; }

        /// <summary>Charger being heated for (or declined for), -1 if none.</summary>
        public int TargetChargerIndex { get; private set; }

        /// <summary>Pessimistic arrival SOC at the charger after heating, % (set when evaluated for a DC charger).</summary>
        public float SocAfterHeatingPct { get; private set; }

        /// <summary>Latest event (started/stopped/declined), its reason, time, and a sequence number that changes on every event.</summary>
        public int LastEvent { get; private set; }
        public string EventReason { get; private set; }
        public long EventMs { get; private set; }
        public int EventSequence { get; private set; }

        public float TargetC
        {
            get { return _p.WindowMinC + TargetMarginC; }
        }

        /// <summary>Stops any heating (plan replaced, fail-safe) and forgets the target.</summary>
        public void Reset(long nowMs, string reason)
        {
            if (HeaterOn)
            {
                Emit(EventStopped, reason, nowMs);
            }

            Mode = ModeOff;
            PlannedHeatingKwh = 0f;
            RequiredHeatingS = 0f;
            TargetChargerIndex = -1;
            OnReset(reason);
        }

        public void Update(PlannerInputs a)
        {
            if (!a.BatteryTempValid)
            {
                Reset(a.NowMs, ReasonBatteryTempStale);
                return;
            }

            if (UpdateFleetRequest(a))
            {
                return;
            }

            // Plugged in, the car is at a charger: heating "for the next DC charger" would only fight the car's own charge heating.
            bool dcAhead = a.ForecastValid && a.NextChargerIndex >= 0 && a.NextChargerIsDc && !a.PluggedIn;
            float ambient = a.AmbientValid ? a.AmbientC : a.ForecastMinAmbientC;

            if (Mode == ModeHeatingDc)
            {
                ContinueDc(a, dcAhead, ambient);
                return;
            }

            if (Mode == ModeHeatingDeparture)
            {
                ContinueDeparture(a, ambient);
                return;
            }

            if (dcAhead && !_fleetStopped && a.BatteryTempC < _p.WindowMinC)
            {
                PlanDc(a, ambient);
                return;
            }

            PlannedHeatingKwh = 0f;
            if (!_fleetStopped && a.DepartureUtcMs >= 0 && a.PluggedIn && a.NowMs < a.DepartureUtcMs && a.BatteryTempC < _p.WindowMinC)
            {
                PlanDeparture(a, ambient);
                return;
            }

            Mode = ModeOff;
            TargetChargerIndex = -1;
            RequiredHeatingS = 0f;
        }

        private void PlanDc(PlannerInputs a, float ambient)
        {
            float th = ThermalModel.HeatingSeconds(a.BatteryTempC, TargetC, ambient, ref _p);
            bool sameCharger = TargetChargerIndex == a.NextChargerIndex;
            bool wasDeclined = Mode == ModeDeclined && sameCharger;
            TargetChargerIndex = a.NextChargerIndex;
            if (th < 0f)
            {
                Decline(a, wasDeclined, ReasonHeaterTooWeak);
                return;
            }

            // The forecast already subtracted what we fed it; add it back so the heating is not counted twice.
            float heatPct = ThermalModel.HeaterKwh(th, ref _p) / _p.UsableKwh * 100f;
            float socNoHeat = a.NextChargerSocP10 + a.FedHeatingKwh / _p.UsableKwh * 100f;
            SocAfterHeatingPct = socNoHeat - heatPct;
            RequiredHeatingS = th;
            float needed = a.ChargerReservePct + (wasDeclined ? ReserveHysteresisPct : 0f);
            if (SocAfterHeatingPct < needed)
            {
                Decline(a, wasDeclined, ReasonWouldMissReserve);
                return;
            }

            if (a.CriticalActive)
            {
                Decline(a, wasDeclined, ReasonReserveCritical);
                return;
            }

            PlannedHeatingKwh = ThermalModel.HeaterKwh(th, ref _p);
            Mode = ModeWaitingDc;
            _lastEtaS = a.NextChargerEtaS;
            if (a.NextChargerEtaS <= th + StartMarginS)
            {
                Mode = ModeHeatingDc;
                Emit(EventStarted, "DC charger", a.NowMs);
            }
        }

        private void ContinueDc(PlannerInputs a, bool dcAhead, float ambient)
        {
            if (a.PluggedIn)
            {
                Reset(a.NowMs, ReasonPluggedIn);
                return;
            }

            if (!dcAhead || a.NextChargerIndex != TargetChargerIndex)
            {
                Reset(a.NowMs, _lastEtaS <= ArrivalEtaS ? ReasonArrived : ReasonChargerLeftPlan);
                return;
            }

            _lastEtaS = a.NextChargerEtaS;

            if (a.BatteryTempC >= TargetC)
            {
                Reset(a.NowMs, ReasonTargetReached);
                return;
            }

            float th = ThermalModel.HeatingSeconds(a.BatteryTempC, TargetC, ambient, ref _p);
            float remainingKwh = th < 0f ? PlannedHeatingKwh : ThermalModel.HeaterKwh(th, ref _p);
            float socNoHeat = a.NextChargerSocP10 + a.FedHeatingKwh / _p.UsableKwh * 100f;
            SocAfterHeatingPct = socNoHeat - remainingKwh / _p.UsableKwh * 100f;
            if (a.CriticalActive || SocAfterHeatingPct < a.ChargerReservePct - ReserveHysteresisPct)
            {
                Reset(a.NowMs, ReasonReserveCritical);
                return;
            }

            RequiredHeatingS = th < 0f ? RequiredHeatingS : th;
            PlannedHeatingKwh = remainingKwh;
        }

        private void PlanDeparture(PlannerInputs a, float ambient)
        {
            float th = ThermalModel.HeatingSeconds(a.BatteryTempC, TargetC, ambient, ref _p);
            long untilMs = a.DepartureUtcMs - a.NowMs;
            RequiredHeatingS = th;
            TargetChargerIndex = -1;

            // A heater too weak for the full window still helps: heat from now on.
            if (th < 0f || untilMs <= (long)((th + StartMarginS) * 1000f))
            {
                Mode = ModeHeatingDeparture;
                Emit(EventStarted, "departure", a.NowMs);
                return;
            }

            Mode = ModeWaitingDeparture;
        }

        private void ContinueDeparture(PlannerInputs a, float ambient)
        {
            PlannedHeatingKwh = 0f;
            if (!a.PluggedIn)
            {
                Reset(a.NowMs, ReasonUnplugged);
            }
            else if (a.BatteryTempC >= TargetC)
            {
                Reset(a.NowMs, ReasonTargetReached);
            }
            else if (a.DepartureUtcMs < 0 || a.NowMs >= a.DepartureUtcMs)
            {
                Reset(a.NowMs, ReasonDepartureTime);
            }
            else
            {
                float th = ThermalModel.HeatingSeconds(a.BatteryTempC, TargetC, ambient, ref _p);
                RequiredHeatingS = th < 0f ? RequiredHeatingS : th;
            }
        }

        private void Decline(PlannerInputs a, bool alreadyDeclined, string reason)
        {
            PlannedHeatingKwh = 0f;
            Mode = ModeDeclined;
            if (!alreadyDeclined)
            {
                Emit(EventDeclined, reason, a.NowMs);
            }
        }

        private void Emit(int ev, string reason, long nowMs)
        {
            LastEvent = ev;
            EventReason = reason;
            EventMs = nowMs;
            EventSequence++;
        }
    }
}
