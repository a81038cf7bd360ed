using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Host.Dashboard;
using RangeGuard.Host.Messaging;
using RangeGuard.Host.Preconditioning;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Commands;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Ports;
using RangeGuard.Runtime;
using RangeGuard.State;

namespace RangeGuard.Host.Tests.Messaging;

/// <summary>
/// hardware-docs/mqtt-contract.md against the code: its tables are parsed, payloads are produced by the real writers through
/// the core loop, and topics, QoS, retain flags, size limits, payload fields (both ways, nested objects too), command fields,
/// enumerated values and alert codes must agree. Fix the page or the code, whichever is wrong.
/// </summary>
[TestClass]
public sealed class ContractDocumentTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(RepoRoot(), "hardware-docs", "mqtt-contract.md")));
    private static readonly Lazy<Dictionary<string, List<PublishedMessage>>> Sent = new(Produce);

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "RangeGuard.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("RangeGuard.sln not found above " + AppContext.BaseDirectory);
    }

    // ---- the page ----

    /// <summary>The text under a heading (its line starts with <paramref name="heading"/>) up to the next heading of any level.</summary>
    private static string Section(string heading)
    {
        string[] lines = Doc.Value.Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.IsTrue(start >= 0, "the contract has a section " + heading);
        var b = new StringBuilder();
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            b.AppendLine(lines[i]);
        }

        return b.ToString();
    }

    /// <summary>The tables of a text: rows (header and separator dropped) of trimmed cells.</summary>
    private static List<List<string[]>> Tables(string text)
    {
        var tables = new List<List<string[]>>();
        List<string[]>? current = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                current = null;
                continue;
            }

            string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (current == null)
            {
                current = new List<string[]>(); // header row
                tables.Add(current);
                continue;
            }

            if (cells.All(c => c.Trim('-', ':').Length == 0))
            {
                continue;
            }

            current.Add(cells);
        }

        return tables;
    }

    private static IEnumerable<string> Ticked(string cell) => Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value);

    /// <summary>Field names of the n-th table after a heading (first column, backticked, several per cell allowed).</summary>
    private static SortedSet<string> DocFields(string heading, int table = 0, string? prefix = null)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string[] row in Tables(Section(heading))[table])
        {
            foreach (string name in Ticked(row[0]))
            {
                if (prefix == null)
                {
                    if (!name.Contains('.') && !name.Contains('['))
                    {
                        names.Add(name);
                    }
                }
                else if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    names.Add(name[prefix.Length..]);
                }
            }
        }

        return names;
    }

    private static void SameFields(IEnumerable<string> documented, IEnumerable<string> produced, string what)
    {
        var doc = new SortedSet<string>(documented, StringComparer.Ordinal);
        var code = new SortedSet<string>(produced, StringComparer.Ordinal);
        Assert.IsTrue(doc.SetEquals(code),
            $"{what}: only in the contract: [{string.Join(", ", doc.Except(code))}]; only in the code: [{string.Join(", ", code.Except(doc))}]");
    }

    // ---- the code ----

    /// <summary>A forecaster that fills every field the forecast message shows (two chargers ahead, causes, advice).</summary>
    private sealed class FullForecaster : IRangeForecaster
    {
        public float DestP50 = 40f;

        public bool TrySetPlan(RoutePlan plan, out string error)
        {
            error = null!;
            return true;
        }

        public ColdSoakResult EstimateColdSoak(float socPercent, float packTempC, float ambientC, float hoursToDeparture, float cabinSetpointC, float cruiseSpeedKmh)
            => new() { RangeLostKm = -1f };

        public void Tick(ForecastInputs inputs, ForecastResult r)
        {
            r.Valid = true;
            r.BandRelativeWidth = 0.1f;
            var a = new ArrivalEstimate { Exists = true, DistanceM = 20000f, EtaSeconds = 700f, SocP10 = DestP50 - 5f, SocP50 = DestP50, SocP90 = DestP50 + 5f, ReservePercent = 10f, Reachable = true };
            r.Destination = a;
            r.NextChargerIndex = 0;
            r.NextCharger = a;
            r.ChargersAhead = 2;
            r.AheadIndex[0] = 0;
            r.AheadIndex[1] = 1;
            r.Ahead[0] = a;
            r.Ahead[1] = a;
            r.TopCauses[0] = LossCause.Speed;
            r.TopCauses[1] = LossCause.CabinHeating;
            r.TopCauses[2] = -1;
            r.AdviceMaxSpeedKmh = 100f;
            r.AdviceChargerIndex = 1;
            r.AdviceChargeMinutes = 20f;
            r.AdviceChargeToSocPercent = 60f;
            r.LastReachableChargerIndex = 1;
            r.PointOfNoReturnM = 50000f;
        }
    }

    private sealed class Clock : IClock
    {
        public long Now = 1767988800000;
        public long UtcMilliseconds => Now;
    }

    private sealed class NullLog : ILogSink
    {
        public void Write(string message)
        {
        }
    }

    /// <summary>Runs the core loop through every kind of message and collects them by topic (after the car's root).</summary>
    private static Dictionary<string, List<PublishedMessage>> Produce()
    {
        var clock = new Clock();
        var state = new VehicleState();
        var forecaster = new FullForecaster();
        var agent = new global::RangeGuard.Agents.Agent(new AgentConfig(), clock, state, forecaster, new RecordingDashboard(clock), new RecordingHeaterRelay(clock), new NullLog());
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, "rg-contract");
        var link = new RecordingLink(null, clock, topics.Root, keepMessages: true);
        var loop = new AgentLoop(null!, null!, agent, new AgentMessaging(topics, new MessageOutbox(48, 24576, null, clock), link, new HostDeviceInfo(clock), 200), clock, 1000);
        var plan = new RoutePlan();
        plan.AddSegment(new RouteSegment { LengthM = 90000f, ExpectedSpeedKmh = 100f, SpeedLimitKmh = 100f });
        plan.AddCharger(new RouteCharger { PositionM = 20000f, PowerKw = 150f, IsDc = true, Name = "A" });
        plan.AddCharger(new RouteCharger { PositionM = 40000f, PowerKw = 150f, IsDc = true, Name = "B" });
        Assert.IsTrue(agent.TrySetPlan(plan, out _));
        void Tick(int n)
        {
            for (int i = 0; i < n; i++)
            {
                clock.Now += 1000;
                state.Set(InputId.SocPercent, 50f, clock.Now);
                state.Set(InputId.BatteryTempAvgC, 20f, clock.Now);
                state.Set(InputId.AmbientTempC, 5f, clock.Now);
                state.Set(InputId.SpeedKmh, 100f, clock.Now);
                state.Set(InputId.ChargingState, 0f, clock.Now);
                state.Set(InputId.OdometerKm, 12345f, clock.Now);
                loop.Tick();
            }
        }

        Tick(3);
        forecaster.DestP50 = 5f; // below the reserve: alerts raise
        Tick(3);
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        loop.Messaging.Commands.Handle(topics.CommandPrefix + "ping", Utf8("{\"id\":\"p-1\"}"));
        loop.Messaging.Commands.Handle(topics.CommandPrefix + "route", Utf8("{\"id\":\"r-bad\",\"segments\":[]}"));
        loop.Messaging.Commands.Handle(topics.CommandPrefix + "ack", Utf8("{\"id\":\"a-1\",\"code\":\"all\"}"));
        Tick(2);

        var byTopic = new Dictionary<string, List<PublishedMessage>>();
        foreach (PublishedMessage m in link.Messages)
        {
            string key = m.Topic[topics.Root.Length..];
            key = key.StartsWith("cmd/", StringComparison.Ordinal) ? "cmd/<name>/result" : key;
            if (!byTopic.TryGetValue(key, out var list))
            {
                byTopic[key] = list = new List<PublishedMessage>();
            }

            list.Add(m);
        }

        // Two statuses the car does not queue: its own "offline" and the broker's last will.
        byTopic["status"].Add(new PublishedMessage(clock.Now, topics.Status, loop.Messaging.Publisher.OfflineStatus(clock.Now), 1, true));
        byTopic["status"].Add(new PublishedMessage(clock.Now, topics.Status, MqttContract.LastWill, 1, true));
        return byTopic;
    }

    private static List<JsonElement> Payloads(string topic) => Sent.Value[topic].Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone()).ToList();

    private static IEnumerable<string> Keys(IEnumerable<JsonElement> objects) => objects.SelectMany(o => o.EnumerateObject().Select(p => p.Name));

    private static IEnumerable<JsonElement> Nested(IEnumerable<JsonElement> objects, string property) =>
        objects.Where(o => o.TryGetProperty(property, out JsonElement v) && v.ValueKind != JsonValueKind.Null)
            .SelectMany(o => o.GetProperty(property).ValueKind == JsonValueKind.Array ? o.GetProperty(property).EnumerateArray().ToArray() : new[] { o.GetProperty(property) });

    // ---- the checks ----

    [TestMethod]
    public void The_topic_table_should_match_the_topics_qos_retain_flags_and_limits_in_the_code()
    {
        var rows = Tables(Section("## Topics"))[0];
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, "x");
        var documented = rows.Select(r => Ticked(r[0]).First()).ToList();
        CollectionAssert.AreEquivalent(new[] { "status", "telemetry", "forecast", "alerts", "alerts/active", "cmd/<name>", "cmd/<name>/result" }, documented);
        Assert.AreEqual(topics.Root + "status", topics.Status);
        Assert.AreEqual(topics.Root + "telemetry", topics.Telemetry);
        Assert.AreEqual(topics.Root + "forecast", topics.Forecast);
        Assert.AreEqual(topics.Root + "alerts", topics.Alerts);
        Assert.AreEqual(topics.Root + "alerts/active", topics.AlertsActive);
        Assert.AreEqual(topics.Root + "cmd/+", topics.CommandFilter);
        StringAssert.StartsWith(Section("## Topics"), "\nThe prefix is `" + MqttTopics.DefaultPrefix + "<vehicleId>/`");

        string[] commands = Ticked(rows.First(r => r[0] == "`cmd/<name>`")[4]).ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, 5).Select(CommandParser.Name).ToArray(), commands, "command names");
        string limits = rows.First(r => r[0] == "`cmd/<name>`")[5];
        StringAssert.Contains(limits, CommandParser.MaxRouteBytes + " B for `route`");
        StringAssert.Contains(limits, CommandParser.MaxOtherBytes + " B for the others");

        var classOf = new Dictionary<string, int>
        {
            ["telemetry"] = MessageClass.Telemetry, ["forecast"] = MessageClass.Retained, ["alerts"] = MessageClass.Alert,
            ["alerts/active"] = MessageClass.Retained, ["cmd/<name>/result"] = MessageClass.Result
        };
        foreach (string[] r in rows.Where(r => !r[0].Contains("`cmd/<name>`")))
        {
            string topic = Ticked(r[0]).First();
            var sent = Sent.Value[topic].Take(Sent.Value[topic].Count - (topic == "status" ? 2 : 0)).ToList();
            Assert.IsTrue(sent.Count > 0, "the loop published " + topic);
            Assert.IsTrue(sent.All(m => m.Qos == int.Parse(r[2])), $"{topic}: QoS {r[2]}");
            Assert.IsTrue(sent.All(m => m.Retained == r[3].StartsWith("yes", StringComparison.Ordinal)), $"{topic}: retained {r[3]}");
            int limit = int.Parse(r[5].Split(' ')[0]);
            Assert.IsTrue(sent.All(m => Encoding.UTF8.GetByteCount(m.Payload) <= limit), $"{topic}: within {limit} B");
            if (classOf.TryGetValue(topic, out int cls))
            {
                Assert.AreEqual(MessageClass.MaxChars(cls), limit, $"{topic}: the outbox's limit is the contract's");
            }
        }
    }

    [TestMethod]
    public void Payload_tables_should_list_exactly_the_fields_the_writers_produce()
    {
        SameFields(DocFields("### `status`"), Keys(Payloads("status")), "status (online, car-sent offline, last will)");
        SameFields(DocFields("### `telemetry`"), Keys(Payloads("telemetry")), "telemetry");

        var forecasts = Payloads("forecast");
        SameFields(DocFields("### `forecast`"), Keys(forecasts), "forecast");
        SameFields(DocFields("### `forecast`", 1), Keys(Nested(forecasts, "dest").Concat(Nested(forecasts, "chargers"))), "forecast arrival object");
        SameFields(DocFields("### `forecast`", 2), Keys(Nested(forecasts, "causes")), "forecast cause object");
        SameFields(DocFields("### `forecast`", 3), Keys(Nested(forecasts, "advice")), "forecast advice object");
        Assert.IsTrue(Nested(forecasts, "dest").All(d => !d.TryGetProperty("i", out _)), "the destination has no charger index");
        Assert.IsTrue(Nested(forecasts, "chargers").All(d => d.TryGetProperty("i", out _)), "each charger has its index");

        SameFields(DocFields("### `alerts` (QoS 1)"), Keys(Payloads("alerts")), "alerts");
        var active = Payloads("alerts/active");
        SameFields(DocFields("### `alerts/active`"), Keys(active), "alerts/active");
        SameFields(DocFields("### `alerts/active`", 1), Keys(Nested(active, "active")), "active alert object");

        var results = Payloads("cmd/<name>/result");
        SameFields(DocFields("### Result"), Keys(results), "command results (ok, error, ping)");
        SameFields(DocFields("### Result", 1), Keys(Nested(results, "error")), "result error object");
    }

    [TestMethod]
    public void Enumerated_values_in_the_tables_should_be_the_codes_values()
    {
        string precond = Tables(Section("### `telemetry`"))[0].First(r => r[0] == "`precond`")[2];
        CollectionAssert.AreEqual(Enumerable.Range(0, 6).Select(MqttContract.PreconditionMode).ToArray(), Ticked(precond).ToArray(), "planner modes");
        string causes = Tables(Section("### `forecast`"))[2].First(r => r[0] == "`cause`")[2];
        CollectionAssert.AreEqual(Enumerable.Range(0, LossCause.Count).Select(LossCause.Name).ToArray(), Ticked(causes).ToArray(), "loss causes");
        string events = Tables(Section("### `alerts` (QoS 1)"))[0].First(r => r[0] == "`event`")[2];
        CollectionAssert.AreEqual(new[] { AlertEvent.Raised, AlertEvent.Worsened, AlertEvent.Cleared, AlertEvent.Acknowledged }.Select(AlertEvent.Name).ToArray(), Ticked(events).ToArray());
        string sevs = Tables(Section("### `alerts` (QoS 1)"))[0].First(r => r[0] == "`sev`")[2];
        CollectionAssert.AreEqual(Enumerable.Range(1, 4).Select(AlertSeverity.Name).ToArray(), Ticked(sevs).ToArray());
        StringAssert.Contains(Section("### `status`"), "`" + MqttContract.LastWill + "`", "the last will as the car sets it");
    }

    [TestMethod]
    public void The_alert_code_table_should_be_the_catalogue()
    {
        var rows = Tables(Section("### Alert codes"))[0];
        var documented = rows.ToDictionary(r => Ticked(r[0]).Single(), r => r[1].Split(',')[0].Trim());
        var rules = AlertCatalog.Create().ToDictionary(r => r.Code, r => AlertSeverity.Name(r.Severity));
        SameFields(documented.Keys, rules.Keys, "alert codes");
        foreach (var kv in rules)
        {
            Assert.AreEqual(kv.Value, documented[kv.Key], kv.Key + " severity");
        }

        foreach (AlertRule fleet in AlertCatalog.Create().Where(r => r.FleetFlag))
        {
            StringAssert.Contains(rows.First(r => r[0].Contains(fleet.Code))[1], "fleet", fleet.Code + " is flagged for the fleet");
        }
    }

    [TestMethod]
    public void Command_tables_should_list_exactly_the_fields_the_parser_accepts()
    {
        SameFields(DocFields("### `cmd/route`"), RouteCommand.Fields(), "cmd/route");
        SameFields(DocFields("### `cmd/route`", 0, "segments[i]."), RouteCommand.SegmentFields(), "cmd/route segments[i]");
        SameFields(DocFields("### `cmd/route`", 0, "chargers[i]."), RouteCommand.ChargerFields(), "cmd/route chargers[i]");
        SameFields(DocFields("### `cmd/config`"), ConfigCommand.Fields(), "cmd/config");
        SameFields(DocFields("### `cmd/config`", 0, "alerts."), ConfigCommand.AlertFields(), "cmd/config alerts");
        SameFields(DocFields("### `cmd/config`", 0, "telemetry."), ConfigCommand.TelemetryFields(), "cmd/config telemetry");
        SameFields(DocFields("### `cmd/precondition`"), PreconditionCommand.Fields(), "cmd/precondition");
        SameFields(DocFields("### `cmd/ack`"), AckCommand.Fields(), "cmd/ack");
        SameFields(DocFields("### `cmd/ping`"), CommandParser.PingFields(), "cmd/ping");
    }
}
