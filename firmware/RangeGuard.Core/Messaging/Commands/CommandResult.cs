namespace RangeGuard.Messaging.Commands
{
    /// <summary>The <c>cmd/&lt;name&gt;/result</c> payload (hardware-docs/mqtt-contract.md, "Result").</summary>
    public static class CommandResult
    {
        /// <param name="upSeconds">Seconds since boot for a ping result; negative to leave it out.</param>
        public static string Write(JsonWriter w, string requestId, bool ok, long nowMs, string errorField, string errorReason, long upSeconds)
        {
            w.Begin();
            w.Prop("v", MqttContract.Version);
            w.Prop("id", requestId);
            w.Prop("ok", ok);
            w.Prop("t", nowMs);
            if (!ok)
            {
                w.BeginObject("error");
                w.Prop("field", errorField);
                w.Prop("reason", errorReason);
                w.EndObject();
            }

            if (upSeconds >= 0)
            {
                w.Prop("up_s", upSeconds);
            }

            return w.End();
        }

        /// <summary>The result of what <paramref name="parser"/> parsed last (ok, or its error).</summary>
        public static string Write(JsonWriter w, CommandParser parser, bool ok, long nowMs, long upSeconds)
        {
            return Write(w, parser.RequestId, ok, nowMs, parser.ErrorField, parser.ErrorReason, upSeconds);
        }
    }
}
