// The agent: collaborators, constructor, read-only API and the 1 Hz tick; Agent.*.cs hold the inputs, the plan, the safety
// rules, the changes the fleet may make in the field and the state digest.
using RangeGuard.Alerts;
using RangeGuard.Dashboard;
using RangeGuard.Forecast;
using RangeGuard.Ports;
using RangeGuard.Preconditioning;
using RangeGuard.State;
using RangeGuard.Trip;

namespace RangeGuard.Agents
{
    /// <summary>
    /// Owns the 1 Hz tick: reads the car (<see cref="VehicleReadings"/>), advances the trip (<see cref="TripContext"/>),
    /// updates the forecast, the cold-soak outlook and the preconditioning planner, runs the alert rules, drives the
    /// dashboard and the heater, and states its advice (<see cref="DriverAdvice"/>). What happened in a tick (alert
    /// transitions) is kept for a publisher to turn into messages; the agent formats no messages itself.
    /// Deterministic given the state and the clock; allocates nothing in steady state (texts are built on alert transitions).
    /// The heater is off at start-up, after any exception in a tick, when the battery temperature is stale, and whenever
    /// the device's watchdog calls <see cref="SafeOff"/>.
    /// </summary>
    public sealed partial class Agent
    {
        private readonly AgentConfig _cfg;
        private readonly IClock _clock;
        private readonly VehicleState _state;
        private IRangeForecaster _forecaster; // replaced by a field configuration change (Agent.Field.cs)
        private readonly IHeaterRelay _heater;
        private readonly ILogSink _log;
        private readonly VehicleReadings _readings = new VehicleReadings();
        private readonly TripContext _trip = new TripContext();
        private readonly ColdSoakOutlook _coldSoak = new ColdSoakOutlook();
        private readonly ForecastResult _forecast = new ForecastResult();
        private readonly DriverAdvice _advice = new DriverAdvice();
        private readonly AlertTable _alerts;
        private readonly AlertPolicy _policy;
        private readonly AlertContext _alertContext = new AlertContext();
        private readonly AlertTransitions _transitions = new AlertTransitions(AlertTable.QueueCapacity);
        private readonly DashboardController _dashboard;
        private readonly PreconditioningPlanner _planner;
        private readonly PlannerInputs _plannerIn = new PlannerInputs();
        private readonly AgentCounters _counters = new AgentCounters();
        private ForecastInputs _inputs;
        private long _lastTickMs = -1;
        private long _lastTickOkMs = -1;
        private long _lastExceptionMs = -1;
        private readonly long _startMs;
        private bool _lastTickOk;
        private bool _heaterOn;

        public Agent(AgentConfig config, IClock clock, VehicleState state, IRangeForecaster forecaster,
                     IDashboard dashboard, IHeaterRelay heater, ILogSink log)
        {
            _cfg = config;
            _clock = clock;
            _state = state;
            _forecaster = forecaster;
            _heater = heater;
            _log = log;
            _alerts = new AlertTable(AlertCatalog.Create());
            _policy = new AlertPolicy(config.Alerts, _alerts);
            _dashboard = new DashboardController(dashboard, config.Alerts);
            _planner = new PreconditioningPlanner(config.Thermal);
            _advice.Bind(_alerts);
            _startMs = clock.UtcMilliseconds;
            AlertContext c = _alertContext;
            c.Readings = _readings;
            c.Trip = _trip;
            c.ColdSoak = _coldSoak;
            c.Forecast = _forecast;
            c.Planner = _planner;
            c.Config = config.Alerts;
            c.UtcOffsetMs = config.Alerts.UtcOffsetMinutes * 60000L;
            SafeOff();
        }

        public AgentConfig Config
        {
            get { return _cfg; }
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

        /// <summary>The alert transitions (raise, worse, clear, ack) of the latest tick, oldest first.</summary>
        public AlertTransitions Transitions
        {
            get { return _transitions; }
        }

        /// <summary>What the agent advises the driver now (the device shows it; the simulated driver follows it).</summary>
        public DriverAdvice Advice
        {
            get { return _advice; }
        }

        public AgentCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>The car as read in the latest tick.</summary>
        public VehicleReadings Readings
        {
            get { return _readings; }
        }

        /// <summary>The plan in force, the position along it and the planned departure.</summary>
        public TripContext Trip
        {
            get { return _trip; }
        }

        public ColdSoakOutlook ColdSoak
        {
            get { return _coldSoak; }
        }

        /// <summary>Distance travelled along the current plan, m.</summary>
        public float PositionM
        {
            get { return _trip.PositionM; }
        }

        public PreconditioningPlanner Preconditioning
        {
            get { return _planner; }
        }

        public DashboardController Dashboard
        {
            get { return _dashboard; }
        }

        /// <summary>The heater request the latest tick left on (false after any fail-safe).</summary>
        public bool HeaterOn
        {
            get { return _heaterOn; }
        }

        /// <summary>The latest tick completed without an exception.</summary>
        public bool LastTickOk
        {
            get { return _lastTickOk; }
        }

        /// <summary>Samples the acknowledge button between ticks (optional; Tick samples it too).</summary>
        public void SampleAckButton()
        {
            _dashboard.SampleButton(_clock.UtcMilliseconds);
        }

        /// <summary>Acknowledges every active alert (as the button does); the transitions go out with the next tick.</summary>
        public int AcknowledgeAll()
        {
            return _alerts.AcknowledgeAll();
        }

        public void Tick()
        {
            long now = _clock.UtcMilliseconds;
            _counters.Ticks++;
            _transitions.Clear();
            try
            {
                TickCore(now);
                _lastTickOkMs = now;
                _lastTickOk = true;
            }
            catch (System.Exception ex)
            {
                _lastTickOk = false;
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
            _readings.Read(_state, now, _startMs, _cfg.Alerts.CanSilentMs);
            _counters.StaleEvents = _readings.StaleEvents;
            _trip.Advance(_readings, dt);

            FillForecastInputs(now);
            _forecaster.Tick(_inputs, _forecast);
            LearnAtTripEnd(now, dt);
            _coldSoak.Update(now, _readings, _trip, ref _cfg.Thermal, _forecaster, _cfg.ColdSoakCruiseKmh);

            RunPlanner(now);
            bool heaterOn = _planner.HeaterOn && _plannerIn.BatteryTempValid;
            SetHeater(heaterOn);

            _alertContext.NowMs = now;
            _alertContext.InternalError = _lastExceptionMs >= 0 && now - _lastExceptionMs < _cfg.ExceptionHoldMs;
            _dashboard.SampleButton(now);
            _policy.Evaluate(_alertContext);
            if (_dashboard.TakePress())
            {
                _alerts.AcknowledgeAll();
            }

            TakeTransitions();
            _dashboard.Render(_alerts, now, heaterOn);
            _advice.Update(_forecast, _trip, _planner);
        }

        private void SetHeater(bool on)
        {
            _heaterOn = on;
            if (on != _heater.IsOn)
            {
                _heater.SetOn(on);
            }
        }
    }
}
