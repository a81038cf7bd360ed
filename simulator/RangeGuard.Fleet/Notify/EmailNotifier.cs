using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using RangeGuard.Fleet.Options;

namespace RangeGuard.Fleet.Notify;

/// <summary>
/// E-mail through SMTP (MailKit). One message per recipient (driver, each crew address) so a refused address is retried
/// on its own. The Message-ID is derived from the notification id, so a resend after a crash between "accepted" and
/// "marked sent" carries the same id and mail systems can fold it.
/// </summary>
public sealed class EmailNotifier : INotifier
{
    private readonly SmtpOptions _o;

    public EmailNotifier(IOptions<FleetOptions> o)
    {
        _o = o.Value.Notify.Smtp;
    }

    public string Channel => "email";

    public async Task SendAsync(Notification n, CancellationToken ct)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse(_o.From));
        m.To.Add(MailboxAddress.Parse(n.Recipient));
        m.Subject = n.Subject;
        m.MessageId = $"rg-notification-{n.Id}@rangeguard.fleet";
        m.Headers.Add("X-RangeGuard-Alert", $"{n.VehicleId}/{n.Seq}/{n.Code}");
        m.Body = new TextPart("plain") { Text = n.Body };
        using var client = new SmtpClient { Timeout = _o.TimeoutMs };
        SecureSocketOptions security = _o.Security.ToLowerInvariant() switch
        {
            "tls" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(_o.Host ?? "localhost", _o.Port, security, ct);
        if (!string.IsNullOrEmpty(_o.Username))
        {
            await client.AuthenticateAsync(_o.Username, _o.Password ?? string.Empty, ct);
        }

        await client.SendAsync(m, ct);
        await client.DisconnectAsync(true, ct);
    }
}
