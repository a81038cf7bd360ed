using RangeGuard.Alerts;

namespace RangeGuard.Messaging.Payloads
{
    /// <summary>The <c>alerts</c> (one transition) and <c>alerts/active</c> (the current set) payloads.</summary>
    public static class AlertPayload
    {
        /// <summary>Longest dashboard text sent, characters (the contract's limit; longer texts are cut).</summary>
        public const int MaxTextChars = 200;

        public static string Transition(JsonWriter w, int seq, long nowMs, AlertSlot s, int alertEvent, float odometerKm)
        {
            w.Begin();
            w.Prop("v", MqttContract.Version);
            w.Prop("seq", seq);
            w.Prop("t", nowMs);
            w.Prop("code", s.Code);
            w.Prop("sev", AlertSeverity.Name(s.Severity));
            w.Prop("event", AlertEvent.Name(alertEvent));
            w.Prop("active", s.Active);
            w.Prop("acked", s.Acknowledged);
            w.Prop("text", Cut(s.Text));
            w.Prop("fleet", s.FleetFlag);
            w.Prop("pos_m", s.PositionM, 0);
            w.Prop("odo_km", odometerKm < 0f ? float.NaN : odometerKm, 1);
            w.Prop("strand_m", s.StrandAtM, 0);
            return w.End();
        }

        /// <param name="seq">The seq of the last alert message this set reflects.</param>
        public static string Active(JsonWriter w, long nowMs, int seq, AlertTable alerts)
        {
            w.Begin();
            w.Prop("v", MqttContract.Version);
            w.Prop("t", nowMs);
            w.Prop("seq", seq);
            w.BeginArray("active");
            for (int i = 0; i < alerts.Count; i++)
            {
                AlertSlot s = alerts.Slot(i);
                if (!s.Active)
                {
                    continue;
                }

                w.BeginItem();
                w.Prop("code", s.Code);
                w.Prop("sev", AlertSeverity.Name(s.Severity));
                w.Prop("acked", s.Acknowledged);
                w.Prop("fleet", s.FleetFlag);
                w.Prop("text", Cut(s.Text));
                w.EndItem();
            }

            w.EndArray();
            return w.End();
        }

        private static string Cut(string text)
        {
            return text != null && text.Length > MaxTextChars ? text.Substring(0, MaxTextChars) : text;
        }
    }
}
