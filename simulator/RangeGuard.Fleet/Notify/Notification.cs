using System.Text.Json;

namespace RangeGuard.Fleet.Notify;

/// <summary>One due notification with the alert and vehicle it is about (read from the outbox table).</summary>
public sealed record Notification(
    long Id,
    string Channel,
    string Recipient,
    int Attempts,
    long AlertId,
    string VehicleId,
    string? VehicleName,
    long Seq,
    long T,
    string Code,
    string Sev,
    string Event,
    string Text,
    double? PosM,
    double? StrandM,
    double? OdoKm,
    double? SocPct,
    double? RouteEndM)
{
    /// <summary>The webhook body (documented in the README, "Webhook"): stable field names, version 1.</summary>
    public string WebhookJson(long sentMs) => JsonSerializer.Serialize(new
    {
        v = 1,
        id = "rg-notification-" + Id,
        sent_ms = sentMs,
        vehicle = new { id = VehicleId, name = VehicleName, soc_pct = SocPct, route_end_m = RouteEndM },
        alert = new { seq = Seq, t = T, code = Code, sev = Sev, @event = Event, text = Text, pos_m = PosM, strand_m = StrandM, odo_km = OdoKm },
    });

    public string Subject => $"[RangeGuard] {Sev.ToUpperInvariant()} {Code} — {VehicleName ?? VehicleId}";

    public string Body => $"{Text}\n\nVehicle: {VehicleName ?? VehicleId} ({VehicleId})\nAlert: {Code} ({Sev}, {Event}), seq {Seq}\n" +
        $"Car time: {DateTimeOffset.FromUnixTimeMilliseconds(T):u}\n" +
        (PosM is double p ? $"Position on the route: {p / 1000:0.0} km{(RouteEndM is double e ? $" of {e / 1000:0.0} km" : string.Empty)}\n" : string.Empty) +
        (StrandM is double s && s >= 0 ? $"Expected to strand at {s / 1000:0.0} km along the route\n" : string.Empty) +
        (SocPct is double soc ? $"State of charge: {soc:0.0} %\n" : string.Empty);
}

/// <summary>A way to tell people: throws when the message was not accepted (then the dispatcher retries).</summary>
public interface INotifier
{
    string Channel { get; }

    Task SendAsync(Notification n, CancellationToken ct);
}
