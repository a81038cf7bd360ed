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
        // The member names in message order, copied from one array made per message (JsonWriter.Prop(char[], ...)): a call
        // per name instead of one per character; each member's offset and length below.
        private const string Names = "vtseqpos_msoc_pctbatt_camb_cspd_kmhvaliddegradeddest_p10dest_p50dest_p90next_chgnext_p10bandheaterprecondheat_kwhalertsevalertsexcstaledroppedcan_framesslcan_errorsunknown_idsdecode_errors";

        /// <param name="dropped">Messages the outbox refused or evicted since boot.</param>
        /// <param name="slcan">The SLCAN bridge's counters (null: no bridge, written as -1).</param>
        /// <param name="decoder">The signal decoder's counters (null: no decoder, written as -1).</param>
        public static string Write(JsonWriter w, long nowMs, int seq, Agent a, int dropped, SlcanCounters slcan, DecoderCounters decoder)
        {
            VehicleReadings r = a.Readings;
            ForecastResult f = a.Forecast;
            AlertTable alerts = a.Alerts;
            AgentCounters c = a.Counters;
            char[] n = Names.ToCharArray();
            w.Begin();
            w.Prop(n, 0, 1, MqttContract.Version);   // v
            w.Prop(n, 1, 1, nowMs);   // t
            w.Prop(n, 2, 3, seq);   // seq
            w.Prop(n, 5, 5, a.PositionM, 0);   // pos_m
            w.Prop(n, 10, 7, r.SocFresh ? r.SocPercent : float.NaN, 1);   // soc_pct
            w.Prop(n, 17, 6, r.BatteryTempFresh ? r.BatteryTempC : float.NaN, 1);   // batt_c
            w.Prop(n, 23, 5, r.FreshAmbientC, 1);   // amb_c
            w.Prop(n, 28, 7, r.FreshSpeedKmh, 1);   // spd_kmh
            w.Prop(n, 35, 5, f.Valid);   // valid
            w.Prop(n, 40, 8, f.Degraded);   // degraded
            w.Prop(n, 48, 8, f.Valid ? f.Destination.SocP10 : float.NaN, 1);   // dest_p10
            w.Prop(n, 56, 8, f.Valid ? f.Destination.SocP50 : float.NaN, 1);   // dest_p50
            w.Prop(n, 64, 8, f.Valid ? f.Destination.SocP90 : float.NaN, 1);   // dest_p90
            w.Prop(n, 72, 8, f.Valid ? f.NextChargerIndex : -1);   // next_chg
            w.Prop(n, 80, 8, f.Valid && f.NextCharger.Exists ? f.NextCharger.SocP10 : float.NaN, 1);   // next_p10
            w.Prop(n, 88, 4, f.BandRelativeWidth, 3);   // band
            w.Prop(n, 92, 6, a.HeaterOn);   // heater
            w.Prop(n, 98, 7, MqttContract.PreconditionMode(a.Preconditioning.Mode));   // precond
            w.Prop(n, 105, 8, a.Preconditioning.PlannedHeatingKwh, 2);   // heat_kwh
            int top = alerts.TopKind;
            w.Prop(n, 113, 5, top < 0 ? null : alerts.Slot(top).Code);   // alert
            w.Prop(n, 118, 3, top < 0 ? 0 : alerts.Slot(top).Severity);   // sev
            w.Prop(n, 121, 6, alerts.ActiveCount);   // alerts
            w.Prop(n, 127, 3, c.Exceptions);   // exc
            w.Prop(n, 130, 5, c.StaleEvents);   // stale
            w.Prop(n, 135, 7, dropped);   // dropped
            // The CAN path's health since boot: frames from the bridge, lines it could not parse, frames the decoder
            // rejected (unknown id, too short, implausible value); -1 when the car has no such stage.
            w.Prop(n, 142, 10, slcan == null ? -1 : slcan.Frames);   // can_frames
            w.Prop(n, 152, 12, slcan == null ? -1 : slcan.ParseErrors);   // slcan_errors
            w.Prop(n, 164, 11, decoder == null ? -1L : decoder.UnknownIdFrames);   // unknown_ids
            w.Prop(n, 175, 13, decoder == null ? -1L : decoder.DecodeErrors + decoder.OutOfRangeValues);   // decode_errors
            return w.End();
        }
    }
}
