using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Ports;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Mqtt
{
    /// <summary>
    /// Measures what the car's MQTT traffic costs on a scenario at the default cadence: message sizes per topic, messages and
    /// bytes per driving hour (payload and on the MQTT wire, TLS not counted), and how long the device's outbox lasts offline
    /// (the recorded message stream replayed into a fresh outbox with the link down from the start of each drive leg).
    /// </summary>
    public static class MqttBudget
    {
        private sealed class ReplayClock : IClock
        {
            public long UtcMilliseconds { get; set; }
        }

        public sealed record TopicFigures(string Topic, int Messages, double MeanBytes, int MaxBytes, double PerDrivingHour, double BytesPerDrivingHour);

        public sealed record OfflineFigures(string Leg, double LegMinutes, double ThinningAfterMin, double EvictionAfterMin, int AlertsRefused);

        public sealed record Result(string Scenario, double DrivingHours, List<TopicFigures> Topics, double WireBytesPerDrivingHour, List<OfflineFigures> Offline);

        public static Result Measure(Scenario s)
        {
            var board = new AgentBoard(new AgentBoardOptions { KeepMessages = true });
            RunResult run;
            try
            {
                run = new ScenarioRunner(s, board, new RunOptions { RecordTrace = false }).Run();
            }
            finally
            {
                board.Dispose();
            }

            long startMs = s.Start.ToUnixTimeMilliseconds();
            var drives = run.Steps.Where(st => st.Kind == StepKind.Drive).ToList();
            bool Driving(long t) => drives.Any(d => t >= startMs + (long)(d.StartS * 1000) && t < startMs + (long)(d.EndS * 1000));
            double hours = drives.Sum(d => d.EndS - d.StartS) / 3600;
            string root = board.Loop.Messaging.Topics.Root;
            var topics = new List<TopicFigures>();
            double wire = 0;
            foreach (var g in board.Published.Messages.GroupBy(m => Key(m.Topic, root)).OrderBy(g => Order(g.Key)))
            {
                var sizes = g.Select(m => Encoding.UTF8.GetByteCount(m.Payload)).ToList();
                var driving = g.Where(m => Driving(m.TimeMs)).ToList();
                double bytes = driving.Sum(m => (double)Encoding.UTF8.GetByteCount(m.Payload));
                wire += driving.Sum(m => (double)WireBytes(m));
                topics.Add(new TopicFigures(g.Key, g.Count(), sizes.Average(), sizes.Max(), driving.Count / hours, bytes / hours));
            }

            var offline = new List<OfflineFigures>();
            foreach (StepRecord d in drives)
            {
                offline.Add(Offline(board.Published.Messages, root, startMs + (long)(d.StartS * 1000), d.Label, (d.EndS - d.StartS) / 60));
            }

            return new Result(s.Name, hours, topics, wire / hours, offline);
        }

        /// <summary>The stream from <paramref name="fromMs"/> on, into an outbox that never reaches a broker.</summary>
        private static OfflineFigures Offline(IReadOnlyList<PublishedMessage> messages, string root, long fromMs, string leg, double legMinutes)
        {
            var clock = new ReplayClock();
            var o = new MessageOutbox(MqttContract.DeviceOutboxMessages, MqttContract.DeviceOutboxChars, null, clock);
            double thinning = double.NaN, eviction = double.NaN;
            int alertsRefused = 0;
            foreach (PublishedMessage m in messages.Where(m => m.TimeMs >= fromMs))
            {
                string key = Key(m.Topic, root);
                if (key == "status" || key.StartsWith("cmd/", StringComparison.Ordinal))
                {
                    continue; // no connection, no status; no commands arrive
                }

                clock.UtcMilliseconds = m.TimeMs;
                int thinnedBefore = o.Thinned, droppedBefore = o.Dropped;
                bool ok = key == "alerts" ? o.PostAlert(m.Topic, o.NextAlertSeq, m.Payload)
                    : o.Post(m.Topic, m.Payload, key == "telemetry" ? MessageClass.Telemetry : MessageClass.Retained);
                double minutes = (m.TimeMs - fromMs) / 60000.0;
                if (o.Thinned > thinnedBefore && double.IsNaN(thinning))
                {
                    thinning = minutes;
                }

                if (o.Dropped - o.Thinned > droppedBefore - thinnedBefore && double.IsNaN(eviction))
                {
                    eviction = minutes;
                }

                if (!ok && key == "alerts")
                {
                    alertsRefused++;
                }
            }

            return new OfflineFigures(leg, legMinutes, thinning, eviction, alertsRefused);
        }

        private static string Key(string topic, string root) =>
            topic.StartsWith(root + "cmd/", StringComparison.Ordinal) ? "cmd/<name>/result" : topic[root.Length..];

        private static int Order(string key) => Array.IndexOf(new[] { "status", "telemetry", "forecast", "alerts", "alerts/active", "cmd/<name>/result" }, key);

        /// <summary>PUBLISH on the wire (fixed header, topic, packet id for QoS 1, payload) plus the PUBACK for QoS 1.</summary>
        public static int WireBytes(PublishedMessage m)
        {
            int remaining = 2 + Encoding.UTF8.GetByteCount(m.Topic) + (m.Qos > 0 ? 2 : 0) + Encoding.UTF8.GetByteCount(m.Payload);
            int lengthBytes = remaining < 128 ? 1 : remaining < 16384 ? 2 : 3;
            return 1 + lengthBytes + remaining + (m.Qos > 0 ? 4 : 0);
        }

        public static void Print(TextWriter w, Result r)
        {
            var c = CultureInfo.InvariantCulture;
            w.WriteLine($"Scenario {r.Scenario}: {r.DrivingHours.ToString("0.00", c)} h of driving, default cadence (telemetry {RangeGuard.Messaging.Publishing.TelemetryCadence.DefaultDrivingEveryS} s driving / {RangeGuard.Messaging.Publishing.TelemetryCadence.DefaultParkedEveryS} s parked)");
            w.WriteLine();
            w.WriteLine("| Topic | Messages (whole run) | Mean size, B | Largest, B | Per driving hour | Payload per driving hour, KB |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (TopicFigures t in r.Topics)
            {
                w.WriteLine(string.Create(c, $"| `{t.Topic}` | {t.Messages} | {t.MeanBytes:0} | {t.MaxBytes} | {t.PerDrivingHour:0.0} | {t.BytesPerDrivingHour / 1000:0.0} |"));
            }

            double msgs = r.Topics.Sum(t => t.PerDrivingHour), bytes = r.Topics.Sum(t => t.BytesPerDrivingHour);
            w.WriteLine(string.Create(c, $"| all | {r.Topics.Sum(t => t.Messages)} | | | {msgs:0} | {bytes / 1000:0.0} |"));
            w.WriteLine();
            w.WriteLine(string.Create(c, $"On the MQTT wire (PUBLISH headers and topics, PUBACKs; no TLS, no TCP/IP): {r.WireBytesPerDrivingHour / 1000:0.0} KB per driving hour."));
            w.WriteLine();
            w.WriteLine($"Offline from the start of each drive leg (outbox {MqttContract.DeviceOutboxMessages} messages / {MqttContract.DeviceOutboxChars} characters):");
            w.WriteLine();
            w.WriteLine("| Leg | Leg, min | Thinning starts after, min | First telemetry evicted after, min | Alerts refused |");
            w.WriteLine("|---|---|---|---|---|");
            foreach (OfflineFigures o in r.Offline)
            {
                w.WriteLine(string.Create(c, $"| {o.Leg} | {o.LegMinutes:0} | {Minutes(o.ThinningAfterMin)} | {Minutes(o.EvictionAfterMin)} | {o.AlertsRefused} |"));
            }
        }

        private static string Minutes(double m) => double.IsNaN(m) ? "never (to the end of the run)" : m.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
