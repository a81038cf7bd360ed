using RangeGuard.Alerts;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>Staging copy of a <c>cmd/ack</c>: one alert code, or "all".</summary>
    public sealed class AckCommand
    {
        public const string All = "all";

        private static readonly string[] s_fields = { "id", "code" };

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

                    if (text != All && !IsKnownCode(text))
                    {
                        return r.FailField("code", "unknown alert code '" + text + "' (RG-... or all)");
                    }

                    Code = text;
                }
            }

            return (seen & 2) != 0 || r.FailField("code", "required (an alert code or all)");
        }

        // Merge of the mqtt branch onto main's alert catalogue (AlertKind became rule objects): a known code is one the
        // catalogue has. Parsing an ack is rare, so building the catalogue here costs nothing that matters.
        private static bool IsKnownCode(string code)
        {
            AlertRule[] rules = AlertCatalog.Create();
            for (int i = 0; i < rules.Length; i++)
            {
                if (rules[i].Code == code)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
