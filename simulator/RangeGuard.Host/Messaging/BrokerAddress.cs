using System;

namespace RangeGuard.Host.Messaging;

/// <summary>
/// A broker as the command line gives it: <c>mqtt://host[:port]</c> (1883) or <c>mqtts://host[:port]</c> (8883), user and
/// password in the URL (<c>mqtt://user:password@host</c>) or as options, and for TLS the CA and an optional client
/// certificate (PEM files).
/// </summary>
public sealed record BrokerAddress
{
    public required string Host { get; init; }
    public int Port { get; init; }
    public bool Tls { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? CaCertificatePath { get; init; }
    public string? ClientCertificatePath { get; init; }
    public string? ClientKeyPath { get; init; }

    public override string ToString() => (Tls ? "mqtts://" : "mqtt://") + Host + ":" + Port;

    /// <summary>Parses the URL; false with a reason when it is not mqtt:// or mqtts:// with a host and a valid port.</summary>
    public static bool TryParse(string url, out BrokerAddress address, out string error)
    {
        address = null!;
        error = string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts") || uri.Host.Length == 0)
        {
            error = $"'{url}' is not a broker address: use mqtt://host:port or mqtts://host:port";
            return false;
        }

        bool tls = uri.Scheme == "mqtts";
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }

        address = new BrokerAddress
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 8883 : 1883) : uri.Port,
            Tls = tls,
            Username = user,
            Password = password,
        };
        return true;
    }

    /// <summary>The link options for a car (or the fleet tool) connecting with this address.</summary>
    public MqttLinkOptions ToLinkOptions(string clientId, string? willTopic, string? willPayload, string[] subscriptions, bool cleanSession = false) => new()
    {
        Host = Host,
        Port = Port,
        Tls = Tls,
        Username = Username,
        Password = Password,
        CaCertificatePath = CaCertificatePath,
        ClientCertificatePath = ClientCertificatePath,
        ClientKeyPath = ClientKeyPath,
        ClientId = clientId,
        WillTopic = willTopic,
        WillPayload = willPayload,
        Subscriptions = subscriptions,
        CleanSession = cleanSession,
    };
}
