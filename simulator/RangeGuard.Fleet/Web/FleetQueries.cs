using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Web;

/// <summary>What the page and the API read: vehicle summaries (sorted by their worst active alert), one vehicle's detail.</summary>
public sealed class FleetQueries
{
    private const string SummaryColumns =
        "vehicle_id, name, registered, status_state, status_ms, soc_pct, pos_m, speed_kmh, dest_p10, dest_p50, dest_p90, route_end_m, " +
        "forecast_t, telemetry_t, active_json, last_seq, alert_series, duplicates, updated_ms, driver_email";

    private readonly FleetDb _db;

    public FleetQueries(FleetDb db)
    {
        _db = db;
    }

    public static int SeverityRank(string? sev) => sev switch
    {
        "critical" => 4,
        "warning" => 3,
        "advisory" => 2,
        "info" => 1,
        _ => 0,
    };

    /// <summary>Vehicles (all, or those changed since <paramref name="sinceMs"/>), worst active alert first.</summary>
    public async Task<List<JsonObject>> VehiclesAsync(long sinceMs, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        await using DbCommand q = c.Sql($"SELECT {SummaryColumns} FROM vehicles WHERE updated_ms >= @s", null, ("s", sinceMs));
        await using DbDataReader r = await q.ExecuteReaderAsync(ct);
        var list = new List<JsonObject>();
        while (await r.ReadAsync(ct))
        {
            list.Add(Summary(r));
        }

        return list.OrderByDescending(v => (int)v["top_sev"]!).ThenBy(v => (string)v["id"]!, StringComparer.Ordinal).ToList();
    }

    public async Task<JsonObject?> VehicleAsync(string id, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        JsonObject? v;
        string? forecast, telemetry, status;
        await using (DbCommand q = c.Sql($"SELECT {SummaryColumns}, forecast_json, telemetry_json, status_json FROM vehicles WHERE vehicle_id = @v", null, ("v", id)))
        await using (DbDataReader r = await q.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct))
            {
                return null;
            }

            v = Summary(r);
            forecast = r.GetStringOrNull(20);
            telemetry = r.GetStringOrNull(21);
            status = r.GetStringOrNull(22);
        }

        v["forecast"] = forecast == null ? null : JsonNode.Parse(forecast);
        v["telemetry"] = telemetry == null ? null : JsonNode.Parse(telemetry);
        v["status"] = status == null ? null : JsonNode.Parse(status);
        var alerts = new JsonArray();
        await using (DbCommand q = c.Sql("SELECT id, series, seq, t, code, sev, event, active, acked, text, pos_m, strand_m, stored_ms FROM alerts WHERE vehicle_id = @v ORDER BY series DESC, seq DESC, id DESC LIMIT 500", null, ("v", id)))
        await using (DbDataReader r = await q.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                alerts.Add(new JsonObject
                {
                    ["id"] = r.GetInt64(0), ["series"] = r.GetInt64(1), ["seq"] = r.GetInt64(2), ["t"] = r.GetInt64(3), ["code"] = r.GetString(4),
                    ["sev"] = r.GetString(5), ["event"] = r.GetString(6), ["active"] = r.GetInt64(7) != 0, ["acked"] = r.GetInt64(8) != 0,
                    ["text"] = r.GetString(9), ["pos_m"] = r.GetDoubleOrNull(10), ["strand_m"] = r.GetDoubleOrNull(11), ["stored_ms"] = r.GetInt64(12),
                });
            }
        }

        v["alerts"] = alerts;
        var events = new JsonArray();
        await using (DbCommand q = c.Sql("SELECT kind, seq, expected, missing, at_ms FROM seq_events WHERE vehicle_id = @v ORDER BY id DESC LIMIT 100", null, ("v", id)))
        await using (DbDataReader r = await q.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                events.Add(new JsonObject { ["kind"] = r.GetString(0), ["seq"] = r.GetInt64(1), ["expected"] = r.GetInt64(2), ["missing"] = r.GetInt64(3), ["at_ms"] = r.GetInt64(4) });
            }
        }

        v["seq_events"] = events;
        // Seqs missing now: holes between the lowest and highest seq of the current series.
        await using (DbCommand q = c.Sql("SELECT MIN(seq), MAX(seq), COUNT(DISTINCT seq) FROM alerts WHERE vehicle_id = @v AND series = @s", null, ("v", id), ("s", (long)v["alert_series"]!)))
        await using (DbDataReader r = await q.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            long? min = r.GetInt64OrNull(0), max = r.GetInt64OrNull(1);
            v["missing_seq"] = min == null ? 0 : max!.Value - min.Value + 1 - r.GetInt64(2);
        }

        v["commands"] = await CommandsAsync(c, id, 0, ct);
        return v;
    }

    public async Task<JsonArray> CommandsSinceAsync(long sinceMs, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        return await CommandsAsync(c, null, sinceMs, ct);
    }

    public async Task<JsonObject?> CommandAsync(string requestId, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        await using DbCommand q = c.Sql("SELECT request_id, vehicle_id, name, sent_by, sent_ms, result_ok, result_field, result_reason, result_ms, payload FROM commands WHERE request_id = @id", null, ("id", requestId));
        await using DbDataReader r = await q.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Command(r) : null;
    }

    private static async Task<JsonArray> CommandsAsync(DbConnection c, string? vehicle, long sinceMs, CancellationToken ct)
    {
        string where = vehicle != null ? "vehicle_id = @v" : "(sent_ms >= @s OR result_ms >= @s)";
        await using DbCommand q = c.Sql($"SELECT request_id, vehicle_id, name, sent_by, sent_ms, result_ok, result_field, result_reason, result_ms, payload FROM commands WHERE {where} ORDER BY sent_ms DESC LIMIT 50",
            null, ("v", vehicle), ("s", sinceMs));
        await using DbDataReader r = await q.ExecuteReaderAsync(ct);
        var list = new JsonArray();
        while (await r.ReadAsync(ct))
        {
            list.Add(Command(r));
        }

        return list;
    }

    private static JsonObject Command(DbDataReader r) => new()
    {
        ["request_id"] = r.GetString(0), ["vehicle_id"] = r.GetString(1), ["name"] = r.GetString(2), ["sent_by"] = r.GetString(3), ["sent_ms"] = r.GetInt64(4),
        ["ok"] = r.IsDBNull(5) ? null : r.GetInt64(5) != 0, ["error_field"] = r.GetStringOrNull(6), ["error_reason"] = r.GetStringOrNull(7),
        ["result_ms"] = r.GetInt64OrNull(8), ["state"] = r.IsDBNull(5) ? "sent" : r.GetInt64(5) != 0 ? "ok" : "refused",
    };

    private static JsonObject Summary(DbDataReader r)
    {
        var active = new JsonArray();
        int top = 0;
        string? activeJson = r.GetStringOrNull(14);
        if (activeJson != null)
        {
            var items = JsonNode.Parse(activeJson)!.AsArray().Select(n => n!.AsObject()).OrderByDescending(a => SeverityRank((string?)a["sev"])).ToList();
            foreach (JsonObject a in items)
            {
                top = Math.Max(top, SeverityRank((string?)a["sev"]));
                active.Add(a.DeepClone());
            }
        }

        return new JsonObject
        {
            ["id"] = r.GetString(0), ["name"] = r.GetStringOrNull(1), ["registered"] = r.GetInt64(2) != 0, ["state"] = r.GetStringOrNull(3),
            ["status_ms"] = r.GetInt64OrNull(4), ["soc_pct"] = r.GetDoubleOrNull(5), ["pos_m"] = r.GetDoubleOrNull(6), ["speed_kmh"] = r.GetDoubleOrNull(7),
            ["dest_p10"] = r.GetDoubleOrNull(8), ["dest_p50"] = r.GetDoubleOrNull(9), ["dest_p90"] = r.GetDoubleOrNull(10), ["route_end_m"] = r.GetDoubleOrNull(11),
            ["forecast_t"] = r.GetInt64OrNull(12), ["telemetry_t"] = r.GetInt64OrNull(13), ["active"] = active, ["top_sev"] = top,
            ["last_seq"] = r.GetInt64(15), ["alert_series"] = r.GetInt64(16), ["duplicates"] = r.GetInt64(17), ["updated_ms"] = r.GetInt64(18),
            ["driver_email"] = r.GetStringOrNull(19),
        };
    }

    /// <summary>Registers or updates a vehicle (name, driver e-mail).</summary>
    public async Task UpsertVehicleAsync(string id, string? name, string? driverEmail, CancellationToken ct)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using DbConnection c = await _db.OpenAsync(ct);
        await c.ExecAsync("INSERT INTO vehicles (vehicle_id, name, driver_email, registered, first_seen_ms, updated_ms) VALUES (@v, @n, @e, 1, @now, @now) " +
            "ON CONFLICT (vehicle_id) DO UPDATE SET name = excluded.name, driver_email = excluded.driver_email, registered = 1, updated_ms = excluded.updated_ms",
            null, ct, ("v", id), ("n", name), ("e", driverEmail), ("now", now));
    }

    public static string Json(object o) => JsonSerializer.Serialize(o);
}
