using System.Collections.Concurrent;

namespace RangeGuard.Fleet.Ingest;

/// <summary>
/// Named counters of what the service saw and did (received per kind, rejected per reason, duplicates, gaps, database and
/// notifier errors, …). In memory per instance, shown at <c>GET /api/metrics</c> and logged every minute when they move.
/// </summary>
public sealed class FleetCounters
{
    private readonly ConcurrentDictionary<string, long> _values = new(StringComparer.Ordinal);

    public void Add(string name, long by = 1) => _values.AddOrUpdate(name, by, (_, v) => v + by);

    public long Get(string name) => _values.TryGetValue(name, out long v) ? v : 0;

    public SortedDictionary<string, long> Snapshot() => new(_values, StringComparer.Ordinal);
}
