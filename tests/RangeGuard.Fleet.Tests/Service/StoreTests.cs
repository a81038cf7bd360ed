using System.Data.Common;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Contract;
using RangeGuard.Fleet.Ingest;
using RangeGuard.Fleet.Options;
using RangeGuard.Fleet.Storage;
using RangeGuard.Fleet.Tests.Fixtures;

namespace RangeGuard.Fleet.Tests.Service;

/// <summary>The storage rules, the same tests on SQLite and PostgreSQL: migrations, dedupe, gaps, late and new series, latest state, the notification outbox.</summary>
[TestClass]
public sealed class StoreTests
{
    private static Inbound Message(string vehicle, string sub, string payload)
    {
        var m = new Inbound { Topic = $"rangeguard/v1/{vehicle}/{sub}", Payload = Encoding.UTF8.GetBytes(payload), ReceivedMs = IngestStore.Now() };
        m.Reject = new ContractValidator().Validate(m.Topic, m.Payload, out ValidatedMessage? v, out string detail);
        m.Message = v;
        m.Detail = detail;
        return m;
    }

    private static async Task<(FleetDb Db, IngestStore Store, FleetCounters Counters)> OpenAsync(TestDatabase t, FleetOptions? o = null)
    {
        var db = new FleetDb(t.Options);
        await Migrator.MigrateAsync(db);
        var counters = new FleetCounters();
        o ??= new FleetOptions();
        o.Notify.Smtp.Host = "smtp.invalid";
        o.Notify.CrewEmails = new List<string> { "crew@fleet.test" };
        o.Notify.Webhook.Url = "http://hook.invalid/x";
        return (db, new IngestStore(db, o, counters), counters);
    }

    private static async Task<long> Scalar(FleetDb db, string sql)
    {
        await using DbConnection c = await db.OpenAsync();
        return Convert.ToInt64(await c.ScalarAsync(sql, null, CancellationToken.None));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task MigrationsApplyOnceAndRecordTheirVersion(string provider)
    {
        await using TestDatabase t = await TestDatabase.CreateAsync(provider);
        await using var db = new FleetDb(t.Options);
        int first = await Migrator.MigrateAsync(db);
        int again = await Migrator.MigrateAsync(db);
        Assert.AreEqual(Migrator.Embedded().Count, first);
        Assert.AreEqual(0, again);
        Assert.AreEqual(Migrator.Embedded()[^1].Version, await Scalar(db, "SELECT MAX(version) FROM schema_migrations"));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task AlertsAreStoredOnceWithGapsLateArrivalsAndNewSeriesRecorded(string provider)
    {
        await using TestDatabase t = await TestDatabase.CreateAsync(provider);
        var (db, store, counters) = await OpenAsync(t);
        await using (db)
        {
            long t0 = TestCar.T0;
            // 1, 2, 2 again (QoS 1 redelivery), 5 (gap of 3 and 4), 3 (late), 4 (late), 5 again, then seq 1 with a later
            // time: the car's store was erased, a new series.
            var batches = new[]
            {
                new[] { Message("car-a", "alerts", Payloads.Alert(1, t: t0 + 1000)), Message("car-a", "alerts", Payloads.Alert(2, t: t0 + 2000)) },
                new[] { Message("car-a", "alerts", Payloads.Alert(2, t: t0 + 2000)), Message("car-a", "alerts", Payloads.Alert(5, t: t0 + 5000)) },
                new[] { Message("car-a", "alerts", Payloads.Alert(3, t: t0 + 3000)) },
                new[] { Message("car-a", "alerts", Payloads.Alert(4, t: t0 + 4000)), Message("car-a", "alerts", Payloads.Alert(5, t: t0 + 5000)) },
                new[] { Message("car-a", "alerts", Payloads.Alert(1, t: t0 + 90_000)) },
            };
            foreach (var b in batches)
            {
                await store.WriteAsync(b, CancellationToken.None);
            }

            Assert.AreEqual(6, await Scalar(db, "SELECT COUNT(*) FROM alerts WHERE vehicle_id = 'car-a'"));
            Assert.AreEqual(StoreOutcome.Duplicate, batches[1][0].Outcome);
            Assert.AreEqual(StoreOutcome.Duplicate, batches[3][1].Outcome);
            Assert.AreEqual(2, await Scalar(db, "SELECT duplicates FROM vehicles WHERE vehicle_id = 'car-a'"));
            Assert.AreEqual(1, await Scalar(db, "SELECT COUNT(*) FROM seq_events WHERE kind = 'gap' AND seq = 5 AND expected = 3 AND missing = 2"));
            Assert.AreEqual(2, await Scalar(db, "SELECT COUNT(*) FROM seq_events WHERE kind = 'late'"));
            Assert.AreEqual(1, await Scalar(db, "SELECT COUNT(*) FROM seq_events WHERE kind = 'reset' AND seq = 1"));
            Assert.AreEqual(2, await Scalar(db, "SELECT alert_series FROM vehicles WHERE vehicle_id = 'car-a'"));
            Assert.AreEqual(1, await Scalar(db, "SELECT last_seq FROM vehicles WHERE vehicle_id = 'car-a'"));
            Assert.AreEqual(5, await Scalar(db, "SELECT COUNT(*) FROM alerts WHERE series = 1"));
            Assert.AreEqual(1, counters.Get("seq_gap"));
        }
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task LatestStateWinsByCarTime(string provider)
    {
        await using TestDatabase t = await TestDatabase.CreateAsync(provider);
        var (db, store, _) = await OpenAsync(t);
        await using (db)
        {
            long t0 = TestCar.T0;
            await store.WriteAsync(new[]
            {
                Message("car-b", "telemetry", Payloads.Telemetry(2, 48.5, 2000, t0 + 10_000)),
                Message("car-b", "telemetry", Payloads.Telemetry(1, 50.0, 1000, t0 + 5_000)),
                Message("car-b", "forecast", Payloads.Forecast(t0 + 10_000, p50: 7.5)),
                Message("car-b", "status", Payloads.Status("online", t0)),
            }, CancellationToken.None);
            // An older forecast delivered late does not replace the newer one; the last will (no car time) always applies.
            var late = Message("car-b", "forecast", Payloads.Forecast(t0 + 1_000, p50: 30));
            await store.WriteAsync(new[] { late, Message("car-b", "status", Payloads.Status("offline")) }, CancellationToken.None);
            Assert.AreEqual(StoreOutcome.Stale, late.Outcome);
            await using DbConnection c = await db.OpenAsync();
            await using DbCommand q = c.Sql("SELECT soc_pct, pos_m, dest_p50, status_state, route_end_m FROM vehicles WHERE vehicle_id = 'car-b'");
            await using DbDataReader r = await q.ExecuteReaderAsync();
            Assert.IsTrue(await r.ReadAsync());
            Assert.AreEqual(48.5, r.GetDouble(0), 1e-9);
            Assert.AreEqual(2000, r.GetDouble(1), 1e-9);
            Assert.AreEqual(7.5, r.GetDouble(2), 1e-9);
            Assert.AreEqual("offline", r.GetString(3));
            Assert.AreEqual(162_000, r.GetDouble(4), 1e-9);
        }
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task OnlyCriticalAndColdSoakRaisesAreQueuedForNotification(string provider)
    {
        await using TestDatabase t = await TestDatabase.CreateAsync(provider);
        var (db, store, _) = await OpenAsync(t);
        await using (db)
        {
            await using (DbConnection c = await db.OpenAsync())
            {
                await c.ExecAsync("INSERT INTO vehicles (vehicle_id, driver_email, registered, first_seen_ms, updated_ms) VALUES ('car-c', 'driver@fleet.test', 1, 0, 0)", null, CancellationToken.None);
            }

            long t0 = TestCar.T0;
            await store.WriteAsync(new[]
            {
                Message("car-c", "alerts", Payloads.Alert(1, "RG-ARRIVE-LOW", "advisory", "raise", t0 + 1000)),
                Message("car-c", "alerts", Payloads.Alert(2, "RG-PONR", "critical", "raise", t0 + 2000)),
                Message("car-c", "alerts", Payloads.Alert(3, "RG-COLD-SOAK", "advisory", "raise", t0 + 3000)),
                Message("car-c", "alerts", Payloads.Alert(4, "RG-STRANDED", "critical", "worse", t0 + 4000)),
                Message("car-c", "alerts", Payloads.Alert(5, "RG-STRANDED", "critical", "ack", t0 + 5000)),
                Message("car-c", "alerts", Payloads.Alert(6, "RG-STRANDED", "critical", "clear", t0 + 6000)),
                Message("car-c", "alerts", Payloads.Alert(7, "RG-DEGRADED", "advisory", "raise", t0 + 7000)),
            }, CancellationToken.None);
            // Three notifying transitions × (log, driver, crew, webhook).
            Assert.AreEqual(12, await Scalar(db, "SELECT COUNT(*) FROM notifications"));
            Assert.AreEqual(3, await Scalar(db, "SELECT COUNT(*) FROM notifications WHERE recipient = 'driver@fleet.test'"));
            Assert.AreEqual(0, await Scalar(db, "SELECT COUNT(*) FROM notifications n JOIN alerts a ON a.id = n.alert_id WHERE a.code IN ('RG-ARRIVE-LOW', 'RG-DEGRADED') OR a.event IN ('ack', 'clear')"));
        }
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task TwoWritersOnOneVehicleStoreEachAlertOnce(string provider)
    {
        // Two instances share a subscription, so one vehicle's alerts (and redeliveries) reach both writers at once.
        await using TestDatabase t = await TestDatabase.CreateAsync(provider);
        var (db, store1, _) = await OpenAsync(t, new FleetOptions { InstanceId = "a" });
        await using var db2 = new FleetDb(t.Options);
        var store2 = new IngestStore(db2, new FleetOptions { InstanceId = "b" }, new FleetCounters());
        await using (db)
        {
            async Task Writer(IngestStore s, int offset)
            {
                for (int i = 0; i < 60; i++)
                {
                    long seq = 1 + ((i + offset) % 60);
                    var batch = new[] { Message("car-d", "alerts", Payloads.Alert(seq, t: TestCar.T0 + seq * 1000)), Message("car-e", "alerts", Payloads.Alert(seq, t: TestCar.T0 + seq * 1000)) };
                    while (true)
                    {
                        try
                        {
                            await s.WriteAsync(batch, CancellationToken.None);
                            break;
                        }
                        catch (DbException)
                        {
                            await Task.Delay(20); // lock timeout or serialization failure: the writer retries, as IngestWriter does
                        }
                    }
                }
            }

            await Task.WhenAll(Writer(store1, 0), Writer(store2, 30));
            Assert.AreEqual(120, await Scalar(db, "SELECT COUNT(*) FROM alerts"));
            Assert.AreEqual(60, await Scalar(db, "SELECT last_seq FROM vehicles WHERE vehicle_id = 'car-d'"));
            Assert.AreEqual(120, await Scalar(db, "SELECT SUM(duplicates) FROM vehicles"));
        }
    }
}
