namespace RangeGuard.Host.Messaging;

/// <summary>How the host connects to a broker (hardware-docs/mqtt-contract.md, "Session").</summary>
public sealed record MqttLinkOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>Client id; the contract uses the vehicle id (persistent session per car).</summary>
    public required string ClientId { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool Tls { get; init; }

    /// <summary>PEM or DER file of the CA that signed the broker's certificate (null: the system's trust store).</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>Optional client certificate (PEM) and its key (PEM).</summary>
    public string? ClientCertificatePath { get; init; }

    public string? ClientKeyPath { get; init; }

    /// <summary>Retained last will (QoS 1) the broker publishes when the client vanishes.</summary>
    public string? WillTopic { get; init; }

    public string? WillPayload { get; init; }

    /// <summary>Topic filters subscribed (QoS 1) on every connect.</summary>
    public string[] Subscriptions { get; init; } = System.Array.Empty<string>();

    public bool CleanSession { get; init; }

    /// <summary>MQTT 5 session expiry, s (how long the broker keeps a persistent session): 7 days as in the shipped broker config.</summary>
    public uint SessionExpirySeconds { get; init; } = 7 * 24 * 3600;

    public int KeepAliveSeconds { get; init; } = 60;

    /// <summary>
    /// Publishes handed to the client and not yet completed, at most (TryPublish says no beyond): the contract's send window,
    /// as on the device. A QoS 0 publish is complete once written to the socket, so this does not bound the QoS 0 telemetry
    /// a broken connection loses: that is what is written before the client notices the break (the contract allows it).
    /// </summary>
    public int MaxPending { get; init; } = RangeGuard.Messaging.MqttContract.SendWindow;

    /// <summary>Received messages held until the loop polls them; more are dropped (and counted).</summary>
    public int MaxReceived { get; init; } = 16;
}
