using System.Data.Common;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Ingest;

/// <summary>
/// Instances that share a subscription also share the work of a dead one. A shared subscription keeps routing a share of
/// the messages to a member whose persistent session outlives it (Mosquitto queues them for that session, and messages in
/// flight at the crash stay unacknowledged there). So every instance writes a heartbeat row; when a peer of the same group
/// has been silent for <see cref="BrokerOptions.TakeoverAfterMs"/>, a survivor connects with the peer's client id and
/// resumes its session: the broker hands over the queued and unacknowledged messages (stored once: alerts are unique by
/// vehicle, seq and time) and keeps routing the peer's share to it. When the peer comes back it takes its session back
/// (the broker disconnects the adopter with "session taken over"), and the adopter lets go.
/// </summary>
public sealed class PeerTakeover : BackgroundService
{
    private readonly FleetDb _db;
    private readonly FleetOptions _o;
    private readonly IngestWriter _writer;
    private readonly FleetCounters _counters;
    private readonly ILogger<PeerTakeover> _log;
    private readonly Dictionary<string, BrokerConnection> _adopted = new();
    private readonly Dictionary<string, (long Beat, long SeenAt)> _seen = new();

    public PeerTakeover(FleetDb db, IOptions<FleetOptions> o, IngestWriter writer, FleetCounters counters, ILogger<PeerTakeover> log)
    {
        _db = db;
        _o = o.Value;
        _writer = writer;
        _counters = counters;
        _log = log;
    }

    /// <summary>Client ids of the peer sessions this instance holds now.</summary>
    public IReadOnlyCollection<string> Adopted => _adopted.Keys.ToArray();

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await BeatAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                _log.LogDebug("Heartbeat failed: {Error}", e.Message);
            }

            await Task.Delay(_o.Broker.HeartbeatMs, ct);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (BrokerConnection c in _adopted.Values)
        {
            await c.DisposeAsync();
        }

        _adopted.Clear();
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        long now = IngestStore.Now();
        string me = _o.InstanceId;
        await using DbConnection c = await _db.OpenAsync(ct);
        await c.ExecAsync("INSERT INTO fleet_instances (instance_id, client_id, share_group, heartbeat_ms) VALUES (@i, @c, @g, @t) " +
            "ON CONFLICT (instance_id) DO UPDATE SET client_id = excluded.client_id, share_group = excluded.share_group, heartbeat_ms = excluded.heartbeat_ms",
            null, ct, ("i", me), ("c", MqttIngest.ClientIdOf(me)), ("g", _o.Broker.ShareGroup), ("t", now));
        if (_o.Broker.TakeoverAfterMs <= 0 || _o.Broker.Embedded)
        {
            return;
        }

        var peers = new List<(string Id, string Client, long Beat)>();
        await using (DbCommand q = c.Sql("SELECT instance_id, client_id, heartbeat_ms FROM fleet_instances WHERE share_group = @g AND instance_id <> @i", null,
            ("g", _o.Broker.ShareGroup), ("i", me)))
        await using (DbDataReader r = await q.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                peers.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
            }
        }

        long mono = Environment.TickCount64;
        foreach (var (id, client, beat) in peers)
        {
            // Silence is judged on this instance's own clock: how long since the peer's heartbeat value last changed.
            if (!_seen.TryGetValue(id, out var s) || s.Beat != beat)
            {
                _seen[id] = (beat, mono);
                s = _seen[id];
                if (_adopted.Remove(client, out BrokerConnection? back))
                {
                    _log.LogWarning("Peer {Peer} is back: releasing its session", id);
                    await back.DisposeAsync();
                }

                continue;
            }

            bool silent = mono - s.SeenAt > _o.Broker.TakeoverAfterMs;
            if (silent && !_adopted.ContainsKey(client))
            {
                _log.LogWarning("Peer {Peer} silent for {Ms} ms: taking over its broker session {Client}", id, mono - s.SeenAt, client);
                _counters.Add("peer_takeovers");
                var conn = new BrokerConnection(client, subscribe: false, _o, _writer, _counters, _log);
                conn.Start();
                _adopted[client] = conn;
            }
        }

        foreach (var (client, conn) in _adopted.ToArray())
        {
            if (conn.SessionTakenOver)
            {
                _log.LogWarning("Session {Client} taken back by its owner", client);
                _adopted.Remove(client);
                await conn.DisposeAsync();
            }
        }
    }
}
