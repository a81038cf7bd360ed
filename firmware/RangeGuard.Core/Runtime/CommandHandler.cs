using RangeGuard.Agents;
using RangeGuard.Dbc;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Commands;
using RangeGuard.Messaging.Publishing;
using RangeGuard.Ports;
using RangeGuard.Preconditioning;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// Applies the fleet's commands in the core loop: parse into the staging copy (phase 1's parser), apply the whole
    /// command or nothing, and answer on <c>cmd/&lt;name&gt;/result</c>. A repeated request id (a QoS 1 redelivery) gets the
    /// first result again and is not applied twice. Everything that can fail (parsing, building a new forecaster or
    /// decoder, the new forecaster taking the plan) happens before the first change.
    /// </summary>
    public sealed class CommandHandler
    {
        public const int RecentIds = 8;

        private readonly AgentLoop _loop;
        private readonly AgentPublisher _publisher;
        private readonly IClock _clock;
        private readonly IDeviceInfo _device;
        private readonly CommandParser _parser;
        private readonly RecentRequests _recent = new RecentRequests(RecentIds);
        private string _field;
        private string _reason;

        // A cmd/route being read: its command name and payload.
        private bool _reading;
        private string _readingName;
        private byte[] _readingPayload;

        // A cmd/route handed to the agent and being prepared: its plan, id, departure.
        private RoutePlan _waiting;
        private string _waitingRouteId;
        private long _waitingDeparture;
        private string _waitingName;
        private string _waitingId;

        // A cmd/config's new vehicle taking the plan in force (a slice per loop pass), and that plan.
        private EnergyForecaster _vehicleBuild;
        private RoutePlan _vehiclePlan;

        private const string NoFit = "the plan in force does not fit the new vehicle: ";

        public CommandHandler(AgentLoop loop, AgentPublisher publisher, IClock clock, IDeviceInfo device, int segmentCapacity)
            : this(loop, publisher, clock, device, segmentCapacity, RoutePlan.MaxChargers)
        {
        }

        public CommandHandler(AgentLoop loop, AgentPublisher publisher, IClock clock, IDeviceInfo device, int segmentCapacity, int chargerCapacity)
        {
            _loop = loop;
            _publisher = publisher;
            _clock = clock;
            _device = device;
            _parser = new CommandParser(segmentCapacity, chargerCapacity, publisher.Json.Scratch);
            SegmentCapacity = segmentCapacity;
        }

        public int SegmentCapacity { get; private set; }

        public CommandParser Parser
        {
            get { return _parser; }
        }

        /// <summary>Commands answered (applied, refused, repeated), since boot.</summary>
        public int Applied { get; private set; }
        public int Refused { get; private set; }
        public int Repeated { get; private set; }

        /// <summary>Routes put in force by cmd/route since boot.</summary>
        public int RouteVersion { get; private set; }

        /// <summary>
        /// Called when a valid cmd/route is handed to the agent, with the payload as received (the device stores it; at boot
        /// it goes through the same parser and checks again).
        /// </summary>
        public RouteAppliedHandler RouteApplied;

        private bool _restoring;

        /// <summary>
        /// Applies a command kept from before a reboot through the same parser and checks, without a result and without
        /// storing it again. True when applied; <paramref name="requestId"/> is its id.
        /// </summary>
        public bool ApplyStored(string name, byte[] payload, int length, out string requestId)
        {
            Agent agent = _loop.Agent;
            requestId = null;
            if (!_parser.Parse(name, payload, length, float.NaN, agent.Config.Alerts))
            {
                _parser.RouteStaging.TakePlan(); // let go
                return false;
            }

            requestId = _parser.RequestId;
            _restoring = true;
            try
            {
                bool ok = Apply(_parser.Kind, payload, length);
                _parser.RouteStaging.TakePlan(); // kept by the agent, or let go
                if (ok && _waiting != null)
                {
                    agent.FinishPlan(); // at start-up, before the loop runs: prepared at once
                    ok = RouteDone();
                }

                int config = ok && _vehicleBuild != null ? ConfigBuilding : ConfigApplied;
                while (config == ConfigBuilding)
                {
                    config = ContinueConfig(); // likewise
                }

                return ok && config == ConfigApplied;
            }
            finally
            {
                _restoring = false;
            }
        }

        /// <summary>
        /// A cmd/route is being prepared (the agent builds it a slice per loop pass), or a cmd/config's new vehicle is taking
        /// the plan in force: its result goes out when that is done or refused, and no other command is taken meanwhile.
        /// </summary>
        public bool Waiting
        {
            get { return _reading || _waiting != null || _vehicleBuild != null; }
        }

        /// <summary>
        /// Called every loop pass: reads on in a cmd/route (a slice of segments), and posts the result of a route that has
        /// come into force (or was refused); prepares a slice of a cmd/config's new vehicle and posts its result when done.
        /// </summary>
        public void Continue()
        {
            if (_vehicleBuild != null)
            {
                int step = ContinueConfig();
                if (step != ConfigBuilding)
                {
                    Finish(step == ConfigApplied, _waitingName, _waitingId, _clock.UtcMilliseconds);
                }

                return;
            }

            if (_reading)
            {
                int step = _parser.Continue(Agent.PlanSliceSegments);
                if (step == CommandParser.Reading)
                {
                    return;
                }

                _reading = false;
                byte[] payload = _readingPayload;
                _readingPayload = null;
                Parsed(_readingName, payload, payload == null ? 0 : payload.Length, step == CommandParser.Valid);
                return;
            }

            if (_waiting == null || _loop.Agent.PlanPending)
            {
                return;
            }

            bool ok = RouteDone();
            Finish(ok, _waitingName, _waitingId, _clock.UtcMilliseconds);
        }

        /// <summary>
        /// Handles one received message; ignores topics that are not this car's commands. Returns the result text, or null
        /// when there is none yet: a cmd/route is read and prepared a slice per loop pass (<see cref="Continue"/>).
        /// </summary>
        public string Handle(string topic, byte[] payload)
        {
            string name = _publisher.Topics.CommandName(topic);
            if (name == null)
            {
                return null;
            }

            Agent agent = _loop.Agent;
            int length = payload == null ? 0 : payload.Length;
            int step = _parser.Start(name, payload, length, agent.Readings.AmbientFresh ? agent.Readings.AmbientC : float.NaN, agent.Config.Alerts,
                Agent.PlanSliceSegments);
            if (step == CommandParser.Reading)
            {
                _reading = true;
                _readingName = name;
                _readingPayload = payload;
                return null;
            }

            return Parsed(name, payload, length, step == CommandParser.Valid);
        }

        /// <summary>The command was read: answer a repeat, else apply it (a route: hand it over) and answer.</summary>
        private string Parsed(string name, byte[] payload, int length, bool ok)
        {
            long now = _clock.UtcMilliseconds;
            string known = _recent.Find(name, _parser.RequestId);
            if (known != null)
            {
                _parser.RouteStaging.TakePlan();
                Repeated++;
                _publisher.PostResult(name, known);
                return known;
            }

            _field = _parser.ErrorField;
            _reason = _parser.ErrorReason;
            if (ok)
            {
                ok = Apply(_parser.Kind, payload, length);
            }

            _parser.RouteStaging.TakePlan(); // kept by the agent, or let go: between commands the car keeps one route
            if (ok && _waiting != null)
            {
                if (_loop.Agent.PlanPending)
                {
                    _waitingName = name;
                    _waitingId = _parser.RequestId;
                    return null; // the result goes out when the plan is ready (Continue)
                }

                ok = RouteDone(); // a short route is in force at once
            }

            if (ok && _vehicleBuild != null)
            {
                int step = ContinueConfig(); // the first slice now: a short route is taken at once
                if (step == ConfigBuilding)
                {
                    _waitingName = name;
                    _waitingId = _parser.RequestId;
                    return null; // the result goes out when the new vehicle holds the plan (Continue)
                }

                ok = step == ConfigApplied;
            }

            return Finish(ok, name, _parser.RequestId, now);
        }

        private string Finish(bool ok, string name, string requestId, long now)
        {
            if (ok)
            {
                Applied++;
            }
            else
            {
                Refused++;
            }

            string result = CommandResult.Write(_publisher.Json, requestId, ok, now, _field, _reason,
                CommandParser.KindOf(name) == CommandParser.Ping ? _device.UptimeMs / 1000 : -1);
            _recent.Remember(name, requestId, result);
            _publisher.PostResult(name, result);
            return result;
        }

        private bool Apply(int kind, byte[] payload, int length)
        {
            Agent agent = _loop.Agent;
            switch (kind)
            {
                case CommandParser.Route:
                    return ApplyRoute(agent, payload, length);
                case CommandParser.Config:
                    return ApplyConfig(agent);
                case CommandParser.Precondition:
                    PreconditionCommand p = _parser.PreconditionStaging;
                    if (p.Action == PreconditionCommand.ActionStart)
                    {
                        agent.StartPreconditioning(p.Minutes);
                    }
                    else if (p.Action == PreconditionCommand.ActionStop)
                    {
                        agent.StopPreconditioning();
                    }
                    else
                    {
                        agent.SchedulePreconditioning(p.DepartureMs);
                    }

                    return true;
                case CommandParser.Ack:
                    string code = _parser.AckStaging.Code;
                    if (code == AckCommand.All)
                    {
                        agent.AcknowledgeAll();
                    }
                    else
                    {
                        agent.Acknowledge(code); // a known code that is not active: ok, nothing to do
                    }

                    return true;
                default:
                    return true; // ping
            }
        }

        /// <summary>
        /// Hands the staged plan to the agent (no copy), which prepares it a slice per loop pass (<see cref="Continue"/>).
        /// The route is stored first (<see cref="RouteApplied"/>; at boot it goes through the same checks again), so its
        /// payload can go before the forecaster allocates the new route profile.
        /// </summary>
        private bool ApplyRoute(Agent agent, byte[] payload, int length)
        {
            RouteCommand r = _parser.RouteStaging;
            RoutePlan plan = r.TakePlan();
            if (RouteApplied != null && !_restoring)
            {
                RouteApplied(payload, length, r.RequestId);
            }

            _readingPayload = null;
            string error;
            if (!agent.TryBeginPlan(plan, out error))
            {
                return Fail("segments", error);
            }

            _waiting = plan;
            _waitingRouteId = r.RequestId;
            _waitingDeparture = r.DepartureMs;
            return true;
        }

        /// <summary>The route handed over is in force (true: departure, plan id, stored) or was refused (false, with the reason).</summary>
        private bool RouteDone()
        {
            Agent agent = _loop.Agent;
            RoutePlan plan = _waiting;
            _waiting = null;
            if (agent.Plan != plan)
            {
                return Fail("segments", agent.LastPlanError);
            }

            // The departure travels with the route; the forecast minimum air until then is the coldest segment's.
            agent.SetDeparture(_waitingDeparture, ColdestAir(plan));
            _publisher.SetPlanId(_waitingRouteId);
            RouteVersion++;
            return true;
        }

        /// <summary>
        /// A new vehicle first takes the plan in force, a slice per loop pass like a route (<see cref="ContinueConfig"/>: a
        /// 2,000-segment plan prepared at once would hold the loop for seconds on the device); the command's other groups
        /// wait for it, so it is applied whole or not at all. Without a vehicle, or without a plan, it is applied at once.
        /// </summary>
        private bool ApplyConfig(Agent agent)
        {
            ConfigCommand c = _parser.ConfigStaging;
            if (c.Vehicle == null)
            {
                return ApplyConfigGroups(agent, null, null);
            }

            EnergyForecaster f;
            RoutePlan plan = agent.PlanForNewVehicle();
            string error;
            try
            {
                f = new EnergyForecaster(c.Vehicle, SegmentCapacity);
                if (plan != null && !f.TryBeginPlan(plan, out error))
                {
                    return Fail("vehicle", NoFit + error);
                }
            }
            catch (System.Exception ex)
            {
                return Fail("$", "could not build the new configuration: " + ex.Message);
            }

            if (plan == null)
            {
                return ApplyConfigGroups(agent, f, null);
            }

            _vehicleBuild = f;
            _vehiclePlan = plan;
            return true;
        }

        private const int ConfigBuilding = 0;
        private const int ConfigApplied = 1;
        private const int ConfigRefused = 2;

        /// <summary>The new vehicle prepares the next slice of the plan in force; when it holds it, the whole config is applied. A Config* state.</summary>
        private int ContinueConfig()
        {
            string error;
            int step = _vehicleBuild.ContinuePlan(Agent.PlanSliceSegments, out error);
            if (step == IncrementalPlan.Building)
            {
                return ConfigBuilding;
            }

            EnergyForecaster f = _vehicleBuild;
            RoutePlan plan = _vehiclePlan;
            _vehicleBuild = null;
            _vehiclePlan = null;
            bool ok = step == IncrementalPlan.Done ? ApplyConfigGroups(_loop.Agent, f, plan) : Fail("vehicle", NoFit + error);
            return ok ? ConfigApplied : ConfigRefused;
        }

        /// <summary>
        /// Applies every group of the staged cmd/config; <paramref name="forecaster"/> (null: the vehicle stays) already holds
        /// <paramref name="plan"/>, the plan in force when it began (null: none).
        /// </summary>
        private bool ApplyConfigGroups(Agent agent, EnergyForecaster forecaster, RoutePlan plan)
        {
            ConfigCommand c = _parser.ConfigStaging;
            SignalDispatcher dispatcher = null;
            PackThermalParams thermal = agent.Config.Thermal;
            try
            {
                if (forecaster != null)
                {
                    EnergyForecaster old = agent.Forecaster as EnergyForecaster;
                    if (old != null && old.Vehicle.Id == c.Vehicle.Id)
                    {
                        LearnedState.Transfer(old, forecaster); // the same car, corrected: keep what it learned
                    }

                    thermal = PackThermalParams.From(c.Vehicle);
                }

                if (c.SignalMap != null)
                {
                    if (_loop.Dispatcher == null)
                    {
                        return Fail("signal_profile", "this car decodes no CAN (no signal decoder to replace)");
                    }

                    // The last step that can fail (allocation); it sets the new map's input ages on the state when built.
                    dispatcher = new SignalDispatcher(c.SignalMap, _loop.Dispatcher.State);
                }
            }
            catch (System.Exception ex)
            {
                return Fail("$", "could not build the new configuration: " + ex.Message);
            }

            string error;
            if (forecaster != null && !agent.TryReplaceVehicle(forecaster, plan, thermal, out error))
            {
                return Fail("vehicle", error); // the plan in force changed meanwhile (not by a command: none is taken)
            }

            // From here on nothing can fail: apply every other group.
            if (dispatcher != null)
            {
                _loop.ReplaceDispatcher(dispatcher);
            }

            if (c.AlertMask != 0)
            {
                c.ApplyAlerts(agent.Config.Alerts);
                agent.AlertConfigChanged();
            }

            if (c.DrivingEveryS > 0)
            {
                _publisher.Telemetry.DrivingEveryS = c.DrivingEveryS;
            }

            if (c.ParkedEveryS > 0)
            {
                _publisher.Telemetry.ParkedEveryS = c.ParkedEveryS;
            }

            return true;
        }

        private bool Fail(string field, string reason)
        {
            _field = field;
            _reason = reason;
            return false;
        }

        private static float ColdestAir(RoutePlan p)
        {
            float min = float.MaxValue;
            float[] air = p.Segments.AmbientTempC;
            for (int i = 0; i < p.SegmentCount; i++)
            {
                if (air[i] < min)
                {
                    min = air[i];
                }
            }

            return p.SegmentCount > 0 ? min : RouteCommand.DefaultAmbientC;
        }
    }

    /// <summary>A cmd/route was applied: its payload as received (the first <paramref name="length"/> bytes) and its id.</summary>
    public delegate void RouteAppliedHandler(byte[] payload, int length, string requestId);
}
