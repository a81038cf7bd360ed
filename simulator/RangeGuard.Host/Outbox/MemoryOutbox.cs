using System.Collections.Generic;
using RangeGuard.Ports;

namespace RangeGuard.Host.Outbox;

/// <summary>One message handed to the outbox.</summary>
public readonly record struct OutboxMessage(long TimeMs, string Topic, string Payload);

/// <summary>
/// In-memory outbox for the simulator and tests: records every message (for the JSON report and the MQTT seam later).
/// With a capacity it refuses messages once full, like a device outbox whose buffer is exhausted.
/// </summary>
public sealed class MemoryOutbox : IOutbox
{
    private readonly IClock _clock;
    private readonly int _capacity;
    private readonly List<OutboxMessage> _messages = new();

    public MemoryOutbox(IClock clock, int capacity = int.MaxValue)
    {
        _clock = clock;
        _capacity = capacity;
    }

    public IReadOnlyList<OutboxMessage> Messages => _messages;

    public int Refused { get; private set; }

    public bool Post(string topic, string payload)
    {
        if (_messages.Count >= _capacity)
        {
            Refused++;
            return false;
        }

        _messages.Add(new OutboxMessage(_clock.UtcMilliseconds, topic, payload));
        return true;
    }

    /// <summary>Messages whose topic ends with <paramref name="suffix"/> ("/alert", "/telemetry").</summary>
    public IEnumerable<OutboxMessage> OnTopic(string suffix)
    {
        foreach (var m in _messages)
        {
            if (m.Topic.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                yield return m;
            }
        }
    }
}
