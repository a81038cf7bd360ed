using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Messaging.Json;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>
    /// Entry point for commands received on <c>cmd/&lt;name&gt;</c>: checks the name and the size, parses the payload into
    /// the staging copy of that command and reports ok or the offending field and the reason. Nothing outside the staging
    /// copies changes here; the caller applies a staged command only when <see cref="Parse"/> returned true.
    /// Allocated once, except the route staging plan (a route's worth of segments), allocated per cmd/route.
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

        private readonly CommandReader _reader;

        /// <summary>The fields cmd/ping accepts (the contract test reads them).</summary>
        public static string[] PingFields() { return RangeGuard.Common.Strings.Copy(s_pingFields); }

        public CommandParser(int segmentCapacity) : this(segmentCapacity, RoutePlan.MaxChargers, null)
        {
        }

        /// <param name="scratch">
        /// Char buffer the reader decodes strings in, borrowed (the loop passes its JSON writer's: a command is read before
        /// its result is written); null: a buffer of <see cref="MaxTextChars"/> of its own. Longer strings get their own.
        /// </param>
        public CommandParser(int segmentCapacity, int chargerCapacity, char[] scratch)
        {
            _reader = new CommandReader(MaxDepth, MaxTextChars, scratch);
            RouteStaging = new RouteCommand(segmentCapacity, chargerCapacity);
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

        /// <summary><see cref="Start"/> and <see cref="Continue"/>: still reading, the command is valid and staged, it was refused.</summary>
        public const int Reading = 0;
        public const int Valid = 1;
        public const int Invalid = 2;

        /// <summary>Tokens of the syntax pass per segment of budget (a route segment is about 16 tokens).</summary>
        private const int TokensPerSegment = 16;

        private const int PhaseSyntax = 0;
        private const int PhaseFields = 1;

        private byte[] _payload;
        private int _length;
        private int _phase;
        private float _carAmbientC;

        /// <summary>
        /// Parses command <paramref name="name"/> into its staging copy in one go. <paramref name="carAmbientC"/> (NaN if
        /// unknown) fills route segments without an air temperature; <paramref name="currentAlerts"/> (may be null) is read
        /// for checks across thresholds. True when the command is valid and staged.
        /// </summary>
        public bool Parse(string name, byte[] payload, int length, float carAmbientC, AlertConfig currentAlerts)
        {
            int step = Start(name, payload, length, carAmbientC, currentAlerts, int.MaxValue);
            while (step == Reading)
            {
                step = Continue(int.MaxValue);
            }

            return step == Valid;
        }

        /// <summary>
        /// Starts parsing a command. A cmd/route is read at most <paramref name="segments"/> segments per call
        /// (<see cref="Continue"/> reads on: a long route never stalls the loop); the others in one go. Returns Reading,
        /// Valid or Invalid (then <see cref="ErrorField"/> and <see cref="ErrorReason"/> say why).
        /// </summary>
        public int Start(string name, byte[] payload, int length, float carAmbientC, AlertConfig currentAlerts, int segments)
        {
            Kind = KindOf(name);
            RequestId = null;
            ErrorField = null;
            ErrorReason = null;
            _payload = null;
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
            _payload = payload;
            _length = length;
            _carAmbientC = carAmbientC;
            _phase = PhaseSyntax;
            r.Reset(payload, length);
            if (Kind != Route)
            {
                int step = Continue(int.MaxValue);
                return step == Reading ? Finish(ParseOther(currentAlerts)) : step;
            }

            return Continue(segments);
        }

        /// <summary>Reads on (a cmd/route: at most <paramref name="segments"/> more segments). Returns Reading, Valid or Invalid.</summary>
        public int Continue(int segments)
        {
            if (_payload == null)
            {
                return Invalid;
            }

            CommandReader r = _reader;
            if (_phase == PhaseSyntax)
            {
                int tokens = segments > int.MaxValue / TokensPerSegment ? int.MaxValue : segments * TokensPerSegment;
                int t;
                do
                {
                    t = r.Json.Read();
                    if (t == JsonToken.EndOfDocument)
                    {
                        break;
                    }

                    if (t == JsonToken.Error)
                    {
                        r.SyntaxError();
                        RequestId = FindId(_payload, _length);
                        return Refuse(r.ErrorField, r.ErrorReason);
                    }
                }
                while (--tokens > 0);
                if (t != JsonToken.EndOfDocument)
                {
                    return Reading;
                }

                r.Reset(_payload, _length);
                _phase = PhaseFields;
                if (Kind != Route)
                {
                    return Reading; // Start reads the fields of the short commands
                }

                t = r.Json.Read();
                if (t != JsonToken.BeginObject)
                {
                    return Finish(t == JsonToken.Error ? r.SyntaxError() : r.FailDocument("expected a JSON object, found " + JsonToken.Describe(t)));
                }

                RouteStaging.Begin(_carAmbientC);
                segments = tokens / TokensPerSegment; // what is left of this call's budget
                if (segments < 1)
                {
                    return Reading;
                }
            }

            int step = RouteStaging.Step(r, segments);
            if (step == RouteCommand.Reading)
            {
                return Reading;
            }

            RequestId = RouteStaging.RequestId;
            return Finish(step == RouteCommand.Valid);
        }

        /// <summary>The fields of a command other than cmd/route, in one go.</summary>
        private bool ParseOther(AlertConfig currentAlerts)
        {
            CommandReader r = _reader;
            int t = r.Json.Read();
            if (t != JsonToken.BeginObject)
            {
                return t == JsonToken.Error ? r.SyntaxError() : r.FailDocument("expected a JSON object, found " + JsonToken.Describe(t));
            }

            bool ok;
            switch (Kind)
            {
                case Config: ok = ConfigStaging.Parse(r, currentAlerts); RequestId = ConfigStaging.RequestId; break;
                case Precondition: ok = PreconditionStaging.Parse(r); RequestId = PreconditionStaging.RequestId; break;
                case Ack: ok = AckStaging.Parse(r); RequestId = AckStaging.RequestId; break;
                default: ok = ParsePing(r); break;
            }

            return ok;
        }

        /// <summary>The fields were read (or failed): the end of the document and the id, then the verdict. Lets go of the payload.</summary>
        private int Finish(bool ok)
        {
            CommandReader r = _reader;
            ok = ok && r.ExpectEnd();
            if (ok && RequestId == null)
            {
                ok = r.FailField("id", "required");
            }

            if (!ok && RequestId == null)
            {
                RequestId = FindId(_payload, _length);
            }

            string field = r.ErrorField;
            string reason = r.ErrorReason;
            _payload = null;
            r.Reset(null, 0); // the payload may go (a route's is the largest transient of a re-plan)
            return ok ? Valid : Refuse(field, reason);
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

        private int Refuse(string field, string reason)
        {
            _payload = null;
            _reader.Reset(null, 0);
            ErrorField = field;
            ErrorReason = reason;
            return Invalid;
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
