using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Messaging
{
    /// <summary>The two MQTT payloads; fields are documented in hardware-docs/mqtt-contract.md (keep both in step).</summary>
    public static class TelemetryMessages
    {
        public const int Version = 1;

        private static readonly string[] s_modes = { "off", "wait_dc", "heat_dc", "wait_departure", "heat_departure", "declined" };

        public static string Telemetry(JsonWriter w, long nowMs, int seq, float positionM, float socPct, float battC, float ambC,
            float speedKmh, ForecastResult f, PreconditioningPlanner p, bool heaterOn, AlertTable alerts, AgentCounters c, int dropped, SlcanCounters slcan, DecoderCounters decoder)
        {
            w.Begin();
            w.Prop("v", Version);
            w.Prop("t", nowMs);
            w.Prop("seq", seq);
            w.Prop("pos_m", positionM, 0);
            w.Prop("soc_pct", socPct, 1);
            w.Prop("batt_c", battC, 1);
            w.Prop("amb_c", ambC, 1);
            w.Prop("spd_kmh", speedKmh, 1);
            w.Prop("valid", f.Valid);
            w.Prop("degraded", f.Degraded);
            w.Prop("dest_p10", f.Valid ? f.Destination.SocP10 : float.NaN, 1);
            w.Prop("dest_p50", f.Valid ? f.Destination.SocP50 : float.NaN, 1);
            w.Prop("dest_p90", f.Valid ? f.Destination.SocP90 : float.NaN, 1);
            w.Prop("next_chg", f.Valid ? f.NextChargerIndex : -1);
            w.Prop("next_p10", f.Valid && f.NextCharger.Exists ? f.NextCharger.SocP10 : float.NaN, 1);
            w.Prop("band", f.BandRelativeWidth, 3);
            w.Prop("heater", heaterOn);
            int mode = p.Mode;
            w.Prop("precond", mode >= 0 && mode < s_modes.Length ? s_modes[mode] : "unknown");
            w.Prop("heat_kwh", p.PlannedHeatingKwh, 2);
            int top = alerts.TopKind;
            w.Prop("alert", top < 0 ? null : alerts.Slot(top).Code);
            w.Prop("sev", top < 0 ? 0 : alerts.Slot(top).Severity);
            w.Prop("alerts", alerts.ActiveCount);
            w.Prop("exc", c.Exceptions);
            w.Prop("stale", c.StaleEvents);
            w.Prop("dropped", dropped);
            // The CAN path's health since start: frames from the bridge, lines it could not parse, frames the decoder
            // rejected (unknown id, too short, implausible value); -1 when the board has no such stage.
            w.Prop("can_frames", slcan == null ? -1 : slcan.Frames);
            w.Prop("slcan_errors", slcan == null ? -1 : slcan.ParseErrors);
            w.Prop("unknown_ids", decoder == null ? -1L : decoder.UnknownIdFrames);
            w.Prop("decode_errors", decoder == null ? -1L : decoder.DecodeErrors + decoder.OutOfRangeValues);
            return w.End();
        }

        public static string Alert(JsonWriter w, long nowMs, AlertSlot s, int alertEvent, float odometerKm)
        {
            w.Begin();
            w.Prop("v", Version);
            w.Prop("t", nowMs);
            w.Prop("code", s.Code);
            w.Prop("sev", AlertSeverity.Name(s.Severity));
            w.Prop("event", AlertEvent.Name(alertEvent));
            w.Prop("active", s.Active);
            w.Prop("acked", s.Acknowledged);
            w.Prop("text", s.Text);
            w.Prop("fleet", s.FleetFlag);
            w.Prop("pos_m", s.PositionM, 0);
            w.Prop("odo_km", odometerKm < 0f ? float.NaN : odometerKm, 1);
            w.Prop("strand_m", s.StrandAtM, 0);
            return w.End();
        }
    }
}
