using System.Data.Common;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Notify;

/// <summary>
/// Sends what the outbox table holds. A due row is claimed (claimed_by, claimed_until) in one UPDATE that re-checks its
/// conditions, so two instances never take the same row; it is sent, then marked sent at once. A failure is recorded with
/// the next attempt time (<see cref="Backoff"/>); after <see cref="NotifyOptions.MaxAttempts"/> the row is marked failed.
/// After a restart rows already marked sent are never sent again; only a crash between the receiver's "accepted" and the
/// mark can repeat one (the e-mail Message-ID and the webhook delivery id then let the receiver fold it).
/// </summary>
public sealed class NotificationDispatcher : BackgroundService
{
    private readonly FleetDb _db;
    private readonly FleetOptions _o;
    private readonly Dictionary<string, INotifier> _notifiers;
    private readonly FleetCounters _counters;
    private readonly ILogger<NotificationDispatcher> _log;
    private readonly Random _random = new();
    private readonly LiveSignal _stored;

    public NotificationDispatcher(FleetDb db, IOptions<FleetOptions> o, IEnumerable<INotifier> notifiers, FleetCounters counters, LiveSignal stored, ILogger<NotificationDispatcher> log)
    {
        _stored = stored;
        _db = db;
        _o = o.Value;
        _notifiers = notifiers.ToDictionary(n => n.Channel);
        _counters = counters;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            int sent = 0;
            try
            {
                sent = await RunOnceAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                _counters.Add("notify_db_errors");
                _log.LogWarning("Notification outbox not readable: {Error}", e.Message);
            }

            if (sent == 0)
            {
                // Woken at once when this instance stored something (a new alert may call for a notification); polled
                // for other instances' alerts and for retries.
                await _stored.WaitAsync(_o.Notify.PollMs, ct);
            }
        }
    }

    /// <summary>Claims and sends the due notifications once; returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Notification> due = await ClaimAsync(ct);
        await Task.WhenAll(due.Select(n => SendOneAsync(n, ct)));
        return due.Count;
    }

    private async Task SendOneAsync(Notification n, CancellationToken ct)
    {
        string? error = null;
        try
        {
            if (!_notifiers.TryGetValue(n.Channel, out INotifier? notifier))
            {
                throw new InvalidOperationException($"no notifier for channel '{n.Channel}' (is it configured?)");
            }

            await notifier.SendAsync(n, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = e.Message;
        }

        long now = IngestStore.Now();
        int attempts = n.Attempts + 1;
        if (error == null)
        {
            _counters.Add("notified_" + n.Channel);
            await MarkAsync("UPDATE notifications SET status = 'sent', attempts = @a, sent_ms = @now, claimed_until = NULL, last_error = NULL WHERE id = @id AND claimed_by = @me",
                ct, ("a", attempts), ("now", now), ("id", n.Id), ("me", _o.InstanceId));
            return;
        }

        _counters.Add("notify_failures_" + n.Channel);
        bool giveUp = attempts >= _o.Notify.MaxAttempts;
        long next = now + Backoff.DelayMs(attempts, _o.Notify.RetryMinMs, _o.Notify.RetryMaxMs, _random.NextDouble());
        if (giveUp)
        {
            _counters.Add("notify_given_up");
            _log.LogError("Notification {Id} ({Channel} to {Recipient}) given up after {Attempts} attempts: {Error}", n.Id, n.Channel, n.Recipient, attempts, error);
        }
        else if (attempts <= 3 || attempts % 10 == 0)
        {
            _log.LogWarning("Notification {Id} ({Channel} to {Recipient}) attempt {Attempts} failed: {Error}; next in {Wait} ms", n.Id, n.Channel, n.Recipient, attempts, error, next - now);
        }

        await MarkAsync("UPDATE notifications SET status = @s, attempts = @a, next_attempt_ms = @next, claimed_until = NULL, last_error = @e WHERE id = @id AND claimed_by = @me",
            ct, ("s", giveUp ? "failed" : "pending"), ("a", attempts), ("next", next), ("e", error.Length > 500 ? error[..500] : error), ("id", n.Id), ("me", _o.InstanceId));
    }

    /// <summary>Marks the outcome, retrying while the database is away (the claim keeps others off the row meanwhile).</summary>
    private async Task MarkAsync(string sql, CancellationToken ct, params (string, object?)[] args)
    {
        int wait = 200;
        while (true)
        {
            try
            {
                await using DbConnection c = await _db.OpenAsync(ct);
                await c.ExecAsync(sql, null, ct, args);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                _counters.Add("notify_db_errors");
                _log.LogWarning("Cannot record a notification's outcome yet: {Error}", e.Message);
                await Task.Delay(wait, ct);
                wait = Math.Min(5000, wait * 2);
            }
        }
    }

    private async Task<List<Notification>> ClaimAsync(CancellationToken ct)
    {
        long now = IngestStore.Now();
        string me = _o.InstanceId;
        const string due = "status = 'pending' AND next_attempt_ms <= @now AND (claimed_until IS NULL OR claimed_until < @now)";
        await using DbConnection c = await _db.OpenAsync(ct);
        await using (DbTransaction tx = await FleetDb.BeginWriteAsync(c, ct))
        {
            int n = await c.ExecAsync($"UPDATE notifications SET claimed_by = @me, claimed_until = @until WHERE id IN (SELECT id FROM notifications WHERE {due} ORDER BY id LIMIT 32) AND {due}",
                tx, ct, ("me", me), ("until", now + _o.Notify.ClaimMs), ("now", now));
            await tx.CommitAsync(ct);
            if (n == 0)
            {
                return new List<Notification>();
            }
        }

        var list = new List<Notification>();
        await using DbCommand q = c.Sql(
            "SELECT n.id, n.channel, n.recipient, n.attempts, a.id, a.vehicle_id, v.name, a.seq, a.t, a.code, a.sev, a.event, a.text, a.pos_m, a.strand_m, a.odo_km, v.soc_pct, v.route_end_m " +
            "FROM notifications n JOIN alerts a ON a.id = n.alert_id JOIN vehicles v ON v.vehicle_id = a.vehicle_id " +
            "WHERE n.claimed_by = @me AND n.status = 'pending' AND n.claimed_until = @until ORDER BY n.id", null, ("me", me), ("until", now + _o.Notify.ClaimMs));
        await using DbDataReader r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new Notification(r.GetInt64(0), r.GetString(1), r.GetString(2), Convert.ToInt32(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                r.GetInt64(4), r.GetString(5), r.GetStringOrNull(6), r.GetInt64(7), r.GetInt64(8), r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12),
                r.GetDoubleOrNull(13), r.GetDoubleOrNull(14), r.GetDoubleOrNull(15), r.GetDoubleOrNull(16), r.GetDoubleOrNull(17)));
        }

        return list;
    }
}
