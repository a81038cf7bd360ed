using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;

namespace RangeGuard.Fleet.Tests.Fixtures;

/// <summary>
/// A stand-in car for service tests: an MQTTnet client with the car's account that publishes contract payloads (built
/// from the contract's examples) and records the commands it receives.
/// </summary>
public sealed class TestCar : IAsyncDisposable
{
    public const long T0 = 1767988800000;

    private readonly IMqttClient _client;

    private TestCar(string id, IMqttClient client)
    {
        Id = id;
        _client = client;
    }

    public string Id { get; }

    public ConcurrentQueue<(string Topic, string Payload)> Commands { get; } = new();

    public static async Task<TestCar> ConnectAsync(string id, int port, bool subscribeCommands = false, string? password = MosquittoFixture.Password)
    {
        IMqttClient c = new MqttClientFactory().CreateMqttClient();
        var o = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(id)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCleanStart(true);
        if (password != null)
        {
            o = o.WithCredentials(id, password);
        }

        var car = new TestCar(id, c);
        c.ApplicationMessageReceivedAsync += e =>
        {
            car.Commands.Enqueue((e.ApplicationMessage.Topic, System.Text.Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray())));
            return Task.CompletedTask;
        };
        await c.ConnectAsync(o.Build());
        if (subscribeCommands)
        {
            await c.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"rangeguard/v1/{id}/cmd/+", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        return car;
    }

    public Task PublishAsync(string subtopic, string payload, int qos = 1, bool retain = false) => _client.PublishAsync(
        new MqttApplicationMessageBuilder().WithTopic($"rangeguard/v1/{Id}/{subtopic}").WithPayload(payload)
            .WithQualityOfServiceLevel(qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    public Task AlertAsync(long seq, string code = "RG-STRANDED", string sev = "critical", string ev = "raise", long? t = null) =>
        PublishAsync("alerts", Payloads.Alert(seq, code, sev, ev, t ?? T0 + seq * 1000));

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}

/// <summary>Contract v1 payloads (hardware-docs/mqtt-contract.md examples, with the fields a test varies).</summary>
public static class Payloads
{
    private static string N(double d) => d.ToString("0.0##", CultureInfo.InvariantCulture);

    public static string Alert(long seq, string code = "RG-STRANDED", string sev = "critical", string ev = "raise", long t = TestCar.T0, string? text = null) =>
        $"{{\"v\":1,\"seq\":{seq},\"t\":{t},\"code\":\"{code}\",\"sev\":\"{sev}\",\"event\":\"{ev}\",\"active\":{(ev == "clear" ? "false" : "true")},\"acked\":false," +
        $"\"text\":\"{text ?? "Nothing reachable: strands in 18 km — 120 km/h; fleet crew alerted"}\",\"fleet\":true,\"pos_m\":333,\"odo_km\":null,\"strand_m\":18333}}";

    public static string Status(string state = "online", long t = TestCar.T0) => state == "online"
        ? $"{{\"v\":1,\"state\":\"online\",\"t\":{t},\"fw\":\"0.5.0\",\"profile\":\"rangeguard-ref\",\"up_s\":12,\"free_b\":61440,\"seg_cap\":200,\"queued\":3,\"store_err\":0}}"
        : "{\"v\":1,\"state\":\"offline\"}";

    public static string Telemetry(long seq, double soc, double posM, long t) =>
        $"{{\"v\":1,\"t\":{t},\"seq\":{seq},\"pos_m\":{N(posM)},\"soc_pct\":{N(soc)},\"batt_c\":20.0,\"amb_c\":-3.5,\"spd_kmh\":90.0,\"valid\":true,\"degraded\":false," +
        "\"dest_p10\":40.0,\"dest_p50\":45.0,\"dest_p90\":50.0,\"next_chg\":-1,\"next_p10\":null,\"band\":0.100,\"heater\":false,\"precond\":\"off\",\"heat_kwh\":0.00," +
        "\"alert\":null,\"sev\":0,\"alerts\":0,\"exc\":0,\"stale\":0,\"dropped\":0}";

    public static string Forecast(long t, double posM = 12000, double p10 = 4.0, double p50 = 9.5, double p90 = 14.0) =>
        $"{{\"v\":1,\"t\":{t},\"plan\":\"r-42\",\"valid\":true,\"degraded\":false,\"reason\":null,\"pos_m\":{N(posM)},\"band\":0.120," +
        $"\"dest\":{{\"name\":\"Milford CT\",\"dist_m\":150000,\"eta_s\":5400,\"p10\":{N(p10)},\"p50\":{N(p50)},\"p90\":{N(p90)},\"reserve_pct\":10.0,\"p_short\":0.55,\"reachable\":true}}," +
        "\"chargers\":[{\"i\":0,\"name\":\"Newark DE\",\"dist_m\":61800,\"eta_s\":2100,\"p10\":38.0,\"p50\":41.0,\"p90\":44.0,\"reserve_pct\":8.0,\"p_short\":0.00,\"reachable\":true}]," +
        "\"causes\":[{\"cause\":\"speed\",\"km\":21.4},{\"cause\":\"cabin heating\",\"km\":12.0},{\"cause\":\"cold air and tyres\",\"km\":8.2}],\"strand_m\":-1," +
        "\"advice\":{\"max_kmh\":105,\"charge_at\":0,\"charge_min\":25,\"charge_to_pct\":80,\"setpoint_gain_km\":4.2,\"plug_in\":false,\"precondition\":\"off\"}}";

    public static string Active(long seq, long t, params (string Code, string Sev)[] alerts) =>
        $"{{\"v\":1,\"t\":{t},\"seq\":{seq},\"active\":[" + string.Join(",", alerts.Select(a =>
            $"{{\"code\":\"{a.Code}\",\"sev\":\"{a.Sev}\",\"acked\":false,\"fleet\":true,\"text\":\"{a.Code} text\"}}")) + "]}";

    public static string Result(string? id, bool ok, long t = TestCar.T0, string? field = null, string? reason = null) =>
        $"{{\"v\":1,\"id\":{(id == null ? "null" : "\"" + id + "\"")},\"ok\":{(ok ? "true" : "false")},\"t\":{t}" +
        (ok ? string.Empty : $",\"error\":{{\"field\":\"{field}\",\"reason\":\"{reason}\"}}") + "}";
}
