using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Contract;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Ingest;

/// <summary>
/// The one writer between the MQTT clients and the database: takes received messages from a bounded queue, validates them
/// against the contract, writes them in batches (<see cref="IngestStore"/>), and only then acknowledges QoS 1 deliveries
/// to the broker. While the database is away it keeps retrying the same batch with backoff (nothing is acknowledged, so
/// nothing the broker delivered is lost); when the queue is full the MQTT clients wait, and the broker holds the rest.
/// A batch that fails while the database answers with an error that is not a busy or absent database
/// (<see cref="TransientErrors"/>) is split: a message that fails alone is recorded as refused.
/// </summary>
public sealed class IngestWriter : BackgroundService
{
    private readonly Channel<Inbound> _queue;
    private readonly IngestStore _store;
    private readonly ContractValidator _validator;
    private readonly FleetCounters _counters;
    private readonly FleetOptions _o;
    private readonly ILogger<IngestWriter> _log;
    private readonly LiveSignal _live;
    private long _lastErrorLogMs;

    public IngestWriter(IngestStore store, IOptions<FleetOptions> o, FleetCounters counters, LiveSignal live, ILogger<IngestWriter> log)
    {
        _store = store;
        _o = o.Value;
        _counters = counters;
        _live = live;
        _log = log;
        _validator = new ContractValidator(_o.Broker.TopicPrefix);
        _queue = Channel.CreateBounded<Inbound>(new BoundedChannelOptions(Math.Max(100, _o.Database.MaxPending))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Messages waiting for the database.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>True while the last write failed (the database is away).</summary>
    public bool DatabaseDown { get; private set; }

    /// <summary>Queues a received message; waits while the queue is full (the broker then holds further messages).</summary>
    public ValueTask EnqueueAsync(Inbound m, CancellationToken ct) => _queue.Writer.WriteAsync(m, ct);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var batch = new List<Inbound>(_o.Database.BatchSize);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < _o.Database.BatchSize && _queue.Reader.TryRead(out Inbound? m))
            {
                Validate(m);
                batch.Add(m);
            }

            await StoreWithRetryAsync(batch, ct);
            await AcknowledgeAsync(batch, ct);
            Count(batch);
            _live.Changed();
        }
    }

    private void Validate(Inbound m)
    {
        _counters.Add("received");
        m.Reject = _validator.Validate(m.Topic, m.Payload, out ValidatedMessage? v, out string detail);
        m.Message = v;
        m.Detail = detail;
        if (v != null)
        {
            _counters.Add("received_" + v.Kind.ToString().ToLowerInvariant());
        }
        else
        {
            _counters.Add("rejected_" + m.Reject.ToString().ToLowerInvariant());
            if (_counters.Get("rejected_" + m.Reject.ToString().ToLowerInvariant()) <= 20 || Environment.TickCount64 % 100 == 0)
            {
                _log.LogWarning("Refused {Topic} ({Bytes} bytes): {Reason}: {Detail}", m.Topic, m.Payload.Length, m.Reject, detail);
            }
        }
    }

    private async Task StoreWithRetryAsync(List<Inbound> batch, CancellationToken ct)
    {
        int waitMs = _o.Database.RetryMinMs;
        int failures = 0;
        while (true)
        {
            try
            {
                await _store.WriteAsync(batch, ct);
                if (DatabaseDown)
                {
                    _log.LogWarning("Database back after {Failures} failed writes; {Count} held messages stored", failures, batch.Count);
                }

                DatabaseDown = false;
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                failures++;
                _counters.Add("db_errors");
                if (!DatabaseDown || IngestStore.Now() - _lastErrorLogMs > 10_000)
                {
                    _log.LogError("Database write failed ({Error}); holding {Count} messages (+{Queued} queued) and retrying", e.Message, batch.Count, Pending);
                    _lastErrorLogMs = IngestStore.Now();
                }

                DatabaseDown = true;
                if (batch.Count > 1 && !TransientErrors.IsTransient(e) && await ReachableAsync(ct))
                {
                    // The database answers and the error is not one of a busy or absent database, so something in the
                    // batch is the trouble: store one by one.
                    await StoreOneByOneAsync(batch, ct);
                    DatabaseDown = false;
                    return;
                }

                await Task.Delay(waitMs, ct);
                waitMs = Math.Min(_o.Database.RetryMaxMs, waitMs * 2);
            }
        }
    }

    private async Task<bool> ReachableAsync(CancellationToken ct)
    {
        try
        {
            await _store.PingAsync(ct);
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task StoreOneByOneAsync(List<Inbound> batch, CancellationToken ct)
    {
        foreach (Inbound m in batch)
        {
            var one = new List<Inbound> { m };
            int waitMs = _o.Database.RetryMinMs;
            while (true)
            {
                try
                {
                    await _store.WriteAsync(one, ct);
                    break;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Busy or away (a locked SQLite file still answers reads): wait, never refuse the message for it.
                    if (TransientErrors.IsTransient(e) || !await ReachableAsync(ct))
                    {
                        await Task.Delay(waitMs, ct);
                        waitMs = Math.Min(_o.Database.RetryMaxMs, waitMs * 2);
                        continue;
                    }

                    _log.LogError("Message on {Topic} could not be stored ({Error}); recorded as refused", m.Topic, e.Message);
                    _counters.Add("store_refused");
                    m.Message?.Document.Dispose();
                    m.Message = null;
                    m.Reject = RejectReason.Invalid;
                    m.Detail = "could not be stored: " + e.Message;
                    await StoreWithRetryAsync(one, ct);
                    break;
                }
            }
        }
    }

    private async Task AcknowledgeAsync(List<Inbound> batch, CancellationToken ct)
    {
        foreach (Inbound m in batch)
        {
            m.Message?.Document.Dispose();
            if (m.Delivery == null)
            {
                continue;
            }

            try
            {
                await m.Delivery.AcknowledgeAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The connection went away after the commit: the broker re-sends it, and the store sees a duplicate.
                _counters.Add("ack_failed");
                _log.LogDebug("PUBACK for {Topic} not sent: {Error}", m.Topic, e.Message);
            }
        }
    }

    private void Count(List<Inbound> batch)
    {
        foreach (Inbound m in batch)
        {
            _counters.Add("outcome_" + m.Outcome.ToString().ToLowerInvariant());
            if (m.Outcome == StoreOutcome.Stored && m.AlertId > 0)
            {
                _counters.Add("alerts_stored");
            }
        }
    }
}
