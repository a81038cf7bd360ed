using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Contract;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Web;

/// <summary>
/// Sends a command to a car (contract "Commands"): checks the name, the size limit and that the body is a JSON object, gives
/// it a request id when it has none, records it, and publishes <c>cmd/&lt;name&gt;</c> (QoS 1, not retained). The car checks
/// the fields itself and answers on <c>cmd/&lt;name&gt;/result</c>, which the ingest stores against the request id.
/// </summary>
public sealed class CommandSender
{
    public static readonly string[] Names = { "route", "config", "precondition", "ack", "ping" };

    private readonly FleetDb _db;
    private readonly FleetOptions _o;
    private readonly MqttIngest _mqtt;
    private readonly FleetCounters _counters;

    public CommandSender(FleetDb db, IOptions<FleetOptions> o, MqttIngest mqtt, FleetCounters counters)
    {
        _db = db;
        _o = o.Value;
        _mqtt = mqtt;
        _counters = counters;
    }

    public static int MaxBytes(string name) => name == "route" ? 32768 : 8192;

    /// <summary>Returns the request id, or throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public async Task<string> SendAsync(string vehicleId, string name, string body, string operatorName, CancellationToken ct)
    {
        if (!ContractValidator.IsVehicleId(vehicleId))
        {
            throw new ArgumentException("vehicle id must be 1..32 of A-Z a-z 0-9 . _ -");
        }

        if (Array.IndexOf(Names, name) < 0)
        {
            throw new ArgumentException($"unknown command '{name}' (route, config, precondition, ack, ping)");
        }

        JsonObject doc;
        try
        {
            doc = JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body) as JsonObject ?? throw new ArgumentException("the command must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ArgumentException("the command is not JSON: " + e.Message);
        }

        if (!doc.ContainsKey("id"))
        {
            doc["id"] = "op-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        }

        string? id = doc["id"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (id == null || id.Length is 0 or > 64 || id.Any(ch => ch < 0x20 || ch > 0x7e))
        {
            throw new ArgumentException("id must be 1..64 printable ASCII characters");
        }

        string payload = doc.ToJsonString();
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > MaxBytes(name))
        {
            throw new ArgumentException($"the {name} command is over its limit of {MaxBytes(name)} bytes");
        }

        await using (DbConnection c = await _db.OpenAsync(ct))
        {
            int n = await c.ExecAsync("INSERT INTO commands (request_id, vehicle_id, name, payload, sent_by, sent_ms) VALUES (@id, @v, @n, @p, @by, @now) ON CONFLICT (request_id) DO NOTHING",
                null, ct, ("id", id), ("v", vehicleId), ("n", name), ("p", payload), ("by", operatorName), ("now", IngestStore.Now()));
            if (n == 0)
            {
                throw new ArgumentException($"request id '{id}' was used before");
            }
        }

        await _mqtt.Connection.PublishAsync(_o.Broker.TopicPrefix + vehicleId + "/cmd/" + name, payload, ct);
        _counters.Add("commands_sent");
        return id;
    }
}
