using MQTTnet;
using RangeGuard.Fleet.Contract;

namespace RangeGuard.Fleet.Ingest;

/// <summary>One received message on its way to the database; acknowledged to the broker only after it is stored.</summary>
public sealed class Inbound
{
    public required string Topic { get; init; }

    public required byte[] Payload { get; init; }

    public required long ReceivedMs { get; init; }

    /// <summary>The broker's delivery (QoS 1: acknowledged after commit); null for QoS 0 and for tests.</summary>
    public MqttApplicationMessageReceivedEventArgs? Delivery { get; init; }

    public ValidatedMessage? Message { get; set; }

    public RejectReason Reject { get; set; }

    public string Detail { get; set; } = string.Empty;

    /// <summary>What storing it did (for the counters and the live view).</summary>
    public StoreOutcome Outcome { get; set; }

    /// <summary>For stored alerts: the new row's id.</summary>
    public long AlertId { get; set; }
}

public enum StoreOutcome
{
    Pending,
    Stored,
    Stale,
    Duplicate,
    Rejected,
    Coalesced,
}
