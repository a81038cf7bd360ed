using RangeGuard.Messaging.Commands;

namespace RangeGuard.Messaging
{
    /// <summary>
    /// The topic names of one car (hardware-docs/mqtt-contract.md, "Topics"), built once so publishing allocates no topic
    /// text. Default prefix <c>rangeguard/v1/</c>; the vehicle id follows it.
    /// </summary>
    public sealed class MqttTopics
    {
        public const string DefaultPrefix = "rangeguard/v1/";
        public const int MaxVehicleIdChars = 32;

        private readonly string[] _results = new string[5];

        public MqttTopics(string prefix, string vehicleId)
        {
            string problem = CheckVehicleId(vehicleId);
            if (problem != null)
            {
                throw new System.ArgumentException(problem);
            }

            if (prefix == null || prefix.Length == 0 || prefix[prefix.Length - 1] != '/')
            {
                throw new System.ArgumentException("topic prefix must end with '/'");
            }

            VehicleId = vehicleId;
            Root = prefix + vehicleId + "/";
            Status = Root + "status";
            Telemetry = Root + "telemetry";
            Forecast = Root + "forecast";
            Alerts = Root + "alerts";
            AlertsActive = Root + "alerts/active";
            CommandPrefix = Root + "cmd/";
            CommandFilter = CommandPrefix + "+";
            for (int i = 0; i < _results.Length; i++)
            {
                _results[i] = CommandPrefix + CommandParser.Name(i) + "/result";
            }
        }

        public string VehicleId { get; private set; }

        /// <summary>"rangeguard/v1/&lt;id&gt;/".</summary>
        public string Root { get; private set; }

        public string Status { get; private set; }

        public string Telemetry { get; private set; }

        public string Forecast { get; private set; }

        public string Alerts { get; private set; }

        public string AlertsActive { get; private set; }

        public string CommandPrefix { get; private set; }

        /// <summary>The subscription: "…/cmd/+" (one level, so the car never receives its own results).</summary>
        public string CommandFilter { get; private set; }

        /// <summary>Where the result of command <paramref name="name"/> goes.</summary>
        public string ResultTopic(string name)
        {
            int kind = CommandParser.KindOf(name);
            return kind >= 0 ? _results[kind] : CommandPrefix + name + "/result";
        }

        /// <summary>The command name of a received topic "…/cmd/&lt;name&gt;", or null for any other topic.</summary>
        public string CommandName(string topic)
        {
            if (topic == null || topic.Length <= CommandPrefix.Length || !topic.StartsWith(CommandPrefix))
            {
                return null;
            }

            string name = topic.Substring(CommandPrefix.Length);
            return name.IndexOf('/') >= 0 ? null : name;
        }

        /// <summary>Null when <paramref name="id"/> is a valid vehicle id (1..32 of A-Z a-z 0-9 . _ -), else the reason.</summary>
        public static string CheckVehicleId(string id)
        {
            if (id == null || id.Length == 0 || id.Length > MaxVehicleIdChars)
            {
                return "vehicle id must have 1.." + MaxVehicleIdChars.ToString() + " characters";
            }

            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                if (!ok)
                {
                    return "vehicle id may only hold A-Z a-z 0-9 . _ - (found '" + c.ToString() + "')";
                }
            }

            return null;
        }
    }
}
