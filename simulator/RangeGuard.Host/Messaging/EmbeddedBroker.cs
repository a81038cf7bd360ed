using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MQTTnet.Server;

namespace RangeGuard.Host.Messaging;

/// <summary>
/// An MQTTnet broker inside the simulator process on loopback, so a run can be watched with any MQTT client without
/// installing a broker. No authentication (loopback only). When the wanted port is taken, a free one is used instead.
/// MQTTnet refuses an empty client id, which MQTT 3.1.1 clients send by default: watchers give one (mosquitto_sub -i).
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Whether the wanted port was taken and another one is used.</summary>
    public bool MovedPort { get; private init; }

    public BrokerAddress Address => new() { Host = "127.0.0.1", Port = Port };

    /// <summary>Starts on <paramref name="port"/> if free, else on a free loopback port.</summary>
    public static async Task<EmbeddedBroker> StartAsync(int port)
    {
        bool moved = false;
        if (!IsFree(port))
        {
            port = FreePort();
            moved = true;
        }

        var options = new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(port)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointBoundIPV6Address(IPAddress.None).Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new EmbeddedBroker(server, port) { MovedPort = moved };
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private static bool IsFree(int port)
    {
        try
        {
            var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            l.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
