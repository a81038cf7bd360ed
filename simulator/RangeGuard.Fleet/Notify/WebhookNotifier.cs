using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Notify;

/// <summary>
/// HTTP POST of the JSON body in <see cref="Notification.WebhookJson"/>, signed:
/// <c>X-RangeGuard-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))</c> with
/// <c>X-RangeGuard-Timestamp</c> (Unix seconds) and <c>X-RangeGuard-Delivery</c> (the notification id, stable across
/// retries, so a receiver can drop a repeat). Any 2xx answer counts as delivered.
/// </summary>
public sealed class WebhookNotifier : INotifier
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _o;

    public WebhookNotifier(HttpClient http, IOptions<FleetOptions> o)
    {
        _http = http;
        _o = o.Value.Notify.Webhook;
        _http.Timeout = TimeSpan.FromMilliseconds(_o.TimeoutMs);
    }

    public string Channel => "webhook";

    public static string Sign(string secret, string timestamp, string body)
    {
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    public async Task SendAsync(Notification n, CancellationToken ct)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string body = n.WebhookJson(now);
        string ts = (now / 1000).ToString(CultureInfo.InvariantCulture);
        using var req = new HttpRequestMessage(HttpMethod.Post, n.Recipient) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.Add("X-RangeGuard-Timestamp", ts);
        req.Headers.Add("X-RangeGuard-Signature", Sign(_o.Secret, ts, body));
        req.Headers.Add("X-RangeGuard-Delivery", "rg-notification-" + n.Id.ToString(CultureInfo.InvariantCulture));
        using HttpResponseMessage resp = await _http.SendAsync(req, ct);
        if (!resp.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"webhook answered {(int)resp.StatusCode} {resp.ReasonPhrase}");
        }
    }
}
