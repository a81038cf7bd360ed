using RangeGuard.Alerts;
using RangeGuard.Dashboard;
using RangeGuard.Forecast;
using RangeGuard.Ports;
using RangeGuard.Preconditioning;
using RangeGuard.State;

namespace RangeGuard.Agents
{
    /// <summary>
    /// Owns the 1 Hz tick: reads the vehicle state, updates the forecast, runs the preconditioning planner and the alert
    /// policy, drives the dashboard and heater, and hands messages to the outbox. Deterministic given the state and the
    /// clock; allocates nothing in steady state (texts and messages are built on alert transitions and telemetry ticks).
    /// The heater is off at start-up, after any exception in a tick, when the battery temperature is stale, and whenever
    /// the device's watchdog calls <see cref="SafeOff"/>.
    /// </summary>
    public sealed class Agent
    {
        private readonly AgentConfig _cfg;
        private readonly IClock _clock;
        private readonly VehicleState _state;
        private readonly IRangeForecaster _forecaster;
        private readonly IHeaterRelay _heater;
        private readonly IOutbox _outbox;
        private readonly ILogSink _log;
        private readonly ForecastResult _forecast = new ForecastResult();
        private readonly AlertTable _alerts = new AlertTable();
        private readonly AlertPolicy _policy;
        private readonly DashboardController _dashboard;
        private readonly PreconditioningPlanner _planner;
        private readonly AgentCounters _counters = new AgentCounters();
        private readonly AlertInputs _alertIn = new AlertInputs();
        private readonly PlannerInputs _plannerIn = new PlannerInputs();
        private readonly RouteCharger[] _chargers = new RouteCharger[RoutePlan.MaxChargers];
        private readonly bool[] _wasStale = new bool[InputId.Count];
        private readonly JsonWriter _json = new JsonWriter(512);
        private readonly string _telemetryTopic;
        private readonly string _alertTopic;
        private ForecastInputs _inputs;
        private bool _socOk;
        private bool _battOk;
        private bool _ambOk;
        private bool _speedOk;
        private bool _everBatt;
        private bool _planSet;
        private int _chargerCount;
        private float _destinationReservePct = 15f;
        private float _chargerReservePct = 10f;
        private float _positionM;
        private float _lastOdometerKm = -1f;
        private long _lastTickMs = -1;
        private long _lastTickOkMs = -1;
        private long _lastExceptionMs = -1;
        private long _startMs;
        private long _departureUtcMs = -1;
        private float _forecastMinAmbientC;
        private float _coldSoakLossKm = -1f;
        private int _telemetrySeq;

        public Agent(AgentConfig config, IClock clock, VehicleState state, IRangeForecaster forecaster,
                     IDashboard dashboard, IHeaterRelay heater, IOutbox outbox, ILogSink log)
        {
            _cfg = config;
            _clock = clock;
            _state = state;
            _forecaster = forecaster;
            _heater = heater;
            _outbox = outbox;
            _log = log;
            _policy = new AlertPolicy(config.Alerts, _alerts);
            _dashboard = new DashboardController(dashboard, config.Alerts);
            _planner = new PreconditioningPlanner(config.Thermal);
            _telemetryTopic = "rangeguard/" + config.VehicleId + "/telemetry";
            _alertTopic = "rangeguard/" + config.VehicleId + "/alert";
            _startMs = clock.UtcMilliseconds;
            _alertIn.Forecast = _forecast;
            _alertIn.Chargers = _chargers;
            _alertIn.Planner = _planner;
            SafeOff();
        }

        /// <summary>Latest forecast (overwritten each tick).</summary>
        public ForecastResult Forecast
        {
            get { return _forecast; }
        }

        public AlertTable Alerts
        {
            get { return _alerts; }
        }

        public AgentCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>Distance travelled along the current plan, m.</summary>
        public float PositionM
        {
            get { return _positionM; }
        }

        public PreconditioningPlanner Preconditioning
        {
            get { return _planner; }
        }

        public DashboardController Dashboard
        {
            get { return _dashboard; }
        }

        public string TelemetryTopic
        {
            get { return _telemetryTopic; }
        }

        public string AlertTopic
        {
            get { return _alertTopic; }
        }

        /// <summary>Forwards to the forecaster; on success resets the route position and re-plans preconditioning.</summary>
        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            if (plan == null)
            {
                error = "plan is null";
                _counters.PlansRejected++;
                return false;
            }

            if (!_forecaster.TrySetPlan(plan, out error))
            {
                _counters.PlansRejected++;
                return false;
            }

            _counters.PlansAccepted++;
            int n = plan.ChargerCount < RoutePlan.MaxChargers ? plan.ChargerCount : RoutePlan.MaxChargers;
            System.Array.Copy(plan.Chargers, _chargers, n);
            _chargerCount = n;
            _destinationReservePct = plan.DestinationReservePercent;
            _chargerReservePct = plan.ChargerReservePercent;
            _alertIn.DestinationName = plan.DestinationName;
            _positionM = 0f;
            _lastOdometerKm = -1f;
            _planSet = true;
            long now = _clock.UtcMilliseconds;
            _planner.Reset(now, PreconditioningPlanner.ReasonPlanChanged);
            _heater.SetOn(false);
            _policy.RebasePositions();
            return true;
        }

        /// <summary>Departure time (ms since epoch) and the forecast minimum ambient until then; a negative time clears both.</summary>
        public void SetDeparture(long departureUtcMs, float forecastMinAmbientC)
        {
            _departureUtcMs = departureUtcMs < 0 ? -1 : departureUtcMs;
            _forecastMinAmbientC = forecastMinAmbientC;
            if (_departureUtcMs < 0)
            {
                _coldSoakLossKm = -1f;
            }
        }

        /// <summary>Range lost by parking unplugged until departure, km, from the forecaster's cold-soak estimator (-1 unknown). Quoted by the cold-soak alert.</summary>
        public void SetColdSoakLossKm(float lossKm)
        {
            _coldSoakLossKm = lossKm;
        }

        /// <summary>Samples the acknowledge button between ticks (optional; Tick samples it too).</summary>
        public void SampleAckButton()
        {
            _dashboard.SampleButton(_clock.UtcMilliseconds);
        }

        /// <summary>True when no tick has completed within the watchdog timeout; the device then calls <see cref="SafeOff"/>.</summary>
        public bool WatchdogExpired(long nowMs)
        {
            long last = _lastTickOkMs >= 0 ? _lastTickOkMs : _startMs;
            return nowMs - last > _cfg.WatchdogTimeoutMs;
        }

        /// <summary>Heater off. Safe to call from any path; never throws.</summary>
        public void SafeOff()
        {
            _counters.SafeOffs++;
            try
            {
                _heater.SetOn(false);
            }
            catch (System.Exception)
            {
                // The relay adapter failing must not take the fail-safe path down with it.
            }
        }

        public void Tick()
        {
            long now = _clock.UtcMilliseconds;
            _counters.Ticks++;
            try
            {
                TickCore(now);
                _lastTickOkMs = now;
            }
            catch (System.Exception ex)
            {
                OnException(now, ex);
            }
        }

        private void TickCore(long now)
        {
            long dt = _lastTickMs < 0 ? 0 : now - _lastTickMs;
            if (dt < 0)
            {
                dt = 0;
            }
            else if (dt > _cfg.MaxTickGapMs)
            {
                dt = _cfg.MaxTickGapMs;
            }

            _lastTickMs = now;
            int firstStale = ReadInputs(now, dt);

            _inputs.PlannedHeatingKwh = _planner.PlannedHeatingKwh;
            _forecaster.Tick(_inputs, _forecast);

            RunPlanner(now);
            bool heaterOn = _planner.HeaterOn && _plannerIn.BatteryTempValid;
            if (heaterOn != _heater.IsOn)
            {
                _heater.SetOn(heaterOn);
            }

            FillAlertInputs(now, firstStale);
            _dashboard.SampleButton(now);
            _policy.Evaluate(_alertIn);
            if (_dashboard.TakePress())
            {
                _alerts.AcknowledgeAll();
            }

            PostTransitions(now);
            _dashboard.Render(_alerts, now, heaterOn);
            PostTelemetry(now, heaterOn);
        }

        /// <summary>
        /// Fills the forecast inputs, integrates the position, counts stale events; returns the first stale required input or -1.
        /// A stale input is passed on as its last known value (0 if never seen) with InputsValid = false, never as NaN,
        /// so a forecaster that forgets to check cannot be poisoned; the agent's own logic uses the fresh flags.
        /// </summary>
        private int ReadInputs(long now, long dtMs)
        {
            float v;
            _inputs.TimeMs = now;
            _socOk = Read(InputId.SocPercent, now, out _inputs.SocPercent);
            _battOk = ReadBatteryTemp(now, out _inputs.BatteryTempC);
            _ambOk = Read(InputId.AmbientTempC, now, out _inputs.AmbientTempC);
            _speedOk = Read(InputId.SpeedKmh, now, out _inputs.SpeedKmh);

            // Battery power for learning: NaN only when the car never reported voltage and current.
            bool powerSeen = _state.HasValue(InputId.PackVoltageV) && _state.HasValue(InputId.PackCurrentA);
            bool powerOk = !_state.IsStale(InputId.PackVoltageV, now) && !_state.IsStale(InputId.PackCurrentA, now);
            _inputs.BatteryPowerW = powerSeen ? _state.GetLast(InputId.PackVoltageV) * _state.GetLast(InputId.PackCurrentA) : float.NaN;

            // Our own battery heater (on since the last tick, off the grid only when plugged in) is preconditioning, which
            // the forecast counts apart (PlannedHeatingKwh): keep its rated draw out of the power the forecaster learns
            // from, or it would be learnt as extra traction energy for the rest of the trip.
            float chargingState;
            bool pluggedNow = _state.TryGet(InputId.ChargingState, now, out chargingState) && chargingState >= 0.5f;
            if (powerSeen && _heater.IsOn && !pluggedNow)
            {
                _inputs.BatteryPowerW -= _cfg.Thermal.HeaterPowerW;
            }
            _inputs.HvacPowerW = _state.TryGet(InputId.HvacPowerW, now, out v) ? v : -1f;

            float odo;
            bool odoOk = _state.TryGet(InputId.OdometerKm, now, out odo);
            if (_speedOk)
            {
                _positionM += _inputs.SpeedKmh > 0f ? _inputs.SpeedKmh / 3.6f * dtMs / 1000f : 0f;
            }
            else if (odoOk && _lastOdometerKm >= 0f && odo >= _lastOdometerKm)
            {
                _positionM += (odo - _lastOdometerKm) * 1000f;
            }

            _lastOdometerKm = odoOk ? odo : -1f;
            _inputs.PositionM = _positionM;

            int firstStale = -1;
            firstStale = TrackStale(InputId.SocPercent, !_socOk, firstStale);
            firstStale = TrackStale(InputId.BatteryTempAvgC, !_battOk, firstStale);
            firstStale = TrackStale(InputId.AmbientTempC, !_ambOk, firstStale);
            firstStale = TrackStale(InputId.SpeedKmh, !_speedOk, firstStale);
            _inputs.InputsValid = firstStale < 0 && (!powerSeen || powerOk);
            return firstStale;
        }

        private bool Read(int id, long now, out float value)
        {
            if (_state.TryGet(id, now, out value))
            {
                return true;
            }

            value = _state.GetLast(id);
            return false;
        }

        /// <summary>Counts fresh-to-stale edges (of inputs seen before) and keeps the first stale input.</summary>
        private int TrackStale(int id, bool stale, int firstStale)
        {
            bool seen = id == InputId.BatteryTempAvgC ? _everBatt : _state.HasValue(id);
            if (stale && seen && !_wasStale[id])
            {
                _counters.StaleEvents++;
            }

            _wasStale[id] = stale;
            return stale && firstStale < 0 ? id : firstStale;
        }

        /// <summary>Average pack temperature, or the midpoint of min/max when the car reports only those; last known when stale.</summary>
        private bool ReadBatteryTemp(long now, out float value)
        {
            float lo, hi;
            if (_state.TryGet(InputId.BatteryTempAvgC, now, out value))
            {
                _everBatt = true;
                return true;
            }

            if (_state.TryGet(InputId.BatteryTempMinC, now, out lo) & _state.TryGet(InputId.BatteryTempMaxC, now, out hi))
            {
                value = (lo + hi) / 2f;
                _everBatt = true;
                return true;
            }

            value = _state.HasValue(InputId.BatteryTempAvgC) ? _state.GetLast(InputId.BatteryTempAvgC)
                : (_state.GetLast(InputId.BatteryTempMinC) + _state.GetLast(InputId.BatteryTempMaxC)) / 2f;
            return false;
        }

        private void RunPlanner(long now)
        {
            PlannerInputs p = _plannerIn;
            ForecastResult f = _forecast;
            float v;
            p.NowMs = now;
            p.BatteryTempValid = _battOk;
            p.BatteryTempC = _inputs.BatteryTempC;
            p.AmbientValid = _ambOk;
            p.AmbientC = _inputs.AmbientTempC;
            p.PluggedIn = _state.TryGet(InputId.ChargingState, now, out v) && v >= 0.5f;
            p.ForecastValid = _planSet && f.Valid;
            int idx = f.NextChargerIndex;
            bool exists = p.ForecastValid && f.NextCharger.Exists && idx >= 0 && idx < _chargerCount;
            p.NextChargerIndex = exists ? idx : -1;
            p.NextChargerIsDc = exists && _chargers[idx].IsDc;
            p.NextChargerEtaS = f.NextCharger.EtaSeconds;
            p.NextChargerSocP10 = f.NextCharger.SocP10;
            p.ChargerReservePct = _chargerReservePct;
            p.FedHeatingKwh = _inputs.PlannedHeatingKwh;
            p.CriticalActive = _alerts.IsActive(AlertKind.PointOfNoReturn) || _alerts.IsActive(AlertKind.NothingReachable);
            p.DepartureUtcMs = _departureUtcMs;
            p.ForecastMinAmbientC = _forecastMinAmbientC;
            _planner.Update(p);
        }

        private void FillAlertInputs(long now, int firstStale)
        {
            AlertInputs a = _alertIn;
            a.NowMs = now;
            a.PlanSet = _planSet;
            a.DestinationReservePct = _destinationReservePct;
            a.ChargerReservePct = _chargerReservePct;
            a.ChargerCount = _chargerCount;
            a.PositionM = _positionM;
            a.PluggedIn = _plannerIn.PluggedIn;
            a.UtcOffsetMs = _cfg.Alerts.UtcOffsetMinutes * 60000L;
            a.SpeedKmh = _speedOk ? _inputs.SpeedKmh : float.NaN;
            a.AmbientC = _ambOk ? _inputs.AmbientTempC : float.NaN;
            float odo;
            a.OdometerKm = _state.TryGet(InputId.OdometerKm, now, out odo) ? odo : -1f;
            a.CanSilent = CanSilent(now);
            a.StaleInput = firstStale;
            a.InternalError = _lastExceptionMs >= 0 && now - _lastExceptionMs < _cfg.ExceptionHoldMs;
            a.DepartureUtcMs = _departureUtcMs;
            a.ColdSoakLossKm = _coldSoakLossKm;

            // Cold soak: parked, unplugged, a trip planned, departure ahead: how cold will the pack be by then?
            // A parked car's bus goes to sleep, so this uses the last known values and cools from the time of the last reading.
            bool parked = _state.HasValue(InputId.SpeedKmh) && _state.GetLast(InputId.SpeedKmh) < 1f;
            bool unplugged = _state.HasValue(InputId.ChargingState) && _state.GetLast(InputId.ChargingState) < 0.5f;
            int battId = _state.HasValue(InputId.BatteryTempAvgC) ? InputId.BatteryTempAvgC : InputId.BatteryTempMinC;
            a.ColdSoakApplicable = parked && unplugged && _planSet && _departureUtcMs > now && _state.HasValue(battId);
            a.ColdSoakPackTempC = a.ColdSoakApplicable
                ? ThermalModel.TempAfter(_state.GetLast(battId), _forecastMinAmbientC, 0f, _cfg.Thermal, (_departureUtcMs - _state.GetTime(battId)) / 1000f)
                : float.NaN;
        }

        private bool CanSilent(long now)
        {
            long newest = -1;
            for (int i = 0; i < InputId.Count; i++)
            {
                long t = _state.GetTime(i);
                if (t > newest)
                {
                    newest = t;
                }
            }

            return now - (newest < 0 ? _startMs : newest) > _cfg.Alerts.CanSilentMs;
        }

        private void PostTransitions(long now)
        {
            int kind, ev;
            while (_alerts.TryDequeue(out kind, out ev))
            {
                AlertSlot s = _alerts.Slot(kind);
                Post(_alertTopic, TelemetryMessages.Alert(_json, now, s, ev, _alertIn.OdometerKm));
                if (ev == AlertEvent.Raised || ev == AlertEvent.Worsened)
                {
                    _log.Write(s.Code + " " + AlertEvent.Name(ev) + ": " + s.Text);
                }
            }
        }

        private void PostTelemetry(long now, bool heaterOn)
        {
            if (_cfg.TelemetryEveryTicks <= 0 || _counters.Ticks % _cfg.TelemetryEveryTicks != 0)
            {
                return;
            }

            _telemetrySeq++;
            Post(_telemetryTopic, TelemetryMessages.Telemetry(_json, now, _telemetrySeq, _positionM,
                _socOk ? _inputs.SocPercent : float.NaN, _battOk ? _inputs.BatteryTempC : float.NaN,
                _ambOk ? _inputs.AmbientTempC : float.NaN, _speedOk ? _inputs.SpeedKmh : float.NaN, _forecast, _planner, heaterOn, _alerts, _counters));
        }

        private void Post(string topic, string payload)
        {
            bool ok;
            try
            {
                ok = _outbox.Post(topic, payload);
            }
            catch (System.Exception)
            {
                ok = false;
            }

            if (ok)
            {
                _counters.MessagesPosted++;
            }
            else
            {
                _counters.MessagesDropped++;
            }
        }

        private void OnException(long now, System.Exception ex)
        {
            _counters.Exceptions++;
            _lastExceptionMs = now;
            SafeOff();
            try
            {
                _planner.Reset(now, PreconditioningPlanner.ReasonSafeOff);
                _log.Write("agent tick failed: " + ex.GetType().Name + ": " + ex.Message);
                _alertIn.NowMs = now;
                _alertIn.PositionM = _positionM;
                _policy.RaiseInternalError(_alertIn);
                PostTransitions(now);
                _dashboard.Render(_alerts, now, false);
            }
            catch (System.Exception)
            {
                // Nothing more to do safely: the heater is already off and the exception is counted.
            }
        }
    }
}
