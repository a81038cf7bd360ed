using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Commands;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Messaging.Publishing;
using RangeGuard.Runtime;

namespace RangeGuard.Host.Tests.Messaging;

/// <summary>
/// hardware-docs/mqtt-budget.md's device memory table, recomputed from the constants that size each buffer with the page's
/// heap model: change a constant and the page must follow (and the other way round).
/// </summary>
[TestClass]
public sealed class MqttMemoryBudgetTests
{
    // The page's model of nanoCLR's heap.
    private const int Block = 12;
    private const int ArrayInfo = 8;

    private static int Array(int n, int element) => Block + ArrayInfo + n * element;
    private static int Boxed(int fields) => Block + Block * fields;
    private static int StructArray(int n, int fields) => Array(n, Block) + n * Boxed(fields);
    private static int Text(int utf8Bytes) => Block + utf8Bytes + 1;

    private const int RouteSegmentFields = 7;
    private const int RouteChargerFields = 4;
    private const int ArrivalFields = 12;
    private const int MaxResultBytes = 512;

    private static Dictionary<string, int> Computed()
    {
        int n = MqttContract.DeviceOutboxMessages;
        int plan = StructArray(new DeviceSettings().RouteSegments, RouteSegmentFields) + StructArray(RoutePlan.MaxChargers, RouteChargerFields);
        return new Dictionary<string, int>
        {
            ["Outbox bookkeeping"] = 5 * Array(n, 4) + 3 * Array(n, Block),
            ["Queued payload text"] = MqttContract.DeviceOutboxChars + n * (Block + 1),
            ["Alert store"] = Array(8 + 4 + AlertStore.MaxPayloadBytes, 1) + Array(AlertStore.MaxPayloadBytes + 1, 2),
            ["JSON writer"] = Array(AgentPublisher.WriterCapacity, 2),
            ["JSON reader"] = Array(CommandParser.MaxTextChars, 2),
            ["`cmd/route` staging"] = plan,
            ["The agent's copy"] = plan,
            ["Recent request ids"] = 3 * Array(CommandHandler.RecentIds, Block) + CommandHandler.RecentIds * Text(MaxResultBytes),
            ["Arrival at the chargers"] = Array(ForecastResult.MaxChargersAhead, 4) + StructArray(ForecastResult.MaxChargersAhead, ArrivalFields),
        };
    }

    [TestMethod]
    public void The_memory_table_should_match_the_constants()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "RangeGuard.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        string page = File.ReadAllText(Path.Combine(root, "hardware-docs", "mqtt-budget.md"));
        string section = page[page.IndexOf("## Managed memory on the device", StringComparison.Ordinal)..];
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Buffer", StringComparison.Ordinal))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
        var computed = Computed();
        foreach (var kv in computed)
        {
            string[]? row = rows.FirstOrDefault(r => r[0].StartsWith(kv.Key, StringComparison.Ordinal));
            Assert.IsNotNull(row, "the table has a row for " + kv.Key);
            Assert.AreEqual(kv.Value, int.Parse(row[2]), kv.Key + " (" + row[1] + ")");
        }

        Assert.AreEqual(computed.Count + 1, rows.Count, "one row per buffer and the total");
        Assert.AreEqual(computed.Values.Sum(), int.Parse(rows[^1][2].Trim('*')), "total");
        Assert.AreEqual(200, new DeviceSettings().RouteSegments, "the page's route size is the settings default");
        Assert.AreEqual(3072, AgentPublisher.WriterCapacity);
    }
}
