using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Forecast;
using RangeGuard.State;

namespace RangeGuard.Messaging.Payloads
{
    /// <summary>The <c>telemetry</c> payload (hardware-docs/mqtt-contract.md, "telemetry"; keep both in step).</summary>
    public static class TelemetryPayload
    {
        /// <param name="dropped">Messages the outbox refused or evicted since boot.</param>
        /// <param name="slcan">The SLCAN bridge's counters (null: no bridge, written as -1).</param>
        /// <param name="decoder">The signal decoder's counters (null: no decoder, written as -1).</param>
        public static string Write(JsonWriter w, long nowMs, int seq, Agent a, int dropped, SlcanCounters slcan, DecoderCounters decoder)
        {
            VehicleReadings r = a.Readings;
            ForecastResult f = a.Forecast;
            AlertTable alerts = a.Alerts;
            AgentCounters c = a.Counters;
            w.Begin();
            w.Prop("v", MqttContract.Version);
            w.Prop("t", nowMs);
            w.Prop("seq", seq);
            w.Prop("pos_m", a.PositionM, 0);
            w.Prop("soc_pct", r.SocFresh ? r.SocPercent : float.NaN, 1);
            w.Prop("batt_c", r.BatteryTempFresh ? r.BatteryTempC : float.NaN, 1);
            w.Prop("amb_c", r.FreshAmbientC, 1);
            w.Prop("spd_kmh", r.FreshSpeedKmh, 1);
            w.Prop("valid", f.Valid);
            w.Prop("degraded", f.Degraded);
            w.Prop("dest_p10", f.Valid ? f.Destination.SocP10 : float.NaN, 1);
            w.Prop("dest_p50", f.Valid ? f.Destination.SocP50 : float.NaN, 1);
            w.Prop("dest_p90", f.Valid ? f.Destination.SocP90 : float.NaN, 1);
            w.Prop("next_chg", f.Valid ? f.NextChargerIndex : -1);
            w.Prop("next_p10", f.Valid && f.NextCharger.Exists ? f.NextCharger.SocP10 : float.NaN, 1);
            w.Prop("band", f.BandRelativeWidth, 3);
            w.Prop("heater", a.HeaterOn);
            w.Prop("precond", MqttContract.PreconditionMode(a.Preconditioning.Mode));
            w.Prop("heat_kwh", a.Preconditioning.PlannedHeatingKwh, 2);
            int top = alerts.TopKind;
            w.Prop("alert", top < 0 ? null : alerts.Slot(top).Code);
            w.Prop("sev", top < 0 ? 0 : alerts.Slot(top).Severity);
            w.Prop("alerts", alerts.ActiveCount);
            w.Prop("exc", c.Exceptions);
            w.Prop("stale", c.StaleEvents);
            w.Prop("dropped", dropped);
            // The CAN path's health since boot: frames from the bridge, lines it could not parse, frames the decoder
            // rejected (unknown id, too short, implausible value); -1 when the car has no such stage.
            w.Prop("can_frames", slcan == null ? -1 : slcan.Frames);
            w.Prop("slcan_errors", slcan == null ? -1 : slcan.ParseErrors);
            w.Prop("unknown_ids", decoder == null ? -1L : decoder.UnknownIdFrames);
            w.Prop("decode_errors", decoder == null ? -1L : decoder.DecodeErrors + decoder.OutOfRangeValues);
            return w.End();
        }
    }
}
