using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Ingest;

/// <summary>The instance's own broker connection (client id <c>rangeguard-fleet-&lt;InstanceId&gt;</c>): subscribes, receives, and sends commands.</summary>
public sealed class MqttIngest : IHostedService, IAsyncDisposable
{
    public MqttIngest(IOptions<FleetOptions> o, IngestWriter writer, FleetCounters counters, ILogger<MqttIngest> log)
    {
        Connection = new BrokerConnection(ClientIdOf(o.Value.InstanceId), subscribe: true, o.Value, writer, counters, log);
    }

    public BrokerConnection Connection { get; }

    public static string ClientIdOf(string instanceId) => "rangeguard-fleet-" + instanceId;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Connection.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await Connection.DisposeAsync();

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
