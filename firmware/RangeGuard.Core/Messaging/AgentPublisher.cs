using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Ports;
using RangeGuard.State;

namespace RangeGuard.Messaging
{
    /// <summary>
    /// Turns what the agent did in a tick into messages for the outbox: one alert message per transition, telemetry every
    /// <see cref="AgentConfig.TelemetryEveryTicks"/> completed ticks. The agent knows nothing of topics or JSON.
    /// </summary>
    public sealed class AgentPublisher
    {
        private readonly Agent _agent;
        private readonly IOutbox _outbox;
        private readonly JsonWriter _json = new JsonWriter(512);
        private readonly string _telemetryTopic;
        private readonly string _alertTopic;
        private int _telemetrySeq;
        private SlcanCounters _slcan;
        private DecoderCounters _decoder;

        public AgentPublisher(Agent agent, IOutbox outbox)
        {
            _agent = agent;
            _outbox = outbox;
            _telemetryTopic = "rangeguard/" + agent.Config.VehicleId + "/telemetry";
            _alertTopic = "rangeguard/" + agent.Config.VehicleId + "/alert";
        }

        public string TelemetryTopic
        {
            get { return _telemetryTopic; }
        }

        public string AlertTopic
        {
            get { return _alertTopic; }
        }

        /// <summary>Messages the outbox accepted, and refused (it owns retries; the publisher only counts).</summary>
        public int MessagesPosted { get; private set; }
        public int MessagesDropped { get; private set; }

        /// <summary>The CAN path's counters for telemetry (the core loop attaches its bridge's and decoder's; either may be null).</summary>
        public void AttachCounters(SlcanCounters slcan, DecoderCounters decoder)
        {
            _slcan = slcan;
            _decoder = decoder;
        }

        /// <summary>Publishes the latest tick's alert transitions and, when due, telemetry.</summary>
        public void AfterTick(long nowMs)
        {
            AlertTransitions t = _agent.Transitions;
            AlertTable alerts = _agent.Alerts;
            for (int i = 0; i < t.Count; i++)
            {
                AlertSlot s = alerts.Slot(t.Kind(i));
                Post(_alertTopic, TelemetryMessages.Alert(_json, nowMs, s, t.Event(i), _agent.Readings.OdometerKm));
            }

            int every = _agent.Config.TelemetryEveryTicks;
            if (_agent.LastTickOk && every > 0 && _agent.Counters.Ticks % every == 0)
            {
                _telemetrySeq++;
                VehicleReadings r = _agent.Readings;
                Post(_telemetryTopic, TelemetryMessages.Telemetry(_json, nowMs, _telemetrySeq, _agent.PositionM,
                    r.SocFresh ? r.SocPercent : float.NaN, r.BatteryTempFresh ? r.BatteryTempC : float.NaN, r.FreshAmbientC,
                    r.FreshSpeedKmh, _agent.Forecast, _agent.Preconditioning, _agent.HeaterOn, alerts, _agent.Counters, MessagesDropped, _slcan, _decoder));
            }
        }

        private void Post(string topic, string payload)
        {
            bool ok;
            try
            {
                ok = _outbox.Post(topic, payload);
            }
            catch (System.Exception)
            {
                ok = false;
            }

            if (ok)
            {
                MessagesPosted++;
            }
            else
            {
                MessagesDropped++;
            }
        }
    }
}
