namespace RangeGuard.Messaging.Payloads
{
    /// <summary>The retained <c>status</c> payload (hardware-docs/mqtt-contract.md, "status").</summary>
    public static class StatusPayload
    {
        public const string ReasonShutdown = "shutdown";

        /// <param name="freeBytes">Free managed memory, or negative when the platform cannot tell (written as null).</param>
        public static string Online(JsonWriter w, long nowMs, string firmware, string profile, long upSeconds, long freeBytes,
            int segmentCapacity, int queued, int storeErrors)
        {
            w.Begin();
            w.Prop("v", MqttContract.Version);
            w.Prop("state", "online");
            w.Prop("t", nowMs);
            w.Prop("fw", firmware);
            w.Prop("profile", profile);
            w.Prop("up_s", upSeconds);
            if (freeBytes < 0)
            {
                w.PropNull("free_b");
            }
            else
            {
                w.Prop("free_b", freeBytes);
            }

            w.Prop("seg_cap", segmentCapacity);
            w.Prop("queued", queued);
            w.Prop("store_err", storeErrors);
            return w.End();
        }

        /// <summary>What a car publishes itself before a clean disconnect (the last will has no "t" and no "reason").</summary>
        public static string Offline(JsonWriter w, long nowMs, string reason)
        {
            w.Begin();
            w.Prop("v", MqttContract.Version);
            w.Prop("state", "offline");
            w.Prop("t", nowMs);
            w.Prop("reason", reason);
            return w.End();
        }
    }
}
