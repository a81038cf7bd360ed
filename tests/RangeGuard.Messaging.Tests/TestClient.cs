using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;

namespace RangeGuard.Messaging.Tests;

/// <summary>A plain MQTTnet client (MQTT 5) that records what it receives: the "fleet service" or a rogue car in the tests.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public TestClient()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    public ConcurrentQueue<(string Topic, string Payload, bool Retained)> Received { get; } = new();

    public static async Task<(TestClient Client, MqttClientConnectResultCode Code)> ConnectAsync(int port, string? user, string clientId)
    {
        var c = new TestClient();
        var b = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithTimeout(TimeSpan.FromSeconds(5));
        if (user != null)
        {
            b = b.WithCredentials(user, MosquittoFixture.Password);
        }

        try
        {
            var r = await c._client.ConnectAsync(b.Build(), CancellationToken.None);
            return (c, r.ResultCode);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException)
        {
            return (c, MqttClientConnectResultCode.NotAuthorized);
        }
    }

    public async Task SubscribeAsync(string filter)
    {
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), CancellationToken.None);
    }

    /// <summary>Publishes at QoS 1; returns the broker's PUBACK reason (NotAuthorized when the ACL says no).</summary>
    public async Task<MqttClientPublishReasonCode> PublishAsync(string topic, string payload, bool retain = false)
    {
        var m = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
        var r = await _client.PublishAsync(m, CancellationToken.None);
        return r.ReasonCode;
    }

    /// <summary>Waits until <paramref name="count"/> messages on topics ending in <paramref name="suffix"/> arrived; returns them.</summary>
    public async Task<List<string>> WaitForAsync(string suffix, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var got = new List<string>();
            foreach (var m in Received)
            {
                if (m.Topic.EndsWith(suffix, StringComparison.Ordinal))
                {
                    got.Add(m.Payload);
                }
            }

            if (got.Count >= count || DateTime.UtcNow > until)
            {
                return got;
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
