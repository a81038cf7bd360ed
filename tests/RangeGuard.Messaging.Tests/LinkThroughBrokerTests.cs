using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging.Commands;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Ports;

namespace RangeGuard.Messaging.Tests;

/// <summary>The host adapter, the outbox and the command parser through a real mosquitto with the shipped ACL.</summary>
[TestClass]
public class LinkThroughBrokerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private sealed class SystemClock : IClock
    {
        public long UtcMilliseconds => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    private static MqttNetLink Link(MosquittoFixture broker, MqttTopics topics) => new(new MqttLinkOptions
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = topics.VehicleId,
        Username = topics.VehicleId,
        Password = MosquittoFixture.Password,
        WillTopic = topics.Status,
        WillPayload = "{\"v\":1,\"state\":\"offline\"}",
        Subscriptions = new[] { topics.CommandFilter },
    });

    private static MessageOutbox Outbox(string folder, MqttTopics topics)
    {
        var o = new MessageOutbox(48, 24000, new AlertStore(new DirectoryFileStore(folder)), new SystemClock()) { AlertTopic = topics.Alerts };
        o.Open();
        return o;
    }

    private static string Alert(int seq) => "{\"v\":1,\"seq\":" + seq + ",\"code\":\"RG-PONR\",\"event\":\"raise\"}";

    /// <summary>Pumps until the outbox is empty (what the core loop does every iteration).</summary>
    private static async Task FlushAsync(MessageOutbox o, IMqttLink link)
    {
        var until = DateTime.UtcNow + Wait;
        while (o.Count > 0 && DateTime.UtcNow < until)
        {
            o.Pump(link, 4);
            await Task.Delay(10);
        }

        Assert.AreEqual(0, o.Count, "outbox flushed");
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "rg-outbox-" + Guid.NewGuid().ToString("N")[..8]);

    [TestMethod]
    public async Task Alerts_should_arrive_once_in_order_and_the_last_will_should_say_offline()
    {
        using var broker = new MosquittoFixture("car-a");
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, "car-a");
        var (fleet, _) = await TestClient.ConnectAsync(broker.Port, MosquittoFixture.FleetUser, "fleet");
        await using (fleet)
        {
            await fleet.SubscribeAsync("rangeguard/v1/#");
            string folder = TempFolder();
            var link = Link(broker, topics);
            link.Start();
            Assert.IsTrue(await link.WaitConnectedAsync(Wait), link.LastError);
            var o = Outbox(folder, topics);
            o.Post(topics.Status, "{\"v\":1,\"state\":\"online\"}", MessageClass.Retained);
            for (int i = 0; i < 5; i++)
            {
                Assert.IsTrue(o.PostAlert(topics.Alerts, o.NextAlertSeq, Alert(o.NextAlertSeq)));
                o.Post(topics.Telemetry, "{\"v\":1,\"seq\":" + i + "}", MessageClass.Telemetry);
            }

            await FlushAsync(o, link);
            var alerts = await fleet.WaitForAsync("/car-a/alerts", 5, Wait);
            CollectionAssert.AreEqual(new[] { Alert(1), Alert(2), Alert(3), Alert(4), Alert(5) }, alerts);
            Assert.AreEqual(5, (await fleet.WaitForAsync("/car-a/telemetry", 5, Wait)).Count);

            // The car vanishes (no clean disconnect): the broker publishes the retained last will.
            link.Abort();
            var status = await fleet.WaitForAsync("/car-a/status", 2, Wait);
            Assert.AreEqual("{\"v\":1,\"state\":\"offline\"}", status[^1]);
            string retained = broker.Client("mosquitto_sub", MosquittoFixture.FleetUser, "-C", "1", "-W", "5", "-t", topics.Status);
            Assert.AreEqual("{\"v\":1,\"state\":\"offline\"}", retained.Trim(), "a late subscriber finds offline");
            Directory.Delete(folder, true);
        }
    }

    [TestMethod]
    public async Task Alerts_queued_while_the_broker_is_down_and_across_a_car_restart_should_all_arrive_in_order()
    {
        using var broker = new MosquittoFixture("car-a");
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, "car-a");
        string folder = TempFolder();
        var link = Link(broker, topics);
        link.Start();
        Assert.IsTrue(await link.WaitConnectedAsync(Wait), link.LastError);
        var o = Outbox(folder, topics);

        broker.Stop();
        for (int i = 0; i < 3; i++)
        {
            o.PostAlert(topics.Alerts, o.NextAlertSeq, Alert(o.NextAlertSeq));
            o.Pump(link, 4);
        }

        // The car process restarts while offline: a new outbox over the same folder reloads alerts 1..3 and the seq.
        link.Abort();
        o = Outbox(folder, topics);
        Assert.AreEqual(3, o.Count);
        o.PostAlert(topics.Alerts, o.NextAlertSeq, Alert(o.NextAlertSeq));
        Assert.AreEqual(5, o.NextAlertSeq);

        broker.Start();
        var (fleet, _) = await TestClient.ConnectAsync(broker.Port, MosquittoFixture.FleetUser, "fleet");
        await using (fleet)
        {
            await fleet.SubscribeAsync("rangeguard/v1/+/alerts");
            link = Link(broker, topics);
            link.Start();
            Assert.IsTrue(await link.WaitConnectedAsync(Wait), link.LastError);
            await FlushAsync(o, link);
            var alerts = await fleet.WaitForAsync("/alerts", 4, Wait);
            CollectionAssert.AreEqual(new[] { Alert(1), Alert(2), Alert(3), Alert(4) }, alerts);
            await link.CloseAsync(topics.Status, "{\"v\":1,\"state\":\"offline\",\"reason\":\"shutdown\"}");
        }

        Assert.AreEqual(0, Outbox(folder, topics).Count, "acknowledged alerts are not reloaded");
        Directory.Delete(folder, true);
    }

    [TestMethod]
    public async Task Commands_from_mosquitto_pub_should_be_answered_on_the_result_topic()
    {
        using var broker = new MosquittoFixture("car-a");
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, "car-a");
        string folder = TempFolder();
        var link = Link(broker, topics);
        link.Start();
        Assert.IsTrue(await link.WaitConnectedAsync(Wait), link.LastError);
        var o = Outbox(folder, topics);
        var parser = new CommandParser(200);
        var json = new JsonWriter(512);

        var results = Task.Run(() => broker.Client("mosquitto_sub", MosquittoFixture.FleetUser, "-q", "1", "-C", "2", "-W", "15", "-v", "-t", "rangeguard/v1/car-a/cmd/+/result"));
        await Task.Delay(500); // let mosquitto_sub subscribe
        broker.Client("mosquitto_pub", MosquittoFixture.FleetUser, "-q", "1", "-t", topics.CommandPrefix + "ping", "-m", "{\"id\":\"p-1\"}");
        broker.Client("mosquitto_pub", MosquittoFixture.FleetUser, "-q", "1", "-t", topics.CommandPrefix + "route", "-m", "{\"id\":\"r-9\",\"segments\":[{\"len_m\":-5,\"speed_kmh\":50}]}");

        // The loop's part: poll received commands, parse, answer.
        int answered = 0;
        var until = DateTime.UtcNow + Wait;
        while (answered < 2 && DateTime.UtcNow < until)
        {
            if (link.TryReceive(out string topic, out byte[] payload))
            {
                string name = topics.CommandName(topic);
                bool ok = parser.Parse(name, payload, payload.Length, float.NaN, null);
                o.Post(topics.ResultTopic(name), CommandResult.Write(json, parser, ok, 1767988800000L, name == "ping" ? 12 : -1), MessageClass.Result);
                answered++;
            }

            o.Pump(link, 4);
            await Task.Delay(10);
        }

        await FlushAsync(o, link);
        string got = await results;
        StringAssert.Contains(got, "rangeguard/v1/car-a/cmd/ping/result {\"v\":1,\"id\":\"p-1\",\"ok\":true,\"t\":1767988800000,\"up_s\":12}");
        StringAssert.Contains(got, "rangeguard/v1/car-a/cmd/route/result {\"v\":1,\"id\":\"r-9\",\"ok\":false,\"t\":1767988800000,\"error\":{\"field\":\"segments[0].len_m\",\"reason\":\"-5 is outside 1..100000\"}}");
        await link.DisposeAsync();
        Directory.Delete(folder, true);
    }
}
