using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Notify;
using RangeGuard.Fleet.Tests.Fixtures;

namespace RangeGuard.Fleet.Tests.Service;

/// <summary>
/// Critical alerts and the cold-soak warning reach the driver and the crew by e-mail (a real SMTP server, aiosmtpd), a
/// signed webhook (a real HTTP listener) and the log: once, also across a restart, and after the SMTP server refused for a while.
/// </summary>
[TestClass]
public sealed class NotificationTests
{
    private static Dictionary<string, string?> Settings(TestDatabase db, int brokerPort, SmtpServer smtp, WebhookReceiver hook)
    {
        var s = FleetHost.Defaults(db, brokerPort);
        s["Fleet:Vehicles:0:Id"] = "car-1";
        s["Fleet:Vehicles:0:Name"] = "Van 1";
        s["Fleet:Vehicles:0:DriverEmail"] = "driver@fleet.test";
        s["Fleet:Notify:CrewEmails:0"] = "crew@fleet.test";
        s["Fleet:Notify:Smtp:Host"] = "127.0.0.1";
        s["Fleet:Notify:Smtp:Port"] = smtp.Port.ToString();
        s["Fleet:Notify:Webhook:Url"] = hook.Url;
        s["Fleet:Notify:Webhook:Secret"] = "webhook-secret";
        return s;
    }

    private static Task WaitSentAsync(FleetHost h, long count) => Requirements.WaitForAsync(
        async () => await h.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE status = 'sent'") >= count, TimeSpan.FromSeconds(30), $"{count} notifications sent");

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task ACriticalAlertIsSentOnceToEachRecipientAndNotAgainAfterARestart(string provider)
    {
        using var broker = new MosquittoFixture("car-1");
        using var smtp = new SmtpServer();
        smtp.Start();
        using var hook = new WebhookReceiver();
        await using TestDatabase db = await TestDatabase.CreateAsync(provider);
        var settings = Settings(db, broker.Port, smtp, hook);
        await using TestCar car = await TestCar.ConnectAsync("car-1", broker.Port);
        await using (FleetHost h = await FleetHost.StartAsync(settings))
        {
            await car.AlertAsync(1, "RG-ARRIVE-LOW", "advisory");
            await car.AlertAsync(2, "RG-STRANDED", "critical");
            await car.AlertAsync(2, "RG-STRANDED", "critical"); // redelivered
            await WaitSentAsync(h, 4);
            await Task.Delay(500);
            Assert.AreEqual(4, await h.ScalarAsync("SELECT COUNT(*) FROM notifications"));
            Assert.AreEqual(1, h.Counters.Get("notified_log"));
            Assert.AreEqual(2, h.Counters.Get("notified_email"));
            Assert.AreEqual(1, h.Counters.Get("notified_webhook"));
        }

        // A restart finds every notification marked sent: nothing goes out again.
        await using (FleetHost again = await FleetHost.StartAsync(settings))
        {
            await Task.Delay(1500);
            Assert.AreEqual(0, again.Counters.Get("notified_email") + again.Counters.Get("notified_webhook") + again.Counters.Get("notified_log"));
        }

        List<string> mails = smtp.Messages();
        Assert.AreEqual(2, mails.Count, string.Join("\n---\n", mails));
        Assert.AreEqual(1, mails.Count(m => m.Contains("To: driver@fleet.test")));
        Assert.AreEqual(1, mails.Count(m => m.Contains("To: crew@fleet.test")));
        Assert.IsTrue(mails.All(m => m.Contains("RG-STRANDED") && m.Contains("Van 1") && m.Contains("Nothing reachable")), mails[0]);

        Assert.AreEqual(1, hook.Received.Count);
        var (headers, body) = hook.Received.Single();
        string ts = headers["X-RangeGuard-Timestamp"];
        Assert.AreEqual(WebhookNotifier.Sign("webhook-secret", ts, body), headers["X-RangeGuard-Signature"], "HMAC-SHA256 over timestamp.body");
        StringAssert.StartsWith(headers["X-RangeGuard-Delivery"], "rg-notification-");
        JsonObject b = JsonNode.Parse(body)!.AsObject();
        Assert.AreEqual(1, (int)b["v"]!);
        Assert.AreEqual("car-1", (string?)b["vehicle"]!["id"]);
        Assert.AreEqual("Van 1", (string?)b["vehicle"]!["name"]);
        Assert.AreEqual("RG-STRANDED", (string?)b["alert"]!["code"]);
        Assert.AreEqual(2, (long)b["alert"]!["seq"]!);
        Assert.AreEqual(18333, (double)b["alert"]!["strand_m"]!, 1e-9);
    }

    [TestMethod]
    public async Task RefusingReceiversAreRetriedWithBackoffAndGetEachMessageOnce()
    {
        // Time-compressed: the SMTP server refuses connections and the webhook answers 500 for 3 s (the policy is the same
        // for a minute: retries back off from RetryMinMs to RetryMaxMs, default 1 s to 60 s, 30 attempts).
        using var broker = new MosquittoFixture("car-1");
        using var smtp = new SmtpServer();
        using var hook = new WebhookReceiver { AnswerStatus = 500 };
        await using TestDatabase db = await TestDatabase.CreateAsync("sqlite");
        await using FleetHost h = await FleetHost.StartAsync(Settings(db, broker.Port, smtp, hook));
        await using TestCar car = await TestCar.ConnectAsync("car-1", broker.Port);
        await car.AlertAsync(1, "RG-COLD-SOAK", "advisory");
        await car.AlertAsync(2, "RG-PONR", "critical");
        await Requirements.WaitForAsync(() => Task.FromResult(h.Counters.Get("notify_failures_email") >= 4 && h.Counters.Get("notify_failures_webhook") >= 2),
            TimeSpan.FromSeconds(20), "failed attempts");
        await Task.Delay(3000);
        smtp.Start();
        hook.AnswerStatus = 200;
        await WaitSentAsync(h, 8);
        await Task.Delay(1000);
        Assert.AreEqual(4, smtp.Messages().Count);
        Assert.AreEqual(2, hook.Received.Count);
        Assert.AreEqual(0, await h.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE status <> 'sent'"));
        Assert.IsTrue(await h.ScalarAsync("SELECT MAX(attempts) FROM notifications WHERE channel = 'email'") >= 3);
    }
}
