using System.Collections.Generic;
using RangeGuard.Ports;

namespace RangeGuard.Host.Messaging;

/// <summary>One message handed to the link.</summary>
public readonly record struct PublishedMessage(long TimeMs, string Topic, string Payload, int Qos, bool Retained);

/// <summary>Count, bytes and the largest payload of one topic (after the vehicle prefix).</summary>
public sealed class TopicTally
{
    public int Messages { get; internal set; }
    public long Bytes { get; internal set; }
    public int MaxBytes { get; internal set; }
}

/// <summary>
/// Records what the core loop publishes, per topic (counts, bytes, largest) and optionally every message, in front of a
/// real link, or on its own as a broker that is always there and acknowledges at once (the simulator without
/// <c>--broker</c>, tests). Single-threaded like the loop.
/// </summary>
public sealed class RecordingLink : IMqttLink
{
    private readonly IMqttLink? _inner;
    private readonly IClock _clock;
    private readonly Queue<int> _acks = new();
    private readonly List<PublishedMessage> _messages = new();
    private readonly Dictionary<string, TopicTally> _tallies = new();
    private readonly Dictionary<string, TopicTally> _byTopic = new();
    private readonly string _root;
    private int _nextToken;

    /// <param name="inner">The real link, or null to acknowledge everything at once.</param>
    /// <param name="root">Topic root stripped for the tallies ("rangeguard/v1/car/").</param>
    /// <param name="keepMessages">Keep every message (tests, short runs); otherwise only the tallies.</param>
    public RecordingLink(IMqttLink? inner, IClock clock, string root, bool keepMessages)
    {
        _inner = inner;
        _clock = clock;
        _root = root;
        KeepMessages = keepMessages;
    }

    public bool KeepMessages { get; }

    public IReadOnlyList<PublishedMessage> Messages => _messages;

    /// <summary>Per topic after the root ("telemetry", "alerts", "cmd/route/result").</summary>
    public IReadOnlyDictionary<string, TopicTally> Tallies => _tallies;

    public int Published { get; private set; }

    public bool IsConnected => _inner?.IsConnected ?? true;

    public int ConnectionId => _inner?.ConnectionId ?? 1;

    public bool TryPublish(string topic, string payload, int qos, bool retain, out int token)
    {
        if (_inner != null)
        {
            if (!_inner.TryPublish(topic, payload, qos, retain, out token))
            {
                return false;
            }
        }
        else
        {
            token = qos > 0 ? ++_nextToken : 0;
            if (token != 0)
            {
                _acks.Enqueue(token);
            }
        }

        Published++;
        // Keyed by the full topic (the publisher's topic strings are built once, so this allocates nothing per message).
        if (!_byTopic.TryGetValue(topic, out TopicTally? t))
        {
            string key = topic.StartsWith(_root, System.StringComparison.Ordinal) ? topic[_root.Length..] : topic;
            if (!_tallies.TryGetValue(key, out t))
            {
                _tallies[key] = t = new TopicTally();
            }

            _byTopic[topic] = t;
        }

        int bytes = System.Text.Encoding.UTF8.GetByteCount(payload);
        t.Messages++;
        t.Bytes += bytes;
        t.MaxBytes = System.Math.Max(t.MaxBytes, bytes);
        if (KeepMessages)
        {
            _messages.Add(new PublishedMessage(_clock.UtcMilliseconds, topic, payload, qos, retain));
        }

        return true;
    }

    public bool TryTakeDelivered(out int token)
    {
        if (_inner != null)
        {
            return _inner.TryTakeDelivered(out token);
        }

        return _acks.TryDequeue(out token);
    }

    public bool TryReceive(out string topic, out byte[] payload)
    {
        if (_inner != null)
        {
            return _inner.TryReceive(out topic, out payload);
        }

        topic = null!;
        payload = null!;
        return false;
    }

    /// <summary>Messages whose topic ends with <paramref name="suffix"/> ("/alerts", "/telemetry").</summary>
    public IEnumerable<PublishedMessage> OnTopic(string suffix)
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
