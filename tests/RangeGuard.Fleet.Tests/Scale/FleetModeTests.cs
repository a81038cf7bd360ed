using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Tests.Fixtures;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Fleet.Tests.Scale;

/// <summary>
/// End to end at small scale: `rangeguard fleet` drives virtual vehicles (the full agent each, with its CAN path, outbox
/// and MQTT connection) through Mosquitto with the shipped ACL into the service: every alert a vehicle published is
/// stored once, every payload passes the contract, and each vehicle shows up with its state. (Scale runs: the benchmark.)
/// </summary>
[TestClass]
public sealed class FleetModeTests
{
    [TestMethod]
    public async Task VirtualVehiclesPublishThroughMosquittoAndEveryAlertIsStoredOnce()
    {
        string[] ids = Enumerable.Range(1, 4).Select(i => $"rg-{i:D4}").ToArray();
        using var broker = new MosquittoFixture(ids);
        await using TestDatabase db = await TestDatabase.CreateAsync("sqlite");
        await using FleetHost h = await FleetHost.StartAsync(FleetHost.Defaults(db, broker.Port));
        string latency = Path.Combine(Path.GetTempPath(), "rg-fleet-latency-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        // 4 vehicles for 8 wall seconds at 20× real time (160 simulated seconds each from a point before an alert).
        int exit = await Task.Run(() => FleetCommand.Execute(4, $"mqtt://127.0.0.1:{broker.Port}", MosquittoFixture.Password, 20, 8,
            "cold-night-unplugged,dc-fast-charge-precondition", "rg-", 2, 7, latency));
        Assert.AreEqual(0, exit);
        var published = File.ReadAllLines(latency).Skip(1).Select(l => l.Split(',')).ToList();
        File.Delete(latency);
        Assert.IsTrue(published.Count >= 4, $"every vehicle starts before an alert: {published.Count} alerts published");

        // The cars also published while fast-forwarding to their start points (those alerts are stored too, without a
        // decision time): every vehicle's alerts are stored once, contiguous from seq 1, including every live one.
        await Requirements.WaitForAsync(async () => await h.ScalarAsync("SELECT COUNT(*) FROM vehicles WHERE last_seq > 0 AND last_seq = " +
            "(SELECT COUNT(*) FROM alerts a WHERE a.vehicle_id = vehicles.vehicle_id)") == 4 && await h.ScalarAsync("SELECT COUNT(*) FROM alerts") >= published.Count,
            TimeSpan.FromSeconds(20), "every vehicle's alerts");
        Assert.AreEqual(await h.ScalarAsync("SELECT COUNT(*) FROM alerts"), await h.ScalarAsync("SELECT SUM(last_seq) FROM vehicles"));
        foreach (var p in published)
        {
            Assert.AreEqual(1, await h.ScalarAsync($"SELECT COUNT(*) FROM alerts WHERE vehicle_id = '{p[0]}' AND seq = {p[1]}"), string.Join(",", p));
        }

        Assert.AreEqual(0, await h.ScalarAsync("SELECT COUNT(*) FROM rejected_messages"), "every payload passes the contract");
        Assert.AreEqual(0, await h.ScalarAsync("SELECT COUNT(*) FROM seq_events WHERE kind IN ('gap', 'reset')"));
        Assert.AreEqual(4, await h.ScalarAsync("SELECT COUNT(*) FROM vehicles WHERE soc_pct IS NOT NULL AND forecast_t IS NOT NULL AND active_t IS NOT NULL"));
        Assert.IsTrue(h.Counters.Get("received_telemetry") >= 4 * 8 * 20 / 300, "telemetry at the contract cadence");
    }
}
