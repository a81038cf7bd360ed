namespace RangeGuard.Ports
{
    /// <summary>
    /// Where the agent hands telemetry and alert messages for the fleet service (MQTT on the device and in the simulator).
    /// Posting never blocks the tick; the outbox owns buffering, retry and what happens when it is full.
    /// </summary>
    public interface IOutbox
    {
        /// <summary>Queues one message. Returns false if it could not be queued (the caller counts it; nothing throws).</summary>
        bool Post(string topic, string payload);
    }
}
