using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Messaging.Payloads;
using RangeGuard.Ports;

namespace RangeGuard.Messaging.Publishing
{
    /// <summary>
    /// Turns what the agent did into contract messages in the outbox: one <c>alerts</c> message per transition (with the
    /// next seq) and then <c>alerts/active</c>, <c>telemetry</c> on its cadence, the retained <c>forecast</c> on its
    /// cadence, <c>status</c> at every (re)connect (first in the queue) and command results. The agent knows nothing of
    /// topics or JSON. One JSON writer sized for the largest payload; per message only its text is allocated.
    /// </summary>
    public sealed class AgentPublisher
    {
        /// <summary>Longest message the JSON writer builds: the largest payload class (retained, 3072 characters).</summary>
        public const int WriterCapacity = 3072;

        /// <summary>The writer's buffer: a longer message goes through it in chunks (telemetry, results and most alerts fit at once).</summary>
        public const int WriterBufferChars = 1024;

        private readonly Agent _agent;
        private readonly MqttTopics _topics;
        private readonly MessageOutbox _outbox;
        private readonly IDeviceInfo _device;
        private readonly JsonWriter _json = new JsonWriter(WriterCapacity, WriterBufferChars);
        private readonly TelemetryCadence _telemetry = new TelemetryCadence();
        private readonly ForecastCadence _forecast = new ForecastCadence();
        private int _telemetrySeq;
        private int _planIdPlans = -1;
        private string _planId;
        private SlcanCounters _slcan;
        private DecoderCounters _decoder;

        public AgentPublisher(Agent agent, MqttTopics topics, MessageOutbox outbox, IDeviceInfo device, int segmentCapacity)
        {
            _agent = agent;
            _topics = topics;
            _outbox = outbox;
            _device = device;
            SegmentCapacity = segmentCapacity;
            ProfileName = string.Empty;
            outbox.AlertTopic = topics.Alerts;
        }

        public MqttTopics Topics
        {
            get { return _topics; }
        }

        public TelemetryCadence Telemetry
        {
            get { return _telemetry; }
        }

        /// <summary>Signal profile in force (status "profile"); the loop keeps it current.</summary>
        public string ProfileName { get; set; }

        /// <summary>Route segments the car holds (status "seg_cap").</summary>
        public int SegmentCapacity { get; private set; }

        /// <summary>Messages the outbox accepted / refused since boot (it owns retries and eviction).</summary>
        public int Posted { get; private set; }
        public int Refused { get; private set; }

        /// <summary>Per topic: messages posted, for the summary and the measurements.</summary>
        public int AlertsPosted { get; private set; }
        public int TelemetryPosted { get; private set; }
        public int ForecastsPosted { get; private set; }

        /// <summary>Request id of the cmd/route in force, null when the plan in force was set locally.</summary>
        public string PlanId
        {
            get { return _agent.Counters.PlansAccepted == _planIdPlans ? _planId : null; }
        }

        /// <summary>The plan just accepted came from cmd/route with this request id.</summary>
        public void SetPlanId(string requestId)
        {
            _planId = requestId;
            _planIdPlans = _agent.Counters.PlansAccepted;
        }

        /// <summary>The CAN path's counters for telemetry (either may be null).</summary>
        public void AttachCounters(SlcanCounters slcan, DecoderCounters decoder)
        {
            _slcan = slcan;
            _decoder = decoder;
        }

        /// <summary>After a tick: its alert transitions, then telemetry and the forecast when due.</summary>
        public void AfterTick(long nowMs)
        {
            AlertTransitions t = _agent.Transitions;
            AlertTable alerts = _agent.Alerts;
            for (int i = 0; i < t.Count; i++)
            {
                AlertSlot s = alerts.Slot(t.Kind(i));
                int seq = _outbox.NextAlertSeq;
                Count(_outbox.PostAlert(_topics.Alerts, seq, AlertPayload.Transition(_json, seq, nowMs, s, t.Event(i), _agent.Readings.OdometerKm)));
                AlertsPosted++;
            }

            if (t.Count > 0)
            {
                PostActive(nowMs);
            }

            if (!_agent.LastTickOk)
            {
                return;
            }

            if (_telemetry.Due(nowMs, _agent))
            {
                _telemetrySeq++;
                // A message thinning would refuse is not built (the outbox counts it; the seq is used up as before).
                Count(!_outbox.ThinTelemetry()
                    && _outbox.Post(_topics.Telemetry, TelemetryPayload.Write(_json, nowMs, _telemetrySeq, _agent, _outbox.Dropped, _slcan, _decoder), MessageClass.Telemetry));
                _telemetry.Sent(nowMs, _agent);
                TelemetryPosted++;
            }

            if (_agent.Trip.PlanSet && _forecast.Due(nowMs, _agent))
            {
                PostForecast(nowMs);
            }
        }

        /// <summary>
        /// A new connection: the retained status goes first (ahead of everything queued), then the current alert set and
        /// forecast again, so a broker that lost its retained copies gets them back.
        /// </summary>
        public void OnConnected(long nowMs)
        {
            Count(_outbox.PostFirst(_topics.Status, OnlineStatus(nowMs)));
            PostActive(nowMs);
            if (_agent.Trip.PlanSet)
            {
                PostForecast(nowMs);
            }
        }

        public string OnlineStatus(long nowMs)
        {
            return StatusPayload.Online(_json, nowMs, _device.FirmwareVersion, ProfileName, _device.UptimeMs / 1000, _device.FreeMemoryBytes,
                SegmentCapacity, _outbox.Count, _outbox.StoreErrors);
        }

        /// <summary>The payload a car publishes itself before a clean disconnect.</summary>
        public string OfflineStatus(long nowMs)
        {
            return StatusPayload.Offline(_json, nowMs, StatusPayload.ReasonShutdown);
        }

        /// <summary>Queues a command result (QoS 1, never evicted).</summary>
        public bool PostResult(string command, string payload)
        {
            bool ok = _outbox.Post(_topics.ResultTopic(command), payload, MessageClass.Result);
            Count(ok);
            return ok;
        }

        /// <summary>The writer results are built with (one writer for everything the loop sends).</summary>
        public JsonWriter Json
        {
            get { return _json; }
        }

        private void PostActive(long nowMs)
        {
            Count(_outbox.Post(_topics.AlertsActive, AlertPayload.Active(_json, nowMs, _outbox.NextAlertSeq - 1, _agent.Alerts), MessageClass.Retained));
        }

        private void PostForecast(long nowMs)
        {
            Count(_outbox.Post(_topics.Forecast, ForecastPayload.Write(_json, nowMs, PlanId, _agent), MessageClass.Retained));
            _forecast.Sent(nowMs, _agent);
            ForecastsPosted++;
        }

        private void Count(bool ok)
        {
            if (ok)
            {
                Posted++;
            }
            else
            {
                Refused++;
            }
        }
    }
}
