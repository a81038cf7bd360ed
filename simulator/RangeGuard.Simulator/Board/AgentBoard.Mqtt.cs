using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using RangeGuard.Forecast;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Messaging.Publishing;
using RangeGuard.Runtime;
using RangeGuard.Simulator.Running;

namespace RangeGuard.Simulator.Board
{
    /// <summary>
    /// The board's MQTT side: the real outbox (the device's capacity) in front of a recorder, and with a broker (<c>--broker</c>)
    /// the MQTTnet link with a durable alert store; pacing at <see cref="AgentBoardOptions.Speed"/> × real time while the
    /// loop keeps taking commands and PUBACKs; at the end the outbox is drained and the car says "offline" itself.
    /// </summary>
    public sealed partial class AgentBoard
    {
        private MqttNetLink? _mqtt;
        private MqttTopics? _topics;
        private Stopwatch? _wall;
        private long _paceStartMs;

        /// <summary>Vehicle id the agent publishes under.</summary>
        public string VehicleId { get; private set; } = string.Empty;

        public MessageOutbox Outbox { get; private set; } = null!;

        /// <summary>What the loop handed to the link (per-topic tallies; every message with <see cref="AgentBoardOptions.KeepMessages"/>).</summary>
        public RecordingLink Published { get; private set; } = null!;

        public AgentPublisher Publisher => Loop.Messaging.Publisher;

        /// <summary>The broker link (null without <c>--broker</c>).</summary>
        public MqttNetLink? Broker => _mqtt;

        /// <summary>"sim-" + the scenario name, reduced to the characters a vehicle id may hold.</summary>
        public static string DefaultVehicleId(string scenarioName)
        {
            var b = new StringBuilder("sim-");
            foreach (char c in scenarioName)
            {
                b.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
            }

            return b.Length > MqttTopics.MaxVehicleIdChars ? b.ToString(0, MqttTopics.MaxVehicleIdChars) : b.ToString();
        }

        private AgentMessaging StartMessaging()
        {
            _topics = new MqttTopics(MqttTopics.DefaultPrefix, VehicleId);
            BoardMqttOptions? m = _o.Mqtt;
            AlertStore? store = m == null ? null : new AlertStore(new DirectoryFileStore(m.StateFolder));
            Outbox = new MessageOutbox(_o.OutboxCapacity, _o.OutboxChars, store, Clock) { AlertTopic = _topics.Alerts };
            Outbox.Open();
            if (m != null)
            {
                // The ACL keys on the user name: a car's is its vehicle id unless given.
                BrokerAddress broker = m.Broker.Username == null ? m.Broker with { Username = VehicleId } : m.Broker;
                _mqtt = new MqttNetLink(broker.ToLinkOptions(VehicleId, _topics.Status, MqttContract.LastWill, new[] { _topics.CommandFilter }));
                _mqtt.Start();
            }

            Published = new RecordingLink(_mqtt, Clock, _topics.Root, _o.KeepMessages);
            return new AgentMessaging(_topics, Outbox, Published, new HostDeviceInfo(Clock), RoutePlan.MaxSegments);
        }

        /// <summary>Holds the step until wall time catches up with simulated time / speed, serving the link meanwhile.</summary>
        private void Pace(in TruthSnapshot t)
        {
            if (_o.Speed <= 0)
            {
                return;
            }

            if (_wall == null)
            {
                _wall = Stopwatch.StartNew();
                _paceStartMs = t.TimeUnixMs;
            }

            double dueMs = (t.TimeUnixMs - _paceStartMs) / _o.Speed;
            while (true)
            {
                double left = dueMs - _wall.Elapsed.TotalMilliseconds;
                if (left <= 0)
                {
                    return;
                }

                Loop.PollMessaging();
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(5, left)));
            }
        }

        /// <summary>End of the run: drain the outbox (bounded), then publish "offline" and disconnect cleanly.</summary>
        private void StopMessaging()
        {
            if (_mqtt == null || Loop == null)
            {
                return;
            }

            var sw = Stopwatch.StartNew();
            while (Outbox.Count > 0 && sw.ElapsedMilliseconds < _o.Mqtt!.FlushTimeoutMs)
            {
                Loop.PollMessaging();
                Thread.Sleep(5);
            }

            _mqtt.CloseAsync(_topics!.Status, Publisher.OfflineStatus(Clock.UtcMilliseconds)).GetAwaiter().GetResult();
            _mqtt.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _mqtt = null;
        }

        private string MessagingSummary()
        {
            AgentPublisher p = Publisher;
            string where = _mqtt == null ? "recorded in process" : $"to {_o.Mqtt!.Broker} as {VehicleId}";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"MQTT {where}: {Published.Published:N0} messages ({p.AlertsPosted} alerts, {p.TelemetryPosted:N0} telemetry, {p.ForecastsPosted:N0} forecasts), " +
                $"alert seq through {Outbox.NextAlertSeq - 1}, {Outbox.Dropped} dropped, {Outbox.Count} still queued, " +
                $"{Loop.Messaging.Commands.Applied} commands applied, {Loop.Messaging.Commands.Refused} refused");
        }
    }
}
