using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Ingest;

/// <summary>
/// MQTT 5 never delivers retained messages on shared subscriptions, so an instance that starts (or reconnects) after the
/// cars published their retained <c>status</c>, <c>forecast</c> and <c>alerts/active</c> would not see them until they
/// change. After each connect a short-lived plain subscriber reads the retained ones once and hands them to the writer
/// (latest-by-car-time applies, so an old retained message never rolls a vehicle back).
/// </summary>
public static class RetainedSync
{
    public static readonly string[] Topics = { "status", "forecast", "alerts/active" };

    public static async Task<int> RunAsync(FleetOptions o, MqttClientOptions connectTemplate, IngestWriter writer, FleetCounters counters, ILogger log, CancellationToken ct)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        int received = 0;
        long lastMs = Environment.TickCount64;
        client.ApplicationMessageReceivedAsync += async e =>
        {
            if (!e.ApplicationMessage.Retain)
            {
                return;
            }

            Interlocked.Increment(ref received);
            lastMs = Environment.TickCount64;
            await writer.EnqueueAsync(new Inbound { Topic = e.ApplicationMessage.Topic, Payload = e.ApplicationMessage.Payload.ToArray(), ReceivedMs = IngestStore.Now() }, ct);
        };
        MqttClientOptions options = connectTemplate;
        options.ClientId = connectTemplate.ClientId + "-retained-" + Guid.NewGuid().ToString("N")[..6];
        options.CleanSession = true;
        options.SessionExpiryInterval = 0;
        await client.ConnectAsync(options, ct);
        var b = new MqttClientSubscribeOptionsBuilder();
        foreach (string t in Topics)
        {
            b.WithTopicFilter(f => f.WithTopic(o.Broker.TopicPrefix + "+/" + t).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce));
        }

        await client.SubscribeAsync(b.Build(), ct);
        long start = Environment.TickCount64;
        // The broker sends the retained set right after the subscription; stop after 1 s of quiet (at most 30 s).
        while (Environment.TickCount64 - Interlocked.Read(ref lastMs) < 1000 && Environment.TickCount64 - start < 30_000)
        {
            await Task.Delay(100, ct);
        }

        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), ct);
        counters.Add("retained_synced", received);
        log.LogInformation("Read {Count} retained status/forecast/active messages", received);
        return received;
    }
}
