using RangeGuard.Alerts;
using RangeGuard.Messaging.Json;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>
    /// Entry point for commands received on <c>cmd/&lt;name&gt;</c>: checks the name and the size, parses the payload into
    /// the staging copy of that command and reports ok or the offending field and the reason. Nothing outside the staging
    /// copies changes here; the caller applies a staged command only when <see cref="Parse"/> returned true.
    /// Allocated once (the route staging plan holds the car's segment capacity).
    /// </summary>
    public sealed class CommandParser
    {
        public const int Route = 0;
        public const int Config = 1;
        public const int Precondition = 2;
        public const int Ack = 3;
        public const int Ping = 4;
        public const int Unknown = -1;

        public const int MaxIdChars = 64;
        public const int MaxNameChars = 32;
        public const int MaxTextChars = 6000;
        public const int MaxDepth = 6;
        public const int MaxRouteBytes = 32768;
        public const int MaxOtherBytes = 8192;

        private static readonly string[] s_names = { "route", "config", "precondition", "ack", "ping" };
        private static readonly string[] s_pingFields = { "id" };

        private readonly CommandReader _reader = new CommandReader(MaxDepth, MaxTextChars);

        /// <summary>The fields cmd/ping accepts (the contract test reads them).</summary>
        public static string[] PingFields() { return RangeGuard.Common.Strings.Copy(s_pingFields); }

        public CommandParser(int segmentCapacity)
        {
            RouteStaging = new RouteCommand(segmentCapacity);
            ConfigStaging = new ConfigCommand();
            PreconditionStaging = new PreconditionCommand();
            AckStaging = new AckCommand();
        }

        public RouteCommand RouteStaging { get; private set; }

        public ConfigCommand ConfigStaging { get; private set; }

        public PreconditionCommand PreconditionStaging { get; private set; }

        public AckCommand AckStaging { get; private set; }

        /// <summary>Command of the latest <see cref="Parse"/> (Route..Ping, or Unknown).</summary>
        public int Kind { get; private set; }

        /// <summary>Request id of the latest command (null when it could not be read).</summary>
        public string RequestId { get; private set; }

        /// <summary>Offending field of the latest command ("$" = the document), null when it was valid.</summary>
        public string ErrorField { get; private set; }

        public string ErrorReason { get; private set; }

        /// <summary>Command names, in Kind order.</summary>
        public static string Name(int kind)
        {
            return kind >= 0 && kind < s_names.Length ? s_names[kind] : "unknown";
        }

        public static int KindOf(string name)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (s_names[i] == name)
                {
                    return i;
                }
            }

            return Unknown;
        }

        public static int MaxBytes(int kind)
        {
            return kind == Route ? MaxRouteBytes : MaxOtherBytes;
        }

        /// <summary>
        /// Parses command <paramref name="name"/> into its staging copy. <paramref name="carAmbientC"/> (NaN if unknown) fills
        /// route segments without an air temperature; <paramref name="currentAlerts"/> (may be null) is read for checks across
        /// thresholds. True when the command is valid and staged.
        /// </summary>
        public bool Parse(string name, byte[] payload, int length, float carAmbientC, AlertConfig currentAlerts)
        {
            Kind = KindOf(name);
            RequestId = null;
            ErrorField = null;
            ErrorReason = null;
            CommandReader r = _reader;
            if (payload == null || length < 0)
            {
                length = 0;
            }

            if (Kind == Unknown)
            {
                RequestId = FindId(payload, length);
                return Refuse("command", "unknown command '" + (name == null ? string.Empty : name) + "'; known: route, config, precondition, ack, ping");
            }

            if (length > MaxBytes(Kind))
            {
                RequestId = FindId(payload, length);
                return Refuse(CommandReader.DocumentField, "payload of " + length.ToString() + " bytes is over the limit of " + MaxBytes(Kind).ToString() + " bytes for cmd/" + name);
            }

            // First the document as JSON (syntax, depth, string lengths), so those errors are reported the same whatever
            // the fields say; then the fields.
            r.Reset(payload, length);
            int t;
            do
            {
                t = r.Json.Read();
            }
            while (t != JsonToken.EndOfDocument && t != JsonToken.Error);
            if (t == JsonToken.Error)
            {
                r.SyntaxError();
                RequestId = FindId(payload, length);
                return Refuse(r.ErrorField, r.ErrorReason);
            }

            r.Reset(payload, length);
            bool ok;
            t = r.Json.Read();
            if (t != JsonToken.BeginObject)
            {
                ok = t == JsonToken.Error ? r.SyntaxError() : r.FailDocument("expected a JSON object, found " + JsonToken.Describe(t));
            }
            else
            {
                switch (Kind)
                {
                    case Route: ok = RouteStaging.Parse(r, carAmbientC); RequestId = RouteStaging.RequestId; break;
                    case Config: ok = ConfigStaging.Parse(r, currentAlerts); RequestId = ConfigStaging.RequestId; break;
                    case Precondition: ok = PreconditionStaging.Parse(r); RequestId = PreconditionStaging.RequestId; break;
                    case Ack: ok = AckStaging.Parse(r); RequestId = AckStaging.RequestId; break;
                    default: ok = ParsePing(r); break;
                }

                ok = ok && r.ExpectEnd();
                if (ok && RequestId == null)
                {
                    ok = r.FailField("id", "required");
                }
            }

            if (ok)
            {
                return true;
            }

            if (RequestId == null)
            {
                RequestId = FindId(payload, length);
            }

            return Refuse(r.ErrorField, r.ErrorReason);
        }

        private bool ParsePing(CommandReader r)
        {
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_pingFields, ref seen);
                if (f == -1)
                {
                    return true;
                }

                string id;
                if (f == -2 || !r.String("id", MaxIdChars, false, out id))
                {
                    return false;
                }

                RequestId = id;
            }
        }

        private bool Refuse(string field, string reason)
        {
            ErrorField = field;
            ErrorReason = reason;
            return false;
        }

        /// <summary>Best effort for the result of a refused command: a top-level string "id" read before anything broke.</summary>
        private string FindId(byte[] payload, int length)
        {
            if (payload == null)
            {
                return null;
            }

            // Only the head of an oversized payload is looked at (the id usually comes first).
            JsonReader j = _reader.Json;
            j.Reset(payload, length > MaxRouteBytes ? MaxRouteBytes : length);
            if (j.Read() != JsonToken.BeginObject)
            {
                return null;
            }

            while (j.Read() == JsonToken.PropertyName)
            {
                bool isId = j.NameIs("id");
                int t = j.Read();
                if (isId)
                {
                    return t == JsonToken.String && j.StringLength > 0 && j.StringLength <= MaxIdChars ? j.GetString() : null;
                }

                if (!j.Skip())
                {
                    return null;
                }
            }

            return null;
        }
    }
}
