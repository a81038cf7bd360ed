using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;

namespace RangeGuard.Simulator.Board
{
    /// <summary>How the virtual board is built.</summary>
    public sealed class AgentBoardOptions
    {
        /// <summary>Signal map (built-in profile name or .map path) the car encodes with and the agent decodes with.</summary>
        public string Profile { get; init; } = "rangeguard-ref";

        /// <summary>Null: the in-process pipe fed from the truth model. Otherwise a real bridge: <c>tcp://host:port</c> or <c>serial:/dev/ttyUSB0</c>.</summary>
        public string? CanAddress { get; init; }

        /// <summary>Read timeout of an external link per read, ms (the pipe never waits).</summary>
        public int ReadTimeoutMs { get; init; } = 5;

        /// <summary>The MQTT side of the board; null: the outbox publishes to an in-process recorder that acknowledges at once.</summary>
        public BoardMqttOptions? Mqtt { get; init; }

        /// <summary>Outbox capacity in messages and payload characters: the device's (hardware-docs/mqtt-contract.md).</summary>
        public int OutboxCapacity { get; init; } = MqttContract.DeviceOutboxMessages;
        public int OutboxChars { get; init; } = MqttContract.DeviceOutboxChars;

        /// <summary>Keep every published message in <see cref="AgentBoard.Published"/> (tests; the summary needs only counts).</summary>
        public bool KeepMessages { get; init; }

        /// <summary>Simulated seconds per wall second; 0 = as fast as possible.</summary>
        public double Speed { get; init; }
    }

    /// <summary>Where the board's agent publishes: a broker, the vehicle id, and the folder its unsent alerts survive in.</summary>
    public sealed class BoardMqttOptions
    {
        public required BrokerAddress Broker { get; init; }

        /// <summary>Vehicle id (topics, client id, broker user name by default); null: "sim-" + the scenario name.</summary>
        public string? VehicleId { get; init; }

        /// <summary>Folder of the durable alert store (seq and unsent alerts survive a restart of the process).</summary>
        public required string StateFolder { get; init; }

        /// <summary>How long the end of a run waits for the outbox to drain before disconnecting, ms.</summary>
        public int FlushTimeoutMs { get; init; } = 10000;
    }
}
