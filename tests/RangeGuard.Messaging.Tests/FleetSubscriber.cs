using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;

namespace RangeGuard.Messaging.Tests;

/// <summary>
/// The fleet service as the tests need it: a persistent MQTT 5 session (the broker keeps QoS 1 messages for it while it is
/// away), QoS 1 subscription to every car, and a reconnect loop every 100 ms so a broker restart costs it nothing.
/// Records every message in arrival order.
/// </summary>
public sealed class FleetSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port;
    private readonly string _filter;
    private Task? _loop;

    public FleetSubscriber(int port, string filter = "rangeguard/v1/#")
    {
        _port = port;
        _filter = filter;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    public ConcurrentQueue<(string Topic, string Payload, bool Retained)> Received { get; } = new();

    public int Connects { get; private set; }

    public async Task StartAsync()
    {
        _loop = Task.Run(() => RunAsync(_stop.Token));
        // Until subscribed, not just connected: a car started between the two published its first alerts before the fleet's
        // session had a subscription, and the broker kept none of them for it (seen once in CI, under load).
        var until = DateTime.UtcNow.AddSeconds(10);
        while (Connects == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Payloads on topics ending in <paramref name="suffix"/>, in arrival order.</summary>
    public List<string> On(string suffix) => Received.Where(m => m.Topic.EndsWith(suffix, StringComparison.Ordinal)).Select(m => m.Payload).ToList();

    /// <summary>Parsed JSON of the payloads on a topic suffix.</summary>
    public List<JsonElement> Json(string suffix) => On(suffix).Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();

    public async Task<bool> WaitForAsync(Func<FleetSubscriber, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition(this))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition(this);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId("fleet-test-" + _port)
            .WithCredentials(MosquittoFixture.FleetUser, MosquittoFixture.Password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCleanStart(false).WithSessionExpiryInterval(3600)
            .WithTimeout(TimeSpan.FromSeconds(3)).Build();
        while (!ct.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    var r = await _client.ConnectAsync(options, ct);
                    if (!r.IsSessionPresent || Connects == 0)
                    {
                        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                            .WithTopicFilter(f => f.WithTopic(_filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), ct);
                    }

                    Connects++;
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    // broker down: try again shortly
                }
            }

            try
            {
                await Task.Delay(100, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop != null)
        {
            await _loop;
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
