using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Tests.Fixtures;

namespace RangeGuard.Fleet.Tests.Service;

/// <summary>
/// Cars → Mosquitto (the shipped config and ACL) → the service → SQLite or PostgreSQL: every alert stored once, bad input
/// counted and kept, and nothing the broker delivered lost across a service restart, a broker restart or a database outage.
/// </summary>
[TestClass]
public sealed class IngestThroughBrokerTests
{
    private static async Task WaitAlertsAsync(FleetHost h, string vehicle, long count, int seconds = 20) =>
        await Requirements.WaitForAsync(async () => await h.ScalarAsync($"SELECT COUNT(*) FROM alerts WHERE vehicle_id = '{vehicle}'") >= count,
            TimeSpan.FromSeconds(seconds), $"{count} alerts of {vehicle}");

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task AlertsAreStoredOnceAndBadInputIsCountedAndKept(string provider)
    {
        using var broker = new MosquittoFixture("car-1", "car-2");
        await using TestDatabase db = await TestDatabase.CreateAsync(provider);
        var settings = FleetHost.Defaults(db, broker.Port);
        settings["Fleet:Vehicles:0:Id"] = "car-1";
        settings["Fleet:Vehicles:0:Name"] = "Van 1";
        await using FleetHost h = await FleetHost.StartAsync(settings);
        await using TestCar car = await TestCar.ConnectAsync("car-1", broker.Port);
        await using TestCar stranger = await TestCar.ConnectAsync("car-2", broker.Port);

        await car.PublishAsync("status", Payloads.Status(), retain: true);
        await car.PublishAsync("telemetry", Payloads.Telemetry(1, 61.5, 4200, TestCar.T0 + 500), qos: 0);
        await car.PublishAsync("forecast", Payloads.Forecast(TestCar.T0 + 600), retain: true);
        foreach (long seq in new long[] { 1, 2, 3, 3, 5, 4, 5 })
        {
            await car.AlertAsync(seq);
        }

        await car.PublishAsync("telemetry", "{\"v\":1,\"t\":", qos: 0);                       // malformed
        await car.PublishAsync("alerts", Payloads.Alert(6) + new string(' ', 1000));           // oversized
        await car.PublishAsync("alerts", Payloads.Alert(6).Replace("\"v\":1", "\"v\":2"));      // wrong version
        await car.PublishAsync("alerts", Payloads.Alert(6).Replace("critical", "urgent"));      // invalid field
        await stranger.AlertAsync(1);                                                        // a vehicle the fleet does not know
        await car.AlertAsync(6);                                                             // the service carries on

        await WaitAlertsAsync(h, "car-1", 6);
        await WaitAlertsAsync(h, "car-2", 1);
        await Requirements.WaitForAsync(async () => await h.ScalarAsync("SELECT COUNT(*) FROM rejected_messages") >= 4, TimeSpan.FromSeconds(10), "4 refused payloads");
        Assert.AreEqual(6, await h.ScalarAsync("SELECT COUNT(DISTINCT seq) FROM alerts WHERE vehicle_id = 'car-1'"));
        Assert.AreEqual(2, await h.ScalarAsync("SELECT duplicates FROM vehicles WHERE vehicle_id = 'car-1'"));
        Assert.AreEqual(1, await h.ScalarAsync("SELECT COUNT(*) FROM seq_events WHERE vehicle_id = 'car-1' AND kind = 'gap' AND seq = 5"));
        Assert.AreEqual(1, await h.ScalarAsync("SELECT COUNT(*) FROM seq_events WHERE vehicle_id = 'car-1' AND kind = 'late' AND seq = 4"));
        foreach (string reason in new[] { "Malformed", "Oversized", "WrongVersion", "Invalid" })
        {
            Assert.AreEqual(1, await h.ScalarAsync($"SELECT COUNT(*) FROM rejected_messages WHERE reason = '{reason}' AND vehicle_id = 'car-1'"), reason);
        }

        Assert.AreEqual(1, h.Counters.Get("rejected_malformed"));
        Assert.AreEqual(1, h.Counters.Get("rejected_oversized"));
        Assert.AreEqual(1, h.Counters.Get("rejected_wrongversion"));
        Assert.AreEqual(1, h.Counters.Get("rejected_invalid"));

        JsonObject v1 = await h.VehicleAsync("car-1");
        Assert.AreEqual("Van 1", (string?)v1["name"]);
        Assert.AreEqual("online", (string?)v1["state"]);
        Assert.AreEqual(61.5, (double)v1["soc_pct"]!, 1e-9);
        Assert.AreEqual(9.5, (double)v1["dest_p50"]!, 1e-9);
        Assert.AreEqual(0, (long)v1["missing_seq"]!);
        JsonObject metrics = JsonNode.Parse(await h.Api.GetStringAsync("/api/metrics"))!.AsObject();
        Assert.IsTrue((bool)metrics["shared_subscriptions"]!, "mosquitto offers MQTT 5 shared subscriptions and the service uses them");
        JsonObject v2 = await h.VehicleAsync("car-2");
        Assert.IsFalse((bool)v2["registered"]!);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task AlertsSentWhileTheServiceIsDownArriveAfterItRestarts(string provider)
    {
        using var broker = new MosquittoFixture("car-1");
        await using TestDatabase db = await TestDatabase.CreateAsync(provider);
        var settings = FleetHost.Defaults(db, broker.Port);
        await using TestCar car = await TestCar.ConnectAsync("car-1", broker.Port);
        await using (FleetHost h = await FleetHost.StartAsync(settings))
        {
            for (long seq = 1; seq <= 10; seq++)
            {
                await car.AlertAsync(seq);
            }

            await WaitAlertsAsync(h, "car-1", 10);
        }

        // The service is gone; its persistent session on the broker queues what the car sends meanwhile.
        for (long seq = 11; seq <= 40; seq++)
        {
            await car.AlertAsync(seq);
        }

        await using FleetHost again = await FleetHost.StartAsync(settings);
        await WaitAlertsAsync(again, "car-1", 40);
        Assert.AreEqual(40, await again.ScalarAsync("SELECT COUNT(DISTINCT seq) FROM alerts"));
        Assert.AreEqual(0, await again.ScalarAsync("SELECT COUNT(*) FROM seq_events WHERE kind = 'gap'"));
    }

    [TestMethod]
    public async Task RetainedStateFromBeforeTheServiceStartedIsRead()
    {
        // Shared subscriptions never deliver retained messages (MQTT 5), so the service reads them once after connecting.
        using var broker = new MosquittoFixture("car-1");
        await using TestDatabase db = await TestDatabase.CreateAsync("sqlite");
        await using (TestCar car = await TestCar.ConnectAsync("car-1", broker.Port))
        {
            await car.PublishAsync("status", Payloads.Status(), retain: true);
            await car.PublishAsync("forecast", Payloads.Forecast(TestCar.T0 + 600, p50: 12.5), retain: true);
            await car.PublishAsync("alerts/active", Payloads.Active(3, TestCar.T0 + 700, ("RG-PONR", "critical")), retain: true);
        }

        await using FleetHost h = await FleetHost.StartAsync(FleetHost.Defaults(db, broker.Port));
        await Requirements.WaitForAsync(async () => await h.ScalarAsync("SELECT COUNT(*) FROM vehicles WHERE active_t IS NOT NULL AND forecast_t IS NOT NULL AND status_t IS NOT NULL") == 1,
            TimeSpan.FromSeconds(15), "the retained state");
        JsonObject v = await h.VehicleAsync("car-1");
        Assert.AreEqual("online", (string?)v["state"]);
        Assert.AreEqual(12.5, (double)v["dest_p50"]!, 1e-9);
        Assert.AreEqual(4, (int)v["top_sev"]!);
        await Requirements.WaitForAsync(() => Task.FromResult(h.Counters.Get("retained_synced") > 0), TimeSpan.FromSeconds(10), "the retained read to finish");
        Assert.AreEqual(3, h.Counters.Get("retained_synced"));
    }

    [TestMethod]
    public async Task ABrokerRestartIsSurvived()
    {
        using var broker = new MosquittoFixture("car-1");
        await using TestDatabase db = await TestDatabase.CreateAsync("sqlite");
        await using FleetHost h = await FleetHost.StartAsync(FleetHost.Defaults(db, broker.Port));
        await using (TestCar car = await TestCar.ConnectAsync("car-1", broker.Port))
        {
            await car.AlertAsync(1);
            await WaitAlertsAsync(h, "car-1", 1);
        }

        broker.Stop();
        await Task.Delay(1500);
        broker.Start();
        await Requirements.WaitForAsync(() => Task.FromResult(h.Counters.Get("broker_connects") >= 2), TimeSpan.FromSeconds(40), "the service to reconnect");
        await using TestCar again = await TestCar.ConnectAsync("car-1", broker.Port);
        await again.AlertAsync(2);
        await WaitAlertsAsync(h, "car-1", 2);
        Assert.IsTrue(h.Counters.Get("broker_disconnects") >= 1);
        Assert.AreEqual(2, await h.ScalarAsync("SELECT last_seq FROM vehicles WHERE vehicle_id = 'car-1'"));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task ADatabaseOutageLosesNothingAndStoresNothingTwice(string provider)
    {
        // Time-compressed: the database is away for 4 s instead of 30 (the writer's behaviour does not depend on how long:
        // it holds the batch, acknowledges nothing, retries with backoff capped at RetryMaxMs).
        using var broker = new MosquittoFixture("car-1");
        await using TestDatabase db = await TestDatabase.CreateAsync(provider);
        var settings = FleetHost.Defaults(db, broker.Port);
        settings["Fleet:Database:BusyTimeoutMs"] = "300";
        await using FleetHost h = await FleetHost.StartAsync(settings);
        await using TestCar car = await TestCar.ConnectAsync("car-1", broker.Port);
        await car.AlertAsync(1);
        await WaitAlertsAsync(h, "car-1", 1);

        SqliteConnection? locker = null;
        SqliteTransaction? lockTx = null;
        if (provider == "sqlite")
        {
            // Another process holding the write lock: every write of the service fails with SQLITE_BUSY meanwhile.
            locker = new SqliteConnection(db.Options.ConnectionString);
            await locker.OpenAsync();
            lockTx = locker.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
            using var lockCmd = locker.CreateCommand();
            lockCmd.Transaction = lockTx;
            lockCmd.CommandText = "UPDATE vehicles SET updated_ms = updated_ms";
            await lockCmd.ExecuteNonQueryAsync();
        }
        else
        {
            await db.BreakAsync();
        }

        for (long seq = 2; seq <= 30; seq++)
        {
            await car.AlertAsync(seq);
        }

        await car.AlertAsync(7); // a redelivery while the database is away
        await Requirements.WaitForAsync(() => Task.FromResult(h.Counters.Get("db_errors") >= 3), TimeSpan.FromSeconds(20), "failed writes to be counted");
        await Task.Delay(4000);
        if (locker != null)
        {
            lockTx!.Rollback();
            await locker.DisposeAsync();
        }
        else
        {
            await db.RestoreAsync();
        }

        await WaitAlertsAsync(h, "car-1", 30, 30);
        Assert.AreEqual(30, await h.ScalarAsync("SELECT COUNT(*) FROM alerts"));
        Assert.AreEqual(30, await h.ScalarAsync("SELECT COUNT(DISTINCT seq) FROM alerts"));
        Assert.AreEqual(1, await h.ScalarAsync("SELECT duplicates FROM vehicles WHERE vehicle_id = 'car-1'"));
        Assert.AreEqual(30, await h.ScalarAsync("SELECT last_seq FROM vehicles WHERE vehicle_id = 'car-1'"));
    }
}
