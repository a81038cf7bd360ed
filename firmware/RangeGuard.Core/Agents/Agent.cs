// The agent: state, constructor, public read-only API and the 1 Hz tick orchestration; the other Agent.*.cs files hold each concern.
using RangeGuard.Alerts;
using RangeGuard.Messaging;
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
    public sealed partial class Agent
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

        /// <summary>Samples the acknowledge button between ticks (optional; Tick samples it too).</summary>
        public void SampleAckButton()
        {
            _dashboard.SampleButton(_clock.UtcMilliseconds);
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
            // The agent owns the tick: the vehicle state's stale-event counters and energy/distance integrals advance here,
            // on the device and in the simulator alike.
            _state.Update(now);
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
    }
}
