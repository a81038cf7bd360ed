using System;
using System.Threading;
using RangeGuard.Host.Messaging;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;

namespace RangeGuard.Simulator.Fleet
{
    /// <summary>
    /// One virtual vehicle of a fleet run: the <see cref="AgentBoard"/> with everything a car has — the full agent and its
    /// CAN path (truth → SLCAN → decoder → <see cref="RangeGuard.Runtime.AgentLoop"/>), the core's contract publisher, the
    /// device-sized store-and-forward outbox with its durable alert store, its own MQTT connection (the vehicle's account,
    /// last will, commands obeyed). The scenario runner steps it as fast as it can up to <see cref="StartOffsetS"/>; there
    /// it waits for the fleet, then keeps pace with the <see cref="FleetClock"/>, serving its link while it waits.
    /// </summary>
    public sealed class FleetVehicle : IVirtualBoard, IDisposable
    {
        /// <summary>Thrown out of <see cref="Step"/> to end the scenario run when the fleet run is over.</summary>
        public sealed class RunOver : Exception
        {
        }

        private readonly AgentBoard _board;
        private readonly FleetClock _clock;
        private readonly CancellationToken _ct;
        private readonly Action<string, int, long>? _onAlert;
        private bool _live;

        public FleetVehicle(string id, double startOffsetS, FleetClock clock, BrokerAddress broker, string stateFolder, Action<string, int, long>? onAlert, CancellationToken ct)
        {
            Id = id;
            StartOffsetS = startOffsetS;
            _clock = clock;
            _onAlert = onAlert;
            _ct = ct;
            // Speed 0: the board does not pace itself; the fleet clock does (after the fast-forward).
            _board = new AgentBoard(new AgentBoardOptions
            {
                Mqtt = new BoardMqttOptions { Broker = broker, VehicleId = id, StateFolder = stateFolder, FlushTimeoutMs = 5000 },
            });
        }

        public string Id { get; }

        public double StartOffsetS { get; }

        public string Name => "fleet " + Id;

        public bool HasAgent => true;

        public BoardView View => _board.View;

        /// <summary>Alerts published since the vehicle went live.</summary>
        public int AlertsPosted { get; private set; }

        public int Dropped => _board.Outbox?.Dropped ?? 0;

        /// <summary>Dropped by the outbox while fast-forwarding (telemetry thinned at hundreds of times the contract's rate).</summary>
        public int DroppedBeforeLive { get; private set; }

        /// <summary>Dropped by the outbox in the live window: what the "sustained" verdict looks at.</summary>
        public int DroppedLive => Arrived ? Dropped - DroppedBeforeLive : 0;

        /// <summary>How long a vehicle at its start point may take to send what the fast-forward queued.</summary>
        public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

        public bool Connected => _board.Broker?.IsConnected ?? false;

        /// <summary>Reached its start point (and told the fleet clock).</summary>
        public bool Arrived { get; private set; }

        public void Start(BoardContext context) => _board.Start(context);

        public void Step(in TruthSnapshot truth)
        {
            int nextSeq = _board.Outbox.NextAlertSeq;
            _board.Step(in truth);
            if (!_live)
            {
                if (truth.ElapsedS < StartOffsetS)
                {
                    return;
                }

                // Connected and drained before the fleet goes live, so what is measured is the steady state: what the
                // fast-forward queued (hours of a trip in seconds, far above the contract's cadence) is sent now, not in
                // the live window's first seconds, and its drops are not counted as the live run's.
                _board.Broker?.WaitConnectedAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
                var drain = System.Diagnostics.Stopwatch.StartNew();
                while (_board.Outbox.Count > 0 && drain.Elapsed < DrainLimit && !_ct.IsCancellationRequested)
                {
                    _board.Loop.PollMessaging();
                    _ct.WaitHandle.WaitOne(20);
                }

                DroppedBeforeLive = Dropped;
                Arrived = true;
                _clock.ArriveAndWait(_ct);
                _live = true;
                return;
            }

            // The seqs the publisher gave this tick's alert transitions: decided now (wall clock), for the latency.
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            for (int seq = nextSeq; seq < _board.Outbox.NextAlertSeq; seq++)
            {
                AlertsPosted++;
                _onAlert?.Invoke(Id, seq, now);
            }

            if (!_clock.Pace(truth.ElapsedS - StartOffsetS, _board.Loop.PollMessaging, _ct))
            {
                throw new RunOver();
            }
        }

        /// <summary>Drains the outbox (bounded), says "offline" and disconnects cleanly.</summary>
        public void Dispose() => _board.Dispose();
    }
}
