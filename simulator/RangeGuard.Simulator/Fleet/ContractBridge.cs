using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Simulator.Board;

namespace RangeGuard.Simulator.Fleet
{
    /// <summary>
    /// INTERIM, until the car-side contract publisher (issue #8, phase 2) is in the core: turns what the board's
    /// <see cref="AgentPublisher"/> posted (alerts without seq) into contract v1 messages in the real store-and-forward
    /// <see cref="MessageOutbox"/>: alerts with the outbox's per-vehicle seq, telemetry written by the core's
    /// <see cref="TelemetryMessages"/> at the contract cadence (5 s driving, 300 s parked), <c>alerts/active</c> after every transition, <c>forecast</c> every 30 s
    /// while driving (300 s parked), <c>status</c> when the vehicle goes live. Replace with the core publisher when it lands.
    /// </summary>
    public sealed class ContractBridge
    {
        private readonly AgentBoard _board;
        private readonly MessageOutbox _outbox;
        private readonly MqttTopics _topics;
        private readonly Action<string, int, long>? _onAlert;
        private readonly JsonWriter _json = new(768);
        private int _cursor;
        private int _telemetrySeq;
        private long _lastTelemetryMs = long.MinValue;
        private long _lastForecastMs = long.MinValue;

        public ContractBridge(AgentBoard board, MessageOutbox outbox, MqttTopics topics, Action<string, int, long>? onAlert)
        {
            _board = board;
            _outbox = outbox;
            _topics = topics;
            _onAlert = onAlert;
        }

        /// <summary>False while fast-forwarding to the vehicle's start point: what the agent says then is not sent.</summary>
        public bool Live { get; private set; }

        public int AlertsPosted { get; private set; }

        public void GoLive(long nowMs)
        {
            Live = true;
            _cursor = _board.Outbox.Messages.Count;
            _outbox.Post(_topics.Status, "{\"v\":1,\"state\":\"online\",\"t\":" + nowMs.ToString(CultureInfo.InvariantCulture) +
                ",\"fw\":\"sim\",\"profile\":\"rangeguard-ref\",\"up_s\":0,\"free_b\":null,\"seg_cap\":200,\"queued\":0,\"store_err\":0}", MessageClass.Retained);
            PostActive(nowMs);
            PostForecast(nowMs);
            PostTelemetry(nowMs);
        }

        public void AfterStep(long nowMs, bool driving)
        {
            var messages = _board.Outbox.Messages;
            if (!Live)
            {
                _cursor = messages.Count;
                return;
            }

            bool transitions = false;
            for (; _cursor < messages.Count; _cursor++)
            {
                var m = messages[_cursor];
                if (m.Topic.EndsWith("/alert", StringComparison.Ordinal))
                {
                    int seq = _outbox.NextAlertSeq;
                    // {"v":1,"t":…} → {"v":1,"seq":N,"t":…}
                    string payload = m.Payload.Insert(7, "\"seq\":" + seq.ToString(CultureInfo.InvariantCulture) + ",");
                    if (_outbox.PostAlert(_topics.Alerts, seq, payload))
                    {
                        AlertsPosted++;
                        _onAlert?.Invoke(_topics.VehicleId, seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                    }

                    transitions = true;
                }
            }

            if (nowMs - _lastTelemetryMs >= (driving ? 5_000 : 300_000))
            {
                PostTelemetry(nowMs);
            }

            if (transitions)
            {
                PostActive(nowMs);
            }

            if (nowMs - _lastForecastMs >= (driving ? 30_000 : 300_000))
            {
                PostForecast(nowMs);
            }
        }

        private void PostTelemetry(long nowMs)
        {
            _lastTelemetryMs = nowMs;
            Agent a = _board.Agent;
            RangeGuard.State.VehicleReadings r = a.Readings;
            _outbox.Post(_topics.Telemetry, TelemetryMessages.Telemetry(_json, nowMs, ++_telemetrySeq, a.PositionM, r.SocFresh ? r.SocPercent : float.NaN,
                r.BatteryTempFresh ? r.BatteryTempC : float.NaN, r.FreshAmbientC, r.FreshSpeedKmh, a.Forecast, a.Preconditioning, a.HeaterOn, a.Alerts, a.Counters,
                _outbox.Dropped, _board.Bridge.Receiver.Counters, _board.Dispatcher.Counters), MessageClass.Telemetry);
        }

        private void PostActive(long nowMs)
        {
            AlertTable alerts = _board.Agent.Alerts;
            var sb = new StringBuilder(256);
            sb.Append("{\"v\":1,\"t\":").Append(nowMs.ToString(CultureInfo.InvariantCulture)).Append(",\"seq\":")
                .Append((_outbox.NextAlertSeq - 1).ToString(CultureInfo.InvariantCulture)).Append(",\"active\":[");
            bool first = true;
            for (int k = 0; k < alerts.Count; k++)
            {
                AlertSlot s = alerts.Slot(k);
                if (!s.Active)
                {
                    continue;
                }

                sb.Append(first ? "" : ",").Append("{\"code\":\"").Append(s.Code).Append("\",\"sev\":\"").Append(AlertSeverity.Name(s.Severity))
                    .Append("\",\"acked\":").Append(s.Acknowledged ? "true" : "false").Append(",\"fleet\":").Append(s.FleetFlag ? "true" : "false")
                    .Append(",\"text\":").Append(JsonSerializer.Serialize(s.Text ?? string.Empty)).Append('}');
                first = false;
            }

            _outbox.Post(_topics.AlertsActive, sb.Append("]}").ToString(), MessageClass.Retained);
        }

        private void PostForecast(long nowMs)
        {
            _lastForecastMs = nowMs;
            Agent a = _board.Agent;
            ForecastResult f = a.Forecast;
            ArrivalEstimate d = f.Destination;
            DriverAdvice adv = a.Advice;
            object? dest = f.Valid && d.Exists ? new
            {
                name = (string?)null, dist_m = R(d.DistanceM, 0), eta_s = R(d.EtaSeconds, 0), p10 = R(d.SocP10, 1), p50 = R(d.SocP50, 1), p90 = R(d.SocP90, 1),
                reserve_pct = R(d.ReservePercent, 1), p_short = R(Math.Clamp(d.ProbBelowReserve, 0, 1), 2), reachable = d.Reachable,
            } : null;
            string json = JsonSerializer.Serialize(new
            {
                v = 1, t = nowMs, plan = (string?)null, valid = f.Valid, degraded = f.Degraded, reason = f.Reason, pos_m = R(a.PositionM, 0),
                band = R(f.BandRelativeWidth, 3), dest, chargers = Array.Empty<object>(), causes = Array.Empty<object>(),
                strand_m = R(f.StrandingDistanceM, 0),
                advice = new
                {
                    max_kmh = float.IsNaN(adv.MaxSpeedKmh) ? 0 : R(adv.MaxSpeedKmh, 0), charge_at = adv.ChargerIndex,
                    charge_min = float.IsNaN(adv.ChargeMinutes) ? 0 : R(Math.Max(0, adv.ChargeMinutes), 0),
                    charge_to_pct = float.IsNaN(adv.ChargeToSocPercent) ? 0 : R(Math.Clamp(adv.ChargeToSocPercent, 0, 100), 0),
                    setpoint_gain_km = 0, plug_in = adv.PlugInWhenParked, precondition = "off",
                },
            });
            _outbox.Post(_topics.Forecast, json, MessageClass.Retained);
        }

        private static double R(float x, int digits) => float.IsFinite(x) ? Math.Round(x, digits) : 0;
    }
}
