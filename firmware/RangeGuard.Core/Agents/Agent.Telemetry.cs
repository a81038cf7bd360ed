// Agent: posting alert transitions and periodic telemetry to the outbox, counting posted and dropped messages.
using RangeGuard.Alerts;
using RangeGuard.Messaging;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        private void PostTransitions(long now)
        {
            int kind, ev;
            while (_alerts.TryDequeue(out kind, out ev))
            {
                AlertSlot s = _alerts.Slot(kind);
                Post(_alertTopic, TelemetryMessages.Alert(_json, now, s, ev, _alertIn.OdometerKm));
                if (ev == AlertEvent.Raised || ev == AlertEvent.Worsened)
                {
                    _log.Write(s.Code + " " + AlertEvent.Name(ev) + ": " + s.Text);
                }
            }
        }

        private void PostTelemetry(long now, bool heaterOn)
        {
            if (_cfg.TelemetryEveryTicks <= 0 || _counters.Ticks % _cfg.TelemetryEveryTicks != 0)
            {
                return;
            }

            _telemetrySeq++;
            Post(_telemetryTopic, TelemetryMessages.Telemetry(_json, now, _telemetrySeq, _positionM,
                _socOk ? _inputs.SocPercent : float.NaN, _battOk ? _inputs.BatteryTempC : float.NaN,
                _ambOk ? _inputs.AmbientTempC : float.NaN, _speedOk ? _inputs.SpeedKmh : float.NaN, _forecast, _planner, heaterOn, _alerts, _counters));
        }

        private void Post(string topic, string payload)
        {
            bool ok = false;
            try
            {
                ok = payload != null && _outbox.Post(topic, payload);   // null: too long for the writer (JsonWriter.End)
            }
            catch (System.Exception)
            {
                ok = false;
            }

            if (ok)
            {
                _counters.MessagesPosted++;
            }
            else
            {
                _counters.MessagesDropped++;
            }
        }
    }
}
