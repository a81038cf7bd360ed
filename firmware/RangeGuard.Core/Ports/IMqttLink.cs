namespace RangeGuard.Ports
{
    /// <summary>
    /// The MQTT client as the core loop sees it. Nothing here blocks: connecting and reconnecting happen behind it (a thread
    /// on the device, the client library's tasks on the host); publishing only hands a message over; acknowledgements and
    /// received messages are queued by the adapter and polled by the loop.
    /// </summary>
    public interface IMqttLink
    {
        bool IsConnected { get; }

        /// <summary>Goes up by one on every new connection (the outbox then re-sends what was not acknowledged).</summary>
        int ConnectionId { get; }

        /// <summary>
        /// Hands one message to the client. False when not connected or its queue is full (try again later). For QoS 1,
        /// <paramref name="token"/> comes back through <see cref="TryTakeDelivered"/> once the broker acknowledged it.
        /// </summary>
        bool TryPublish(string topic, string payload, int qos, bool retain, out int token);

        /// <summary>The token of a QoS 1 message the broker acknowledged since the last call, if any.</summary>
        bool TryTakeDelivered(out int token);

        /// <summary>A message received on a subscribed topic (commands), if any.</summary>
        bool TryReceive(out string topic, out byte[] payload);
    }
}
