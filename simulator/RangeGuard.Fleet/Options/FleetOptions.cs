namespace RangeGuard.Fleet.Options;

/// <summary>
/// Everything the service reads from configuration (section "Fleet": appsettings.json, environment variables
/// <c>Fleet__Broker__Url</c>, or command-line <c>--Fleet:Broker:Url=…</c>). Defaults start a complete service on one machine:
/// SQLite file, embedded MQTT broker on loopback, web view on http://127.0.0.1:5080.
/// </summary>
public sealed class FleetOptions
{
    /// <summary>This instance's name; stable across restarts (its MQTT session is named after it). Unique per instance.</summary>
    public string InstanceId { get; set; } = "fleet-1";

    public BrokerOptions Broker { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();

    public NotifyOptions Notify { get; set; } = new();

    public WebOptions Web { get; set; } = new();

    /// <summary>Vehicles known to the fleet (more can be added with the API). Messages from others are kept and flagged.</summary>
    public List<VehicleEntry> Vehicles { get; set; } = new();
}

public sealed class BrokerOptions
{
    /// <summary>Start an MQTTnet broker inside the service (development default; no shared subscriptions, no ACL).</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>Port of the embedded broker (loopback only).</summary>
    public int EmbeddedPort { get; set; } = 1883;

    /// <summary>mqtt://host:port or mqtts://host:port of an external broker (ignored when <see cref="Embedded"/>).</summary>
    public string Url { get; set; } = "mqtt://127.0.0.1:1883";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>CA certificate (PEM) for mqtts; null uses the system's trust store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Topic prefix of contract v1.</summary>
    public string TopicPrefix { get; set; } = "rangeguard/v1/";

    /// <summary>Shared-subscription group: instances with the same group split the messages between them.</summary>
    public string ShareGroup { get; set; } = "rangeguard-fleet";

    /// <summary>How long the broker keeps this instance's session (and the messages queued for it) while it is away, s.</summary>
    public uint SessionExpirySeconds { get; set; } = 3600;

    /// <summary>QoS 1 messages the broker may have in flight to us before it waits for our acknowledgements.</summary>
    public ushort ReceiveMaximum { get; set; } = 1000;

    /// <summary>Take over the MQTT session of a peer instance whose heartbeat is older than this, ms (0: never).</summary>
    public int TakeoverAfterMs { get; set; } = 5000;

    public int HeartbeatMs { get; set; } = 1000;
}

public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite: <c>Data Source=fleet.db</c>; PostgreSQL: an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=rangeguard-fleet.db";

    /// <summary>SQLite: how long a write waits for another writer's lock before it fails (and is retried), ms.</summary>
    public int BusyTimeoutMs { get; set; } = 10_000;

    /// <summary>Messages written per transaction at most.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Retry wait after a failed write: starts here, doubles, capped at <see cref="RetryMaxMs"/>.</summary>
    public int RetryMinMs { get; set; } = 200;

    public int RetryMaxMs { get; set; } = 5000;

    /// <summary>Received messages held in memory while the database is away; beyond it the broker is made to wait.</summary>
    public int MaxPending { get; set; } = 50_000;
}

public sealed class NotifyOptions
{
    /// <summary>Alert codes that notify (on raise and on worse).</summary>
    public List<string> Codes { get; set; } = new() { "RG-STRANDED", "RG-PONR", "RG-COLD-SOAK" };

    /// <summary>The service crew's addresses (every notification); the driver's comes from the vehicle entry.</summary>
    public List<string> CrewEmails { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Retries: first wait, cap and the number of attempts before a notification is given up (status failed).</summary>
    public int RetryMinMs { get; set; } = 1000;

    public int RetryMaxMs { get; set; } = 60_000;

    public int MaxAttempts { get; set; } = 30;

    /// <summary>How often the dispatcher looks for due notifications, ms.</summary>
    public int PollMs { get; set; } = 200;

    /// <summary>A claimed notification is not taken by another instance for this long, ms.</summary>
    public int ClaimMs { get; set; } = 120_000;
}

public sealed class SmtpOptions
{
    /// <summary>Null or empty: no e-mail.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>none</c>, <c>starttls</c> or <c>tls</c>.</summary>
    public string Security { get; set; } = "none";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "RangeGuard Fleet <rangeguard@localhost>";

    public int TimeoutMs { get; set; } = 10_000;
}

public sealed class WebhookOptions
{
    /// <summary>Null or empty: no webhook.</summary>
    public string? Url { get; set; }

    /// <summary>HMAC-SHA256 key of the signature header.</summary>
    public string Secret { get; set; } = string.Empty;

    public int TimeoutMs { get; set; } = 10_000;
}

public sealed class WebOptions
{
    /// <summary>Where the page and the API listen.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The first operator account, created at start when no operator exists. With no password configured a random one is
    /// generated and written once to the log.
    /// </summary>
    public string AdminUser { get; set; } = "admin";

    public string? AdminPassword { get; set; }

    /// <summary>API tokens accepted at start (stored hashed); more can be created by an operator.</summary>
    public List<string> ApiTokens { get; set; } = new();

    /// <summary>Live view refresh: the server-sent-event stream looks for changes this often, ms.</summary>
    public int LivePollMs { get; set; } = 1000;

    /// <summary>Where the keys protecting the login cookie are kept (share it between instances behind one address); null: per user profile.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>Cookies only over HTTPS (set true behind TLS).</summary>
    public bool SecureCookies { get; set; }
}

public sealed class VehicleEntry
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? DriverEmail { get; set; }
}
