using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Protocol;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Ingest;

/// <summary>
/// One MQTT 5 client of the service: persistent session (clean start off, session expiry), reconnect with backoff, QoS 1
/// deliveries acknowledged only after the writer stored them. The instance's own connection subscribes (shared
/// subscriptions where the broker has them); an adopted connection resumes a silent peer's session as it is.
/// </summary>
public sealed class BrokerConnection : IAsyncDisposable
{
    public static readonly string[] Topics = { "status", "telemetry", "forecast", "alerts", "alerts/active", "cmd/+/result" };

    private readonly FleetOptions _o;
    private readonly IngestWriter _writer;
    private readonly FleetCounters _counters;
    private readonly ILogger _log;
    private readonly IMqttClient _client;
    private readonly bool _subscribe;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public BrokerConnection(string clientId, bool subscribe, FleetOptions o, IngestWriter writer, FleetCounters counters, ILogger log)
    {
        ClientId = clientId;
        _subscribe = subscribe;
        _o = o;
        _writer = writer;
        _counters = counters;
        _log = log;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += e =>
        {
            if (e.Reason == MqttClientDisconnectReason.SessionTakenOver)
            {
                SessionTakenOver = true;
            }

            if (e.ClientWasConnected)
            {
                _counters.Add("broker_disconnects");
                _log.LogWarning("MQTT {Client} disconnected: {Reason} {Text}", ClientId, e.Reason, e.Exception?.Message);
            }

            return Task.CompletedTask;
        };
    }

    public string ClientId { get; }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Another client connected with our client id (the owner of an adopted session came back).</summary>
    public bool SessionTakenOver { get; private set; }

    /// <summary>Whether the broker offered shared subscriptions at the last connect.</summary>
    public bool Shared { get; private set; }

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    public async Task PublishAsync(string topic, string payload, CancellationToken ct)
    {
        var m = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(false).Build();
        MqttClientPublishResult r = await _client.PublishAsync(m, ct);
        if (!r.IsSuccess)
        {
            throw new InvalidOperationException($"broker refused the publish on {topic}: {r.ReasonCode} {r.ReasonString}");
        }
    }

    public async Task<bool> WaitConnectedAsync(TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        while (!_client.IsConnected && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return _client.IsConnected;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop != null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_client.IsConnected)
        {
            try
            {
                // A normal disconnect keeps the session (and what the broker queues for it) for SessionExpirySeconds.
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
            catch (Exception)
            {
            }
        }

        _client.Dispose();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        bool qos1 = e.ApplicationMessage.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce;
        if (qos1)
        {
            e.AutoAcknowledge = false;
        }

        var m = new Inbound
        {
            Topic = e.ApplicationMessage.Topic,
            Payload = e.ApplicationMessage.Payload.ToArray(),
            ReceivedMs = IngestStore.Now(),
            Delivery = qos1 ? e : null,
        };
        await _writer.EnqueueAsync(m, _stop.Token);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        int waitMs = 500;
        var random = new Random();
        while (!ct.IsCancellationRequested)
        {
            if (_client.IsConnected)
            {
                await Task.Delay(100, ct);
                continue;
            }

            if (SessionTakenOver && !_subscribe)
            {
                return; // an adopted session whose owner is back: let it go
            }

            try
            {
                MqttClientConnectResult r = await _client.ConnectAsync(BuildOptions(), ct);
                if (r.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new InvalidOperationException("broker refused the connection: " + r.ResultCode);
                }

                SessionTakenOver = false;
                Shared = r.SharedSubscriptionAvailable;
                if (_subscribe)
                {
                    await SubscribeAsync(ct);
                    if (Shared)
                    {
                        _ = Task.Run(() => SyncRetainedAsync(ct), ct);
                    }
                }

                _log.LogInformation("MQTT {Client} connected to {Broker} (session {Session}, shared subscriptions {Shared})", ClientId,
                    _o.Broker.Embedded ? "embedded broker" : _o.Broker.Url, r.IsSessionPresent ? "resumed" : "new", Shared ? "on" : "off");
                _counters.Add("broker_connects");
                waitMs = 500;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _counters.Add("broker_connect_failures");
                _log.LogWarning("MQTT {Client} cannot connect: {Error}; retrying in {Wait} ms", ClientId, ex.Message, waitMs);
                await Task.Delay(waitMs + random.Next(waitMs / 4), ct);
                waitMs = Math.Min(30_000, waitMs * 2);
            }
        }
    }

    private async Task SyncRetainedAsync(CancellationToken ct)
    {
        try
        {
            await RetainedSync.RunAsync(_o, BuildOptions(), _writer, _counters, _log, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _log.LogWarning("Reading retained messages failed: {Error}", e.Message);
        }
    }

    private async Task SubscribeAsync(CancellationToken ct)
    {
        var b = new MqttClientSubscribeOptionsBuilder();
        foreach (string topic in Topics)
        {
            string filter = _o.Broker.TopicPrefix + "+/" + topic;
            if (Shared)
            {
                filter = "$share/" + _o.Broker.ShareGroup + "/" + filter;
            }

            b.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        MqttClientSubscribeResult r = await _client.SubscribeAsync(b.Build(), ct);
        foreach (MqttClientSubscribeResultItem item in r.Items)
        {
            if ((int)item.ResultCode > 2)
            {
                throw new InvalidOperationException($"subscription {item.TopicFilter.Topic} refused: {item.ResultCode}");
            }
        }
    }

    private MqttClientOptions BuildOptions()
    {
        BrokerOptions o = _o.Broker;
        string host = "127.0.0.1";
        int port = o.EmbeddedPort;
        bool tls = false;
        if (!o.Embedded)
        {
            var uri = new Uri(o.Url);
            tls = uri.Scheme == "mqtts";
            host = uri.Host;
            port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 8883 : 1883) : uri.Port;
        }

        var b = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(o.SessionExpirySeconds)
            .WithReceiveMaximum(o.ReceiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (o.Username != null && !o.Embedded)
        {
            b = b.WithCredentials(o.Username, o.Password ?? string.Empty);
        }

        if (tls)
        {
            var t = new MqttClientTlsOptionsBuilder().UseTls(true).WithTargetHost(host);
            if (o.CaCertificatePath != null)
            {
                var chain = new X509Certificate2Collection();
                chain.ImportFromPemFile(o.CaCertificatePath);
                t = t.WithTrustChain(chain);
            }

            b = b.WithTlsOptions(t.Build());
        }

        return b.Build();
    }
}
