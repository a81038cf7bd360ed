using System;
using System.Threading;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;

namespace RangeGuard.Simulator.Fleet
{
    /// <summary>
    /// One virtual vehicle of a fleet run: the full agent with its own CAN path (<see cref="AgentBoard"/>: truth → SLCAN →
    /// decoder → <see cref="RangeGuard.Runtime.AgentLoop"/>), its store-and-forward outbox and its own MQTT connection
    /// (<see cref="MqttNetLink"/>, the vehicle's account and last will). The scenario runner steps it; it fast-forwards
    /// silently to <see cref="StartOffsetS"/>, then publishes and keeps pace with the <see cref="FleetClock"/>.
    /// </summary>
    public sealed class FleetVehicle : IVirtualBoard
    {
        /// <summary>Thrown out of <see cref="Step"/> to end the scenario run when the fleet run is over.</summary>
        public sealed class RunOver : Exception
        {
        }

        private readonly AgentBoard _board = new(new AgentBoardOptions { TelemetryEveryTicks = 0 });
        private readonly FleetClock _clock;
        private readonly MqttLinkOptions _linkOptions;
        private readonly CancellationToken _ct;
        private readonly Action<string, int, long>? _onAlert;
        private MessageOutbox? _outbox;
        private MqttNetLink? _link;
        private ContractBridge? _bridge;

        public FleetVehicle(string id, double startOffsetS, FleetClock clock, MqttLinkOptions linkOptions, Action<string, int, long>? onAlert, CancellationToken ct)
        {
            Id = id;
            StartOffsetS = startOffsetS;
            _clock = clock;
            _linkOptions = linkOptions;
            _onAlert = onAlert;
            _ct = ct;
        }

        public string Id { get; }

        public double StartOffsetS { get; }

        public string Name => "fleet " + Id;

        public bool HasAgent => true;

        public BoardView View => _board.View;

        public int AlertsPosted => _bridge?.AlertsPosted ?? 0;

        public int Dropped => _outbox?.Dropped ?? 0;

        public bool Connected => _link?.IsConnected ?? false;

        /// <summary>Reached its start point (and told the fleet clock).</summary>
        public bool Arrived { get; private set; }

        public void Start(BoardContext context)
        {
            _board.Start(context);
            var topics = new MqttTopics(MqttTopics.DefaultPrefix, Id);
            // The device's outbox size (contract: 48 messages / 24 KiB).
            _outbox = new MessageOutbox(48, 24 * 1024, null, _board.Clock) { AlertTopic = topics.Alerts };
            _outbox.Open();
            _bridge = new ContractBridge(_board, _outbox, topics, _onAlert);
        }

        public void Step(in TruthSnapshot truth)
        {
            _board.Step(in truth);
            bool driving = truth.Phase == CarPhase.Driving;
            if (!_bridge!.Live)
            {
                if (truth.ElapsedS < StartOffsetS)
                {
                    return;
                }

                // Connected before the fleet goes live, so what is measured is the steady state, not connection set-up.
                var topics = new MqttTopics(MqttTopics.DefaultPrefix, Id);
                _link = new MqttNetLink(_linkOptions with { WillTopic = topics.Status, WillPayload = "{\"v\":1,\"state\":\"offline\"}" });
                _link.Start();
                _link.WaitConnectedAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
                Arrived = true;
                _clock.ArriveAndWait(_ct);
                _bridge.GoLive(truth.TimeUnixMs);
            }

            _bridge.AfterStep(truth.TimeUnixMs, driving);
            _outbox!.Pump(_link!, 16);
            if (!_clock.Pace(truth.ElapsedS - StartOffsetS, _ct))
            {
                throw new RunOver();
            }
        }

        /// <summary>Lets the outbox drain for up to <paramref name="ms"/>, then closes the connection cleanly.</summary>
        public void Finish(int ms)
        {
            if (_link == null)
            {
                return;
            }

            var until = DateTime.UtcNow.AddMilliseconds(ms);
            while (_outbox!.Count > 0 && DateTime.UtcNow < until)
            {
                _outbox.Pump(_link, 16);
                Thread.Sleep(20);
            }

            _link.CloseAsync().GetAwaiter().GetResult();
        }
    }
}
