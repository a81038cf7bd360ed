using RangeGuard.Alerts;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>Staging copy of a <c>cmd/ack</c>: one alert code, or "all".</summary>
    public sealed class AckCommand
    {
        public const string All = "all";

        private static readonly string[] s_fields = { "id", "code" };

        /// <summary>The fields the command accepts (the contract test reads them).</summary>
        public static string[] Fields() { return RangeGuard.Common.Strings.Copy(s_fields); }

        public string RequestId { get; private set; }

        /// <summary>The alert code to acknowledge, or <see cref="All"/>.</summary>
        public string Code { get; private set; }

        internal bool Parse(CommandReader r)
        {
            RequestId = null;
            Code = null;
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_fields, ref seen);
                if (f == -1)
                {
                    break;
                }

                if (f == -2)
                {
                    return false;
                }

                string text;
                if (f == 0)
                {
                    if (!r.String("id", CommandParser.MaxIdChars, false, out text))
                    {
                        return false;
                    }

                    RequestId = text;
                }
                else
                {
                    if (!r.String("code", CommandParser.MaxNameChars, false, out text))
                    {
                        return false;
                    }

                    if (text != All && !AlertCatalog.IsKnownCode(text))
                    {
                        return r.FailField("code", "unknown alert code '" + text + "' (RG-... or all)");
                    }

                    Code = text;
                }
            }

            return (seen & 2) != 0 || r.FailField("code", "required (an alert code or all)");
        }
    }
}
