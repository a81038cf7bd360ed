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

        public CommandHandler(AgentLoop loop, AgentPublisher publisher, IClock clock, IDeviceInfo device, int segmentCapacity)
        {
            _loop = loop;
            _publisher = publisher;
            _clock = clock;
            _device = device;
            _parser = new CommandParser(segmentCapacity);
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

        /// <summary>The latest cmd/route that was applied (raw payload and length), for the device to keep across reboots.</summary>
        public int RouteVersion { get; private set; }

        /// <summary>Called after a route was applied, with the payload as received (the device stores it).</summary>
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
                return false;
            }

            requestId = _parser.RequestId;
            _restoring = true;
            try
            {
                return Apply(_parser.Kind, payload, length);
            }
            finally
            {
                _restoring = false;
            }
        }

        /// <summary>Handles one received message; ignores topics that are not this car's commands. Returns the result text.</summary>
        public string Handle(string topic, byte[] payload)
        {
            string name = _publisher.Topics.CommandName(topic);
            if (name == null)
            {
                return null;
            }

            long now = _clock.UtcMilliseconds;
            Agent agent = _loop.Agent;
            int length = payload == null ? 0 : payload.Length;
            bool ok = _parser.Parse(name, payload, length, agent.Readings.AmbientFresh ? agent.Readings.AmbientC : float.NaN, agent.Config.Alerts);
            string known = _recent.Find(name, _parser.RequestId);
            if (known != null)
            {
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

            if (ok)
            {
                Applied++;
            }
            else
            {
                Refused++;
            }

            string result = CommandResult.Write(_publisher.Json, _parser.RequestId, ok, now, _field, _reason,
                _parser.Kind == CommandParser.Ping ? _device.UptimeMs / 1000 : -1);
            _recent.Remember(name, _parser.RequestId, result);
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

        private bool ApplyRoute(Agent agent, byte[] payload, int length)
        {
            RouteCommand r = _parser.RouteStaging;
            string error;
            if (!agent.TrySetPlan(r.Plan, out error))
            {
                return Fail("segments", error);
            }

            // The departure travels with the route; the forecast minimum air until then is the coldest segment's.
            agent.SetDeparture(r.DepartureMs, ColdestAir(r.Plan));
            _publisher.SetPlanId(r.RequestId);
            RouteVersion++;
            if (RouteApplied != null && !_restoring)
            {
                RouteApplied(payload, length, r.RequestId);
            }

            return true;
        }

        private bool ApplyConfig(Agent agent)
        {
            ConfigCommand c = _parser.ConfigStaging;
            IRangeForecaster forecaster = null;
            SignalDispatcher dispatcher = null;
            PackThermalParams thermal = agent.Config.Thermal;
            try
            {
                if (c.Vehicle != null)
                {
                    EnergyForecaster f = new EnergyForecaster(c.Vehicle, SegmentCapacity);
                    string error;
                    if (agent.Trip.PlanSet && agent.Plan != null && !f.TrySetPlan(agent.Plan, out error))
                    {
                        return Fail("vehicle", "the plan in force does not fit the new vehicle: " + error);
                    }

                    EnergyForecaster old = agent.Forecaster as EnergyForecaster;
                    if (old != null && old.Vehicle.Id == c.Vehicle.Id)
                    {
                        LearnedState.Transfer(old, f); // the same car, corrected: keep what it learned
                    }

                    forecaster = f;
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

            // From here on nothing can fail: apply every group.
            if (forecaster != null)
            {
                string unused;
                agent.TryReplaceVehicle(forecaster, thermal, out unused);
            }

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
            for (int i = 0; i < p.SegmentCount; i++)
            {
                if (p.Segments[i].AmbientTempC < min)
                {
                    min = p.Segments[i].AmbientTempC;
                }
            }

            return p.SegmentCount > 0 ? min : RouteCommand.DefaultAmbientC;
        }
    }

    /// <summary>A cmd/route was applied: its payload as received (the first <paramref name="length"/> bytes) and its id.</summary>
    public delegate void RouteAppliedHandler(byte[] payload, int length, string requestId);
}
