using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Messaging;

namespace RangeGuard.Messaging.Tests;

/// <summary>
/// The simulator's agent (`rangeguard run --broker`) as a child process publishing through mosquitto with the shipped
/// configuration and ACL, read by a fleet subscriber and by mosquitto_sub.
/// </summary>
[TestClass]
public class EndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    internal static string TempFolder(string what) => Path.Combine(Path.GetTempPath(), "rg-" + what + "-" + Guid.NewGuid().ToString("N")[..8]);

    internal static string[] Run(MosquittoFixture broker, string scenario, string outDir, params string[] more)
    {
        var args = new List<string> { "run", scenario, "--no-plots", "--out", outDir, "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--password", MosquittoFixture.Password };
        args.AddRange(more);
        return args.ToArray();
    }

    /// <summary>Alert messages by seq, checking that a repeated seq repeats the same payload (a QoS 1 resend).</summary>
    internal static SortedDictionary<int, JsonElement> Dedupe(List<JsonElement> alerts, List<string> raw, out List<int> firstOrder)
    {
        var bySeq = new SortedDictionary<int, JsonElement>();
        var payload = new Dictionary<int, string>();
        firstOrder = new List<int>();
        for (int i = 0; i < alerts.Count; i++)
        {
            int seq = alerts[i].GetProperty("seq").GetInt32();
            if (payload.TryGetValue(seq, out string? seen))
            {
                Assert.AreEqual(seen, raw[i], $"seq {seq} came twice with different content");
                continue;
            }

            payload[seq] = raw[i];
            bySeq[seq] = alerts[i];
            firstOrder.Add(seq);
        }

        return bySeq;
    }

    [TestMethod]
    public async Task Every_alert_of_broder_2013_should_arrive_once_in_order_with_contiguous_seq_and_the_status_should_follow_the_car()
    {
        const string car = "sim-broder-2013";
        using var broker = new MosquittoFixture(car, "sim-summer-commute");
        await using var fleet = new FleetSubscriber(broker.Port);
        await fleet.StartAsync();
        string outDir = TempFolder("e2e");
        try
        {
            using (var p = new CarProcess(Run(broker, "broder-2013", outDir, "--as-driven")))
            {
                Assert.IsTrue(p.WaitForExit(Wait), "the run ends: " + p.Output);
                Assert.AreEqual(0, p.ExitCode, p.Output);
            }

            // What the agent raised, from the run's own report (independent of MQTT).
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "broder-2013.report.json")));
            var reported = report.RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
            Assert.IsTrue(reported.Count >= 10, "broder-2013 raises a dozen alerts: " + reported.Count);
            string summary = report.RootElement.GetProperty("boardSummary").GetString()!;
            int lastSeq = int.Parse(summary.Split("alert seq through ")[1].Split(',')[0]);

            Assert.IsTrue(await fleet.WaitForAsync(f => f.On("/alerts").Count >= lastSeq, TimeSpan.FromSeconds(10)));
            var raw = fleet.On($"{car}/alerts");
            var alerts = fleet.Json($"{car}/alerts");
            Assert.AreEqual(lastSeq, alerts.Count, "each alert exactly once (a stable broker: no resends)");
            CollectionAssert.AreEqual(Enumerable.Range(1, lastSeq).ToList(), alerts.Select(a => a.GetProperty("seq").GetInt32()).ToList(), "seq 1, 2, 3 … in order");
            var raises = alerts.Where(a => a.GetProperty("event").GetString() is "raise" or "worse").Select(a => a.GetProperty("code").GetString()).ToList();
            CollectionAssert.AreEqual(reported, raises, "the raises and re-alerts the run reported, in its order");
            Assert.IsTrue(alerts.Any(a => a.GetProperty("code").GetString() == "RG-STRANDED" && a.GetProperty("fleet").GetBoolean()));

            // The clean "offline" is the run's last publish: it may reach the subscriber after the alerts were counted.
            Assert.IsTrue(await fleet.WaitForAsync(f => f.On($"{car}/status").LastOrDefault()?.Contains("\"offline\"") == true, TimeSpan.FromSeconds(10)),
                string.Join("\n", fleet.On($"{car}/status")));
            var status = fleet.Json($"{car}/status");
            Assert.AreEqual("online", status[0].GetProperty("state").GetString());
            Assert.AreEqual("offline", status[^1].GetProperty("state").GetString());
            Assert.AreEqual("shutdown", status[^1].GetProperty("reason").GetString(), "a run that ends says so itself");
            string active = broker.Client("mosquitto_sub", MosquittoFixture.FleetUser, "-C", "1", "-W", "5", "-t", $"rangeguard/v1/{car}/alerts/active");
            StringAssert.Contains(active, $"\"seq\":{lastSeq},", "mosquitto_sub finds the retained active set of the last seq");
            StringAssert.Contains(active, "RG-STRANDED");

            // A car that vanishes: online while it runs, the broker's last will once it is killed.
            using (var p = new CarProcess(Run(broker, "summer-commute", outDir, "--speed", "60")))
            {
                Assert.IsTrue(await fleet.WaitForAsync(f => f.On("sim-summer-commute/status").Count >= 1, Wait), p.Output);
                string online = broker.Client("mosquitto_sub", MosquittoFixture.FleetUser, "-C", "1", "-W", "5", "-t", "rangeguard/v1/sim-summer-commute/status");
                StringAssert.StartsWith(online, "{\"v\":1,\"state\":\"online\"", "retained status while the car runs");
                p.Kill();
            }

            Assert.IsTrue(await fleet.WaitForAsync(f => f.On("sim-summer-commute/status").LastOrDefault() == MqttContract.LastWill, TimeSpan.FromSeconds(10)),
                string.Join("\n", fleet.On("sim-summer-commute/status")));
            string retained = broker.Client("mosquitto_sub", MosquittoFixture.FleetUser, "-C", "1", "-W", "5", "-t", "rangeguard/v1/sim-summer-commute/status");
            Assert.AreEqual(MqttContract.LastWill, retained.Trim(), "a late subscriber finds the last will");
        }
        finally
        {
            Directory.Delete(outDir, true);
        }
    }
}
