using RangeGuard.Agents;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Messaging.Publishing;
using RangeGuard.Ports;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// The core loop's MQTT side: the publisher (messages into the outbox), the command handler (commands from the link,
    /// applied and answered) and the outbox pump (messages to the link while connected, PUBACKs back, everything
    /// unacknowledged again after a reconnect). Nothing here waits for the network: every call returns at once.
    /// </summary>
    public sealed class AgentMessaging
    {
        /// <summary>Commands taken from the link per loop pass at most (the rest wait for the next pass).</summary>
        public const int CommandsPerPass = 4;

        /// <summary>Send windows per pass at most.</summary>
        public const int PumpRounds = 4;

        private readonly MqttTopics _topics;
        private readonly MessageOutbox _outbox;
        private readonly IMqttLink _link;
        private readonly IDeviceInfo _device;
        private readonly int _segmentCapacity;
        private readonly int _chargerCapacity;
        private AgentPublisher _publisher;
        private CommandHandler _commands;
        private IClock _clock;
        private int _connectionSeen = -1;

        /// <param name="link">The MQTT client (null: messages stay in the outbox, e.g. a board without network).</param>
        /// <param name="segmentCapacity">Route segments a cmd/route may have (the car's forecaster capacity).</param>
        public AgentMessaging(MqttTopics topics, MessageOutbox outbox, IMqttLink link, IDeviceInfo device, int segmentCapacity)
            : this(topics, outbox, link, device, segmentCapacity, RangeGuard.Forecast.RoutePlan.MaxChargers)
        {
        }

        /// <param name="chargerCapacity">Chargers a cmd/route may have (the device setting route_chargers).</param>
        public AgentMessaging(MqttTopics topics, MessageOutbox outbox, IMqttLink link, IDeviceInfo device, int segmentCapacity, int chargerCapacity)
        {
            _chargerCapacity = chargerCapacity;
            _topics = topics;
            _outbox = outbox;
            _link = link;
            _device = device;
            _segmentCapacity = segmentCapacity;
        }

        public MqttTopics Topics
        {
            get { return _topics; }
        }

        public MessageOutbox Outbox
        {
            get { return _outbox; }
        }

        public IMqttLink Link
        {
            get { return _link; }
        }

        /// <summary>Valid once the loop owns this (the loop's constructor binds it).</summary>
        public AgentPublisher Publisher
        {
            get { return _publisher; }
        }

        public CommandHandler Commands
        {
            get { return _commands; }
        }

        /// <summary>Connections seen (the status went out at each).</summary>
        public int Connections { get; private set; }

        internal void Bind(AgentLoop loop, IClock clock)
        {
            _clock = clock;
            _publisher = new AgentPublisher(loop.Agent, _topics, _outbox, _device, _segmentCapacity);
            _commands = new CommandHandler(loop, _publisher, clock, _device, _segmentCapacity, _chargerCapacity);
            _publisher.ProfileName = loop.Dispatcher == null ? string.Empty : loop.Dispatcher.Map.ProfileName;
        }

        /// <summary>
        /// One pass: a new connection queues the status first; received commands are applied and answered; then the outbox
        /// hands what it can to the link. Never blocks.
        /// </summary>
        public void Poll()
        {
            if (_link == null)
            {
                return;
            }

            if (_link.IsConnected && _link.ConnectionId != _connectionSeen)
            {
                _connectionSeen = _link.ConnectionId;
                Connections++;
                _publisher.OnConnected(_clock.UtcMilliseconds);
            }

            // A route being prepared holds the others back (they wait in the client), so commands apply in order.
            _commands.Continue();
            string topic;
            byte[] payload;
            for (int i = 0; i < CommandsPerPass && !_commands.Waiting && _link.TryReceive(out topic, out payload); i++)
            {
                _commands.Handle(topic, payload);
            }

            // A link that acknowledges at once (a test broker, the simulator's recorder) lets a few rounds go in one pass.
            for (int round = 0; round < PumpRounds && _outbox.Pump(_link, MqttContract.SendWindow) > 0; round++)
            {
            }
        }

        internal void AfterTick(long nowMs)
        {
            _publisher.AfterTick(nowMs);
            Poll();
        }
    }
}
