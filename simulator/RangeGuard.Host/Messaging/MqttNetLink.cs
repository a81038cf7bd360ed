using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using RangeGuard.Messaging;
using RangeGuard.Ports;

namespace RangeGuard.Host.Messaging;

/// <summary>
/// <see cref="IMqttLink"/> over MQTTnet 5 (MQTT 5, persistent session, last will, TLS and user/password). A background task
/// connects and reconnects with <see cref="ReconnectBackoff"/>; publishing only starts the send; PUBACKs and received
/// messages are queued for the loop to poll.
/// </summary>
public sealed class MqttNetLink : IMqttLink, IAsyncDisposable
{
    private readonly MqttLinkOptions _o;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly ConcurrentQueue<int> _delivered = new();
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ReconnectBackoff _backoff = new();
    private readonly Random _random = new();
    private Task? _loop;
    private volatile bool _connected;
    private int _connectionId;
    private int _nextToken;
    private int _pending;

    public MqttNetLink(MqttLinkOptions options)
    {
        _o = options;
        _client = new MqttClientFactory().CreateMqttClient();
        _options = BuildOptions(options);
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (_received.Count < _o.MaxReceived)
            {
                _received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            }
            else
            {
                Interlocked.Increment(ref _receivedDropped);
            }

            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += _ =>
        {
            _connected = false;
            return Task.CompletedTask;
        };
    }

    private int _receivedDropped;

    public bool IsConnected => _connected && _client.IsConnected;

    public int ConnectionId => Volatile.Read(ref _connectionId);

    /// <summary>Received messages dropped because the loop did not poll in time.</summary>
    public int ReceivedDropped => Volatile.Read(ref _receivedDropped);

    /// <summary>QoS 1 publishes the broker answered with a failure reason (e.g. not authorised); they count as delivered.</summary>
    public int Rejected { get; private set; }

    /// <summary>Why the latest connection attempt failed (null after a success).</summary>
    public string? LastError { get; private set; }

    /// <summary>Starts connecting in the background.</summary>
    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Waits until connected (for tools and tests); false on timeout.</summary>
    public async Task<bool> WaitConnectedAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!IsConnected && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return IsConnected;
    }

    public bool TryPublish(string topic, string payload, int qos, bool retain, out int token)
    {
        token = 0;
        if (!IsConnected || Volatile.Read(ref _pending) >= _o.MaxPending)
        {
            return false;
        }

        token = qos > 0 ? Interlocked.Increment(ref _nextToken) : 0;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(qos > 0 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
            .WithRetainFlag(retain)
            .Build();
        Interlocked.Increment(ref _pending);
        int t = token;
        _ = SendAsync(message, t);
        return true;
    }

    public bool TryTakeDelivered(out int token) => _delivered.TryDequeue(out token);

    public bool TryReceive(out string topic, out byte[] payload)
    {
        if (_received.TryDequeue(out var m))
        {
            topic = m.Topic;
            payload = m.Payload;
            return true;
        }

        topic = null!;
        payload = null!;
        return false;
    }

    /// <summary>Publishes a last message (e.g. a clean "offline" status) and disconnects cleanly (no last will).</summary>
    public async Task CloseAsync(string? finalTopic = null, string? finalPayload = null)
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
            if (finalTopic != null && finalPayload != null)
            {
                var msg = new MqttApplicationMessageBuilder().WithTopic(finalTopic).WithPayload(finalPayload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(true).Build();
                await _client.PublishAsync(msg, CancellationToken.None);
            }

            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _connected = false;
    }

    /// <summary>Drops the connection without a clean disconnect (the broker then publishes the last will): for tests.</summary>
    public void Abort()
    {
        _stop.Cancel();
        _client.Dispose();
        _connected = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await CloseAsync();
        }

        _client.Dispose();
    }

    private async Task SendAsync(MqttApplicationMessage message, int token)
    {
        try
        {
            var result = await _client.PublishAsync(message, _stop.Token);
            if (token != 0)
            {
                if (!result.IsSuccess)
                {
                    Rejected++;
                }

                _delivered.Enqueue(token);
            }
        }
        catch (Exception)
        {
            // Connection lost: the outbox re-sends everything unacknowledged on the next connection.
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!_client.IsConnected || !_connected)
            {
                _connected = false;
                try
                {
                    var result = await _client.ConnectAsync(_options, ct);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException("broker refused the connection: " + result.ResultCode);
                    }

                    foreach (string filter in _o.Subscriptions)
                    {
                        var sub = new MqttClientSubscribeOptionsBuilder()
                            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                            .Build();
                        await _client.SubscribeAsync(sub, ct);
                    }

                    LastError = null;
                    Interlocked.Increment(ref _connectionId);
                    _connected = true;
                    var since = DateTime.UtcNow;
                    while (!ct.IsCancellationRequested && _client.IsConnected && _connected)
                    {
                        await Task.Delay(50, ct);
                    }

                    _connected = false;
                    _backoff.ConnectionEnded((long)(DateTime.UtcNow - since).TotalMilliseconds);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LastError = ex.Message;
                    _connected = false;
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(_backoff.NextDelayMs(_random.NextDouble())), ct);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static MqttClientOptions BuildOptions(MqttLinkOptions o)
    {
        var b = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithClientId(o.ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(o.CleanSession)
            .WithSessionExpiryInterval(o.CleanSession ? 0u : o.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(o.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (o.Username != null)
        {
            b = b.WithCredentials(o.Username, o.Password ?? string.Empty);
        }

        if (o.WillTopic != null && o.WillPayload != null)
        {
            b = b.WithWillTopic(o.WillTopic).WithWillPayload(o.WillPayload).WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        if (o.Tls)
        {
            var tls = new MqttClientTlsOptionsBuilder().UseTls(true).WithTargetHost(o.Host);
            if (o.CaCertificatePath != null)
            {
                var chain = new X509Certificate2Collection();
                chain.ImportFromPemFile(o.CaCertificatePath);
                tls = tls.WithTrustChain(chain);
            }

            if (o.ClientCertificatePath != null)
            {
                var cert = o.ClientKeyPath != null
                    ? X509Certificate2.CreateFromPemFile(o.ClientCertificatePath, o.ClientKeyPath)
                    : X509CertificateLoader.LoadCertificateFromFile(o.ClientCertificatePath);
                tls = tls.WithClientCertificates(new X509Certificate2Collection(cert));
            }

            b = b.WithTlsOptions(tls.Build());
        }

        return b.Build();
    }
}
