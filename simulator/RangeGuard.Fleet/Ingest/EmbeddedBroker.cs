using System.Net;
using Microsoft.Extensions.Options;
using MQTTnet.Server;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Ingest;

/// <summary>
/// The development default: an MQTTnet broker inside the service, on loopback only, so one command gives cars (the
/// simulator) and the service a broker. No accounts, no ACL, no shared subscriptions: use Mosquitto or a cluster for real
/// fleets (README, deployment).
/// </summary>
public sealed class EmbeddedBroker : IHostedService
{
    private readonly FleetOptions _o;
    private readonly ILogger<EmbeddedBroker> _log;
    private MqttServer? _server;

    public EmbeddedBroker(IOptions<FleetOptions> o, ILogger<EmbeddedBroker> log)
    {
        _o = o.Value;
        _log = log;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_o.Broker.Embedded)
        {
            return;
        }

        MqttServerOptions options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(_o.Broker.EmbeddedPort)
            .WithPersistentSessions()
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        await _server.StartAsync();
        _log.LogInformation("Embedded MQTT broker on mqtt://127.0.0.1:{Port} (loopback, no accounts: development only)", _o.Broker.EmbeddedPort);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server != null)
        {
            await _server.StopAsync();
            _server.Dispose();
        }
    }
}
