using System;
using RangeGuard.Agents;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Forecast;
using RangeGuard.Host.Can;
using RangeGuard.Host.Dashboard;
using RangeGuard.Host.Preconditioning;
using RangeGuard.Host.Profiles;
using RangeGuard.Messaging;
using RangeGuard.Ports;
using RangeGuard.Preconditioning;
using RangeGuard.Runtime;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.State;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Board
{
    /// <summary>
    /// The virtual board: the real portable agent (RangeGuard.Agents.Agent with the EnergyForecaster) behind the reference
    /// vehicle's signal map and real SLCAN. Per 1 Hz step: truth → <see cref="TruthCanEncoder"/> → SLCAN lines →
    /// <see cref="VirtualSlcanAdapter"/> → in-process <see cref="PipeByteLink"/> → <see cref="SlcanBridge.Poll"/> →
    /// <see cref="SignalDispatcher"/> → <see cref="VehicleState"/> → <see cref="Agent.Tick"/>; then the agent's ports
    /// (recording dashboard, heater relay) and forecast are mapped into <see cref="BoardView"/>; its messages go through the
    /// real outbox to a recorder or a broker (AgentBoard.Mqtt.cs).
    /// With an external link (<c>--can tcp://…</c> / <c>serial:…</c>) the agent reads that link instead of the pipe; the
    /// truth model still runs (it drives the plan's position at re-plans, the departure times and the display) but its
    /// frames are not sent anywhere.
    /// </summary>
    public sealed partial class AgentBoard : IVirtualBoard, IBoardSummary, IDisposable
    {
        /// <summary>Lawicel S6 = 500 kbit/s, the reference vehicle's bus.</summary>
        public const int BitrateCode = 6;

        /// <summary>When a charge session starts the plan's origin is put this far before the charger (see README: "charge here").</summary>
        public const double ChargerApproachM = 10;

        private readonly AgentBoardOptions _o;
        private readonly RoutePlan _plan = new();
        private readonly int[] _chargerMap = new int[RoutePlan.MaxChargers];
        private BoardContext? _ctx;
        private IByteLink? _agentLink;
        private IHostByteLink? _external;
        private VirtualSlcanAdapter? _adapter;
        private CarPhase _lastPhase = CarPhase.Done;
        private bool _planned;
        private double _planOriginM;
        private long _departureMs = -1;

        public AgentBoard(AgentBoardOptions? options = null)
        {
            _o = options ?? new AgentBoardOptions();
        }

        public string Name => _external == null ? "agent" : $"agent on {_external.Description}";

        public bool HasAgent => true;

        public BoardView View { get; } = new();

        // The parts, for tests, the live view and the report (valid after Start).
        public Agent Agent { get; private set; } = null!;
        public AgentLoop Loop { get; private set; } = null!;
        public EnergyForecaster Forecaster { get; private set; } = null!;
        public VehicleParams ForecasterVehicle { get; private set; } = null!;
        public VehicleState State { get; private set; } = null!;
        public SignalDispatcher Dispatcher { get; private set; } = null!;
        public SlcanBridge Bridge { get; private set; } = null!;
        public TruthCanEncoder Encoder { get; private set; } = null!;
        public SimClock Clock { get; private set; } = null!;
        public RecordingDashboard Dashboard { get; private set; } = null!;
        public RecordingHeaterRelay Heater { get; private set; } = null!;
        public RecordingLog Log { get; private set; } = null!;

        /// <summary>Plans accepted by the agent; the last rejection's reason (null if none).</summary>
        public int PlansSet { get; private set; }
        public string? LastPlanError { get; private set; }

        /// <summary>Route distance (m) where the plan in force starts (the agent's position 0).</summary>
        public double PlanOriginM => _planOriginM;

        /// <summary>Forecaster preset id used for the scenario's vehicle, and why if it is not the same id.</summary>
        public string PresetId { get; private set; } = string.Empty;

        public void Start(BoardContext context)
        {
            _ctx = context;
            var s = context.Scenario;
            PresetId = ForecasterPresets.For(s.Vehicle.Id, out string? note);
            View.Status = note;
            ForecasterVehicle = VehicleParams.Preset(PresetId);
            Forecaster = new EnergyForecaster(ForecasterVehicle);
            Clock = new SimClock(s.Start.ToUnixTimeMilliseconds());
            State = new VehicleState();
            SignalMap map = ProfileCatalog.Load(_o.Profile);
            Dispatcher = new SignalDispatcher(map, State);
            Encoder = new TruthCanEncoder(map, TruthCanEncoder.CycleTimes(ProfileCatalog.ReferenceDbcText()));
            if (_o.CanAddress == null)
            {
                var (agentEnd, bridgeEnd) = PipeByteLink.CreatePair(0);
                _agentLink = agentEnd;
                _adapter = new VirtualSlcanAdapter(bridgeEnd, Encoder);
            }
            else
            {
                _external = ByteLinkFactory.Open(_o.CanAddress, _o.ReadTimeoutMs);
                _agentLink = _external;
            }

            Bridge = new SlcanBridge(_agentLink);
            Bridge.Open(BitrateCode, listenOnly: true, timestamps: false);
            Dashboard = new RecordingDashboard(Clock);
            Heater = new RecordingHeaterRelay(Clock);
            Log = new RecordingLog(Clock);
            VehicleId = _o.Mqtt?.VehicleId ?? DefaultVehicleId(s.Name);
            var cfg = new AgentConfig { VehicleId = VehicleId, Thermal = PackThermalParams.From(ForecasterVehicle) };
            cfg.Alerts.UtcOffsetMinutes = (int)s.Start.Offset.TotalMinutes;
            Agent = new Agent(cfg, Clock, State, Forecaster, Dashboard, Heater, Log);
            Loop = new AgentLoop(Bridge, Dispatcher, Agent, StartMessaging(), Clock, 1000);
        }

        public void Step(in TruthSnapshot truth)
        {
            long now = truth.TimeUnixMs;
            Clock.UtcMilliseconds = now;
            _adapter?.Step(in truth);
            Loop.Pump();
            Loop.PollMessaging(); // the fleet's commands before the tick
            Replan(in truth);
            Departure(in truth);
            Loop.Tick();
            _lastPhase = truth.Phase;
            MapView(in truth);
            Pace(in truth);
        }

        /// <summary>One line for the summary and the report: the CAN path's counters, plans and the agent's health.</summary>
        public string Summary => Agent == null ? "not started" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Dispatcher.Counters.FramesReceived:N0} CAN frames via SLCAN ({(_adapter != null ? Encoder.FramesPerStep + " per simulated second, in-process pipe" : "external bridge")}), " +
            $"{Dispatcher.Counters.DecodeErrors + Dispatcher.Counters.UnknownIdFrames + Dispatcher.Counters.OutOfRangeValues} decode errors, {Bridge.Receiver.Counters.ParseErrors} SLCAN parse errors; " +
            $"forecaster preset {PresetId}; {PlansSet} plans; {Agent.Counters.Ticks:N0} agent ticks, {Agent.Counters.Exceptions} exceptions; ") +
            MessagingSummary();

        public void Dispose()
        {
            StopMessaging();
            _external?.Dispose();
        }

        /// <summary>
        /// Re-plans like a navigation system that knows where the car is: at the first step, when a drive leg starts (from the
        /// car's route position) and when a charge session starts (from <see cref="ChargerApproachM"/> before that charger,
        /// so the charger the car stands at is still "ahead" and the forecaster can advise charging there).
        /// The plan always runs to the scenario's destination; in between, the agent integrates its position from CAN speed.
        /// </summary>
        private void Replan(in TruthSnapshot t)
        {
            bool legStart = t.Phase == CarPhase.Driving && _lastPhase != CarPhase.Driving;
            bool chargeStart = t.Phase == CarPhase.Charging && _lastPhase != CarPhase.Charging;
            if (_planned && !legStart && !chargeStart)
            {
                return;
            }

            var s = _ctx!.Scenario;
            double origin = t.PositionM;
            if (chargeStart && t.ChargerIndex >= 0)
            {
                origin = Math.Max(0, s.Chargers[t.ChargerIndex].PositionM - ChargerApproachM);
            }

            NextChargeStop(t.StepIndex, chargeStart, out double endM, out string endName);
            if (!RoutePlanBuilder.Fill(s, _plan, origin, t.ElapsedS, _chargerMap, endM, endName))
            {
                LastPlanError = $"no plan from km {origin / 1000:0.0} (nothing left or too many segments)";
                _planned = true;
                return;
            }

            if (Agent.TrySetPlan(_plan, out string error))
            {
                PlansSet++;
                _planOriginM = origin;
            }
            else
            {
                LastPlanError = error;
            }

            _planned = true;
        }

        /// <summary>
        /// The navigation destination: the next charging stop of the itinerary after the current step (the driver's planned
        /// stop, as a trip planner would route it), or the scenario's destination when no charge stop is left.
        /// </summary>
        private void NextChargeStop(int stepIndex, bool atCharge, out double endM, out string endName)
        {
            var s = _ctx!.Scenario;
            for (int i = Math.Max(0, stepIndex) + (atCharge ? 1 : 0); i < s.Itinerary.Count; i++)
            {
                if (s.Itinerary[i].Kind == StepKind.Charge)
                {
                    ChargerSpec c = s.Chargers[s.Itinerary[i].ChargerIndex];
                    endM = c.PositionM;
                    endName = c.Name;
                    return;
                }
            }

            endM = s.Route.LengthM;
            endName = s.DestinationName;
        }

        /// <summary>
        /// Parked or charging with a known end (the itinerary's next departure): the navigation system tells the agent the
        /// departure time and the forecast minimum ambient until then (the agent derives the cold-soak outlook itself).
        /// </summary>
        private void Departure(in TruthSnapshot t)
        {
            bool waiting = t.Phase is CarPhase.Parked or CarPhase.Charging && t.NextDepartureUnixMs > t.TimeUnixMs;
            if (!waiting)
            {
                if (_departureMs >= 0)
                {
                    Agent.SetDeparture(-1, 0f);
                    _departureMs = -1;
                }

                return;
            }

            if (t.NextDepartureUnixMs != _departureMs)
            {
                _departureMs = t.NextDepartureUnixMs;
                Agent.SetDeparture(_departureMs, MinForecastAmbient(in t));
            }
        }

        /// <summary>Lowest forecast ambient from now to the departure at the car's place, sampled every 15 minutes.</summary>
        private float MinForecastAmbient(in TruthSnapshot t)
        {
            double min = double.MaxValue;
            double untilS = (t.NextDepartureUnixMs - t.TimeUnixMs) / 1000.0;
            for (double dt = 0; dt <= untilS + 1; dt += 900)
            {
                double e = t.ElapsedS + Math.Min(dt, untilS);
                double hour = (t.LocalHour + Math.Min(dt, untilS) / 3600) % 24;
                min = Math.Min(min, _ctx!.ForecastTempC(e, hour, t.PositionM, t.ElevationM));
            }

            return (float)min;
        }
    }
}
