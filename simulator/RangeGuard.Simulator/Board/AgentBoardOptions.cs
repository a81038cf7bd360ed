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

        /// <summary>Agent telemetry every this many ticks (to the in-memory outbox).</summary>
        public int TelemetryEveryTicks { get; init; } = 60;

        /// <summary>Outbox capacity (messages); beyond it the agent counts drops like a device with a full buffer.</summary>
        public int OutboxCapacity { get; init; } = 20_000;
    }
}
