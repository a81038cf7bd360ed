using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Web;

/// <summary>
/// Server-sent events for the page: <c>vehicle</c> (a vehicle summary that changed) and <c>command</c> (a command sent or
/// answered). Changes are read from the database (woken early by this instance's writes, polled for other instances'), with
/// an overlap window and a per-stream memory of what was sent, so a late commit is not missed and nothing is sent twice.
/// </summary>
public static class LiveFeed
{
    private const long OverlapMs = 5000;

    public static async Task StreamAsync(HttpContext h, FleetQueries q, LiveSignal signal, IOptions<FleetOptions> o)
    {
        CancellationToken ct = h.RequestAborted;
        h.Response.Headers.ContentType = "text/event-stream";
        h.Response.Headers.CacheControl = "no-cache";
        h.Response.Headers["X-Accel-Buffering"] = "no";
        var sentVehicles = new Dictionary<string, long>(StringComparer.Ordinal);
        var sentCommands = new Dictionary<string, string>(StringComparer.Ordinal);
        long cursor = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - OverlapMs;
        await h.Response.WriteAsync(": connected\n\n", ct);
        await h.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (JsonObject v in await q.VehiclesAsync(cursor, ct))
                {
                    string id = (string)v["id"]!;
                    long updated = (long)v["updated_ms"]!;
                    if (!sentVehicles.TryGetValue(id, out long last) || last != updated)
                    {
                        sentVehicles[id] = updated;
                        await h.Response.WriteAsync("event: vehicle\ndata: " + v.ToJsonString() + "\n\n", ct);
                    }
                }

                foreach (JsonNode? c in await q.CommandsSinceAsync(cursor, ct))
                {
                    string key = (string)c!["request_id"]!;
                    string state = (string)c["state"]!;
                    if (!sentCommands.TryGetValue(key, out string? last) || last != state)
                    {
                        sentCommands[key] = state;
                        await h.Response.WriteAsync("event: command\ndata: " + c.ToJsonString() + "\n\n", ct);
                    }
                }

                await h.Response.WriteAsync(": ping\n\n", ct);
                await h.Response.Body.FlushAsync(ct);
                cursor = now - OverlapMs;
                await signal.WaitAsync(o.Value.Web.LivePollMs, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
