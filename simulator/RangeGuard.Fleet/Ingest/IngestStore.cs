using System.Data.Common;
using System.Text;
using System.Text.Json;
using RangeGuard.Fleet.Contract;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Ingest;

/// <summary>
/// Writes a batch of received messages in one transaction: latest status / telemetry / forecast / active set per vehicle
/// (newer car time wins), every alert once (unique vehicle + seq + time), its seq bookkeeping (gap, late, new series) and
/// the notifications it calls for (the outbox rows, in the same transaction), refused payloads, command results.
/// Messages are processed in vehicle order (stable, so each vehicle's own order is kept): two instances writing at once
/// lock vehicle rows in the same order and cannot deadlock.
/// </summary>
public sealed class IngestStore
{
    private readonly FleetDb _db;
    private readonly FleetOptions _o;
    private readonly FleetCounters _counters;

    public IngestStore(FleetDb db, FleetOptions o, FleetCounters counters)
    {
        _db = db;
        _o = o;
        _counters = counters;
    }

    /// <summary>Stores the batch or throws (nothing of it is then stored); sets each message's <see cref="Inbound.Outcome"/>.</summary>
    public async Task WriteAsync(IReadOnlyList<Inbound> batch, CancellationToken ct)
    {
        var order = new List<Inbound>(batch);
        // Newest telemetry per vehicle only (QoS 0, latest wins): the rest is coalesced, not written.
        var lastTelemetry = new Dictionary<string, Inbound>();
        foreach (Inbound m in order)
        {
            if (m.Message?.Kind == MessageKind.Telemetry && (!lastTelemetry.TryGetValue(m.Message.VehicleId, out Inbound? kept) || CarTime(m) >= CarTime(kept)))
            {
                lastTelemetry[m.Message.VehicleId] = m;
            }
        }

        order = order.Where(m => m.Message?.Kind != MessageKind.Telemetry || ReferenceEquals(lastTelemetry[m.Message.VehicleId], m))
            .OrderBy(m => m.Message?.VehicleId ?? string.Empty, StringComparer.Ordinal).ToList();

        long now = Now();
        await using DbConnection c = await _db.OpenAsync(ct);
        await using DbTransaction tx = await FleetDb.BeginWriteAsync(c, ct);
        var alertIds = new List<long>();
        foreach (Inbound m in order)
        {
            m.Outcome = StoreOutcome.Pending;
            if (m.Message == null)
            {
                await RejectedAsync(c, tx, m, now, ct);
                continue;
            }

            string v = m.Message.VehicleId;
            await c.ExecAsync("INSERT INTO vehicles (vehicle_id, registered, first_seen_ms, updated_ms) VALUES (@v, 0, @now, @now) ON CONFLICT (vehicle_id) DO NOTHING",
                tx, ct, ("v", v), ("now", now));
            JsonElement r = m.Message.Document.RootElement;
            switch (m.Message.Kind)
            {
                case MessageKind.Status:
                    await StatusAsync(c, tx, v, r, m, now, ct);
                    break;
                case MessageKind.Telemetry:
                    await TelemetryAsync(c, tx, v, r, m, now, ct);
                    break;
                case MessageKind.Forecast:
                    await ForecastAsync(c, tx, v, r, m, now, ct);
                    break;
                case MessageKind.AlertsActive:
                    await ActiveAsync(c, tx, v, r, m, now, ct);
                    break;
                case MessageKind.Alert:
                    await AlertAsync(c, tx, v, r, m, now, ct);
                    if (m.Outcome == StoreOutcome.Stored)
                    {
                        alertIds.Add(m.AlertId);
                    }

                    break;
                default:
                    await ResultAsync(c, tx, v, r, m, now, ct);
                    break;
            }
        }

        await tx.CommitAsync(ct);
        foreach (Inbound m in batch)
        {
            if (m.Outcome == StoreOutcome.Pending)
            {
                m.Outcome = StoreOutcome.Coalesced;
            }
        }

        if (alertIds.Count > 0)
        {
            // stored_ms is when the alert's transaction had committed (the latency the fleet benchmark reports).
            await c.ExecAsync($"UPDATE alerts SET stored_ms = @t WHERE id IN ({string.Join(",", alertIds)})", null, ct, ("t", Now()));
        }
    }

    /// <summary>Records one refused message on its own (used when a message cannot be stored for a reason of its own).</summary>
    public async Task RejectAloneAsync(Inbound m, CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        await RejectedAsync(c, null, m, Now(), ct);
    }

    /// <summary>Throws when the database does not answer.</summary>
    public async Task PingAsync(CancellationToken ct)
    {
        await using DbConnection c = await _db.OpenAsync(ct);
        await c.ScalarAsync("SELECT 1", null, ct);
    }

    internal static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static async Task RejectedAsync(DbConnection c, DbTransaction? tx, Inbound m, long now, CancellationToken ct)
    {
        string head = Encoding.UTF8.GetString(m.Payload, 0, Math.Min(m.Payload.Length, 2048));
        string? vehicle = m.Topic.Split('/') is { Length: > 2 } p && ContractValidator.IsVehicleId(p[2]) ? p[2] : null;
        await c.ExecAsync("INSERT INTO rejected_messages (topic, vehicle_id, reason, detail, size_bytes, payload_head, at_ms) VALUES (@t, @v, @r, @d, @s, @h, @now)",
            tx, ct, ("t", m.Topic.Length > 512 ? m.Topic[..512] : m.Topic), ("v", vehicle), ("r", m.Reject.ToString()),
            ("d", m.Detail.Length > 1000 ? m.Detail[..1000] : m.Detail), ("s", m.Payload.Length), ("h", head.Replace("\0", string.Empty, StringComparison.Ordinal)), ("now", now));
        m.Outcome = StoreOutcome.Rejected;
    }

    private static async Task StatusAsync(DbConnection c, DbTransaction tx, string v, JsonElement r, Inbound m, long now, CancellationToken ct)
    {
        long? t = r.TryGetProperty("t", out JsonElement te) ? te.GetInt64() : null;
        // The last will has no car time: it is the broker's word at delivery, and always applies.
        string guard = t == null ? string.Empty : " AND (status_t IS NULL OR status_t <= @t)";
        int n = await c.ExecAsync("UPDATE vehicles SET status_state = @s, status_t = @t, status_json = @j, status_ms = @now, updated_ms = @now " +
            "WHERE vehicle_id = @v" + guard, tx, ct,
            ("s", r.GetProperty("state").GetString()), ("t", t), ("j", r.GetRawText()), ("now", now), ("v", v));
        m.Outcome = n > 0 ? StoreOutcome.Stored : StoreOutcome.Stale;
    }

    private static async Task TelemetryAsync(DbConnection c, DbTransaction tx, string v, JsonElement r, Inbound m, long now, CancellationToken ct)
    {
        int n = await c.ExecAsync("UPDATE vehicles SET telemetry_t = @t, telemetry_seq = @seq, telemetry_json = @j, soc_pct = @soc, pos_m = @pos, " +
            "speed_kmh = @spd, top_sev = @sev, updated_ms = @now WHERE vehicle_id = @v AND (telemetry_t IS NULL OR telemetry_t < @t)", tx, ct,
            ("t", r.GetProperty("t").GetInt64()), ("seq", r.GetProperty("seq").GetInt64()), ("j", r.GetRawText()), ("soc", Num(r, "soc_pct")),
            ("pos", Num(r, "pos_m")), ("spd", Num(r, "spd_kmh")), ("sev", r.GetProperty("sev").GetInt32()), ("now", now), ("v", v));
        m.Outcome = n > 0 ? StoreOutcome.Stored : StoreOutcome.Stale;
    }

    private static async Task ForecastAsync(DbConnection c, DbTransaction tx, string v, JsonElement r, Inbound m, long now, CancellationToken ct)
    {
        JsonElement dest = r.GetProperty("dest");
        bool hasDest = dest.ValueKind == JsonValueKind.Object;
        double? end = hasDest ? r.GetProperty("pos_m").GetDouble() + dest.GetProperty("dist_m").GetDouble() : null;
        int n = await c.ExecAsync("UPDATE vehicles SET forecast_t = @t, forecast_json = @j, dest_p10 = @p10, dest_p50 = @p50, dest_p90 = @p90, " +
            "route_end_m = @end, updated_ms = @now WHERE vehicle_id = @v AND (forecast_t IS NULL OR forecast_t <= @t)", tx, ct,
            ("t", r.GetProperty("t").GetInt64()), ("j", r.GetRawText()), ("p10", hasDest ? Num(dest, "p10") : null),
            ("p50", hasDest ? Num(dest, "p50") : null), ("p90", hasDest ? Num(dest, "p90") : null), ("end", end), ("now", now), ("v", v));
        m.Outcome = n > 0 ? StoreOutcome.Stored : StoreOutcome.Stale;
    }

    private static async Task ActiveAsync(DbConnection c, DbTransaction tx, string v, JsonElement r, Inbound m, long now, CancellationToken ct)
    {
        int n = await c.ExecAsync("UPDATE vehicles SET active_seq = @seq, active_t = @t, active_json = @j, updated_ms = @now " +
            "WHERE vehicle_id = @v AND (active_t IS NULL OR active_t <= @t)", tx, ct,
            ("seq", r.GetProperty("seq").GetInt64()), ("t", r.GetProperty("t").GetInt64()), ("j", r.GetProperty("active").GetRawText()), ("now", now), ("v", v));
        m.Outcome = n > 0 ? StoreOutcome.Stored : StoreOutcome.Stale;
    }

    private async Task AlertAsync(DbConnection c, DbTransaction tx, string v, JsonElement r, Inbound m, long now, CancellationToken ct)
    {
        long seq = r.GetProperty("seq").GetInt64();
        long t = r.GetProperty("t").GetInt64();
        int series;
        long last, lastT;
        await using (DbCommand q = c.Sql("SELECT alert_series, last_seq, last_seq_t FROM vehicles WHERE vehicle_id = @v" + _db.ForUpdate, tx, ("v", v)))
        await using (DbDataReader rd = await q.ExecuteReaderAsync(ct))
        {
            await rd.ReadAsync(ct);
            series = Convert.ToInt32(rd.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            last = rd.GetInt64(1);
            lastT = rd.GetInt64(2);
        }

        // Contract: seq rises by exactly 1. Higher than expected: a gap. Not higher and not later: a late (out-of-order)
        // arrival or a redelivery. Not higher but later in car time: the car's store was erased, a new series.
        string? kind = null;
        long missing = 0;
        bool advance = false;
        if (seq > last)
        {
            advance = true;
            if (seq > last + 1)
            {
                kind = last == 0 ? "start" : "gap";
                missing = seq - last - 1;
            }
        }
        else if (t > lastT)
        {
            kind = "reset";
            advance = true;
            series++;
        }
        else
        {
            kind = "late";
        }

        object? id = await c.ScalarAsync(
            "INSERT INTO alerts (vehicle_id, series, seq, t, code, sev, event, active, acked, fleet, text, pos_m, strand_m, odo_km, payload, received_ms, stored_ms, instance_id) " +
            "VALUES (@v, @series, @seq, @t, @code, @sev, @event, @active, @acked, @fleet, @text, @pos, @strand, @odo, @payload, @recv, @now, @inst) " +
            "ON CONFLICT (vehicle_id, seq, t) DO NOTHING RETURNING id", tx, ct,
            ("v", v), ("series", series), ("seq", seq), ("t", t), ("code", r.GetProperty("code").GetString()), ("sev", r.GetProperty("sev").GetString()),
            ("event", r.GetProperty("event").GetString()), ("active", Bit(r, "active")), ("acked", Bit(r, "acked")), ("fleet", Bit(r, "fleet")),
            ("text", r.GetProperty("text").GetString()), ("pos", Num(r, "pos_m")), ("strand", Num(r, "strand_m")), ("odo", Num(r, "odo_km")),
            ("payload", r.GetRawText()), ("recv", m.ReceivedMs), ("now", now), ("inst", _o.InstanceId));
        if (id == null)
        {
            await c.ExecAsync("UPDATE vehicles SET duplicates = duplicates + 1 WHERE vehicle_id = @v", tx, ct, ("v", v));
            m.Outcome = StoreOutcome.Duplicate;
            return;
        }

        m.AlertId = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
        m.Outcome = StoreOutcome.Stored;
        if (advance)
        {
            await c.ExecAsync("UPDATE vehicles SET last_seq = @seq, last_seq_t = @t, alert_series = @series, updated_ms = @now WHERE vehicle_id = @v", tx, ct,
                ("seq", seq), ("t", t), ("series", series), ("now", now), ("v", v));
        }
        else
        {
            await c.ExecAsync("UPDATE vehicles SET updated_ms = @now WHERE vehicle_id = @v", tx, ct, ("now", now), ("v", v));
        }

        if (kind != null)
        {
            await c.ExecAsync("INSERT INTO seq_events (vehicle_id, kind, seq, expected, missing, at_ms) VALUES (@v, @k, @seq, @exp, @miss, @now)", tx, ct,
                ("v", v), ("k", kind), ("seq", seq), ("exp", last + 1), ("miss", missing), ("now", now));
            _counters.Add("seq_" + kind);
        }

        await NotificationsAsync(c, tx, v, r, m.AlertId, now, ct);
    }

    /// <summary>The outbox rows for an alert that calls for them: recorded with the alert, sent later by the dispatcher.</summary>
    private async Task NotificationsAsync(DbConnection c, DbTransaction tx, string v, JsonElement r, long alertId, long now, CancellationToken ct)
    {
        string ev = r.GetProperty("event").GetString()!;
        if (ev is not ("raise" or "worse") || !_o.Notify.Codes.Contains(r.GetProperty("code").GetString()!))
        {
            return;
        }

        var targets = new List<(string Channel, string Recipient)> { ("log", "log") };
        string? driver = (string?)await c.ScalarAsync("SELECT driver_email FROM vehicles WHERE vehicle_id = @v", tx, ct, ("v", v));
        bool smtp = !string.IsNullOrWhiteSpace(_o.Notify.Smtp.Host);
        if (smtp && !string.IsNullOrWhiteSpace(driver))
        {
            targets.Add(("email", driver));
        }

        if (smtp)
        {
            targets.AddRange(_o.Notify.CrewEmails.Where(e => !string.IsNullOrWhiteSpace(e) && e != driver).Select(e => ("email", e)));
        }

        if (!string.IsNullOrWhiteSpace(_o.Notify.Webhook.Url))
        {
            targets.Add(("webhook", _o.Notify.Webhook.Url));
        }

        foreach (var (channel, recipient) in targets)
        {
            await c.ExecAsync("INSERT INTO notifications (alert_id, vehicle_id, channel, recipient, status, attempts, next_attempt_ms, created_ms) " +
                "VALUES (@a, @v, @c, @r, 'pending', 0, @now, @now) ON CONFLICT (alert_id, channel, recipient) DO NOTHING", tx, ct,
                ("a", alertId), ("v", v), ("c", channel), ("r", recipient), ("now", now));
        }
    }

    private static async Task ResultAsync(DbConnection c, DbTransaction tx, string v, JsonElement r, Inbound m, long now, CancellationToken ct)
    {
        string? id = r.GetProperty("id").GetString();
        bool ok = r.GetProperty("ok").GetBoolean();
        string? field = null, reason = null;
        if (r.TryGetProperty("error", out JsonElement e))
        {
            field = e.GetProperty("field").GetString();
            reason = e.GetProperty("reason").GetString();
        }

        // A result for a request this fleet did not send (or with no id) is still kept, under a made-up key.
        int n = id == null ? 0 : await c.ExecAsync("UPDATE commands SET result_ok = @ok, result_field = @f, result_reason = @r, result_json = @j, result_ms = @now " +
            "WHERE request_id = @id AND vehicle_id = @v", tx, ct, ("ok", ok ? 1 : 0), ("f", field), ("r", reason), ("j", r.GetRawText()), ("now", now), ("id", id), ("v", v));
        if (n == 0)
        {
            await c.ExecAsync("INSERT INTO commands (request_id, vehicle_id, name, payload, sent_by, sent_ms, result_ok, result_field, result_reason, result_json, result_ms) " +
                "VALUES (@id, @v, @n, '', '(unknown)', @now, @ok, @f, @r, @j, @now) ON CONFLICT (request_id) DO NOTHING", tx, ct,
                ("id", "unmatched:" + v + ":" + (id ?? "null") + ":" + now.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("v", v), ("n", m.Message!.CommandName),
                ("ok", ok ? 1 : 0), ("f", field), ("r", reason), ("j", r.GetRawText()), ("now", now));
        }

        m.Outcome = StoreOutcome.Stored;
    }

    private static long CarTime(Inbound m) => m.Message!.Document.RootElement.GetProperty("t").GetInt64();

    private static double? Num(JsonElement r, string name) =>
        r.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;

    private static int Bit(JsonElement r, string name) => r.GetProperty(name).GetBoolean() ? 1 : 0;
}
