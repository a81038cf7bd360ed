using RangeGuard.Common;
using RangeGuard.Messaging;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// The car's own settings, read from a small key=value file on the device (hardware-docs/device-settings.md), so one
    /// firmware image serves every car: vehicle id, Wi-Fi, broker, credentials, TLS files, route capacity. '#' starts a
    /// comment (route and outbox sizes: hardware-docs/memory.md). A bad line is reported and its key keeps its default; everything else still applies (the agent must run
    /// even with a broken file: offline if the broker settings are the broken ones).
    /// </summary>
    public sealed class DeviceSettings
    {
        public const string FileName = "rangeguard.cfg";
        public const int MaxErrors = 8;

        /// <summary>Vehicle id: topics, MQTT client id, and the broker user name unless <see cref="BrokerUser"/> is set.</summary>
        public string VehicleId = "rg-0001";

        public string TopicPrefix = MqttTopics.DefaultPrefix;

        /// <summary>Empty: use the credentials stored by the device's network configuration (Device Explorer / nanoff).</summary>
        public string WifiSsid = string.Empty;
        public string WifiPassword = string.Empty;

        /// <summary>Empty: no MQTT (the agent runs offline; alerts still queue in flash).</summary>
        public string BrokerHost = string.Empty;
        public int BrokerPort = 8883;
        public bool BrokerTls = true;

        /// <summary>Empty: the vehicle id (the shipped ACL keys on it).</summary>
        public string BrokerUser = string.Empty;
        public string BrokerPassword = string.Empty;

        /// <summary>PEM files on the device's internal drive: the broker's CA, and an optional client certificate and key.</summary>
        public string CaFile = "ca.pem";
        public string ClientCertFile = string.Empty;
        public string ClientKeyFile = string.Empty;

        /// <summary>Defaults sized for an ESP32 without PSRAM (hardware-docs/memory.md); a WROVER takes the "Wrover" values.</summary>
        public const int DefaultRouteSegments = 100;
        public const int DefaultRouteChargers = 16;
        public const int DefaultOutboxMessages = 16;
        public const int DefaultOutboxChars = 6144;
        public const int WroverRouteSegments = 2000;
        public const int WroverOutboxMessages = MqttContract.DeviceOutboxMessages;
        public const int WroverOutboxChars = MqttContract.DeviceOutboxChars;

        /// <summary>Route segments the car holds (92 bytes each in the forecaster, 28 in the plan in force).</summary>
        public int RouteSegments = DefaultRouteSegments;

        /// <summary>Chargers a route may name (a plan keeps about 70 bytes per charger slot, its name too).</summary>
        public int RouteChargers = DefaultRouteChargers;

        /// <summary>
        /// The CAN bridge filters by id in hardware with the SJA1000's acceptance registers (<c>can_filter=sja1000</c>: LAWICEL
        /// CAN232, CANUSB); off by default, because other SLCAN firmwares read the M/m commands differently.
        /// </summary>
        public bool CanFilterSja1000;

        /// <summary>Messages and payload characters the outbox holds while offline (alerts also go to flash).</summary>
        public int OutboxMessages = DefaultOutboxMessages;
        public int OutboxChars = DefaultOutboxChars;

        private readonly string[] _errors = new string[MaxErrors];

        public DeviceSettings()
        {
            for (int i = 0; i < MaxErrors; i++)
            {
                _errors[i] = string.Empty;
            }
        }

        public int ErrorCount { get; private set; }

        public string Error(int i)
        {
            return _errors[i];
        }

        /// <summary>The broker user name in force.</summary>
        public string EffectiveUser
        {
            get { return BrokerUser.Length > 0 ? BrokerUser : VehicleId; }
        }

        /// <summary>Parses the file's text over the defaults; returns the settings (with <see cref="ErrorCount"/> problems noted).</summary>
        public static DeviceSettings Parse(string text)
        {
            DeviceSettings s = new DeviceSettings();
            if (text == null)
            {
                return s;
            }

            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int eq = line.IndexOf('=');
                string problem = eq <= 0 ? "expected key=value" : s.Set(line.Substring(0, eq).Trim().ToLower(), line.Substring(eq + 1).Trim());
                if (problem != null)
                {
                    s.Note("line " + (i + 1).ToString() + ": " + problem);
                }
            }

            return s;
        }

        private string Set(string key, string value)
        {
            long n;
            switch (key)
            {
                case "vehicle_id":
                    string bad = MqttTopics.CheckVehicleId(value);
                    if (bad != null)
                    {
                        return bad;
                    }

                    VehicleId = value;
                    return null;
                case "topic_prefix":
                    if (value.Length == 0 || value[value.Length - 1] != '/')
                    {
                        return "topic_prefix must end with '/'";
                    }

                    TopicPrefix = value;
                    return null;
                case "wifi_ssid": WifiSsid = value; return null;
                case "wifi_password": WifiPassword = value; return null;
                case "broker_host": BrokerHost = value; return null;
                case "broker_port":
                    if (!TextNumber.TryParseLong(value, out n) || n < 1 || n > 65535)
                    {
                        return "broker_port must be 1..65535";
                    }

                    BrokerPort = (int)n;
                    return null;
                case "broker_tls":
                    if (value != "true" && value != "false")
                    {
                        return "broker_tls must be true or false";
                    }

                    BrokerTls = value == "true";
                    return null;
                case "broker_user": BrokerUser = value; return null;
                case "broker_password": BrokerPassword = value; return null;
                case "ca_file": CaFile = value; return null;
                case "client_cert_file": ClientCertFile = value; return null;
                case "client_key_file": ClientKeyFile = value; return null;
                case "route_segments":
                    if (!TextNumber.TryParseLong(value, out n) || n < 10 || n > 2000)
                    {
                        return "route_segments must be 10..2000";
                    }

                    RouteSegments = (int)n;
                    return null;
                case "can_filter":
                    if (value != "none" && value != "sja1000")
                    {
                        return "can_filter must be none or sja1000";
                    }

                    CanFilterSja1000 = value == "sja1000";
                    return null;
                case "route_chargers":
                    if (!TextNumber.TryParseLong(value, out n) || n < 1 || n > RangeGuard.Forecast.RoutePlan.MaxChargers)
                    {
                        return "route_chargers must be 1..64";
                    }

                    RouteChargers = (int)n;
                    return null;
                case "outbox_messages":
                    if (!TextNumber.TryParseLong(value, out n) || n < 4 || n > 256)
                    {
                        return "outbox_messages must be 4..256";
                    }

                    OutboxMessages = (int)n;
                    return null;
                case "outbox_chars":
                    if (!TextNumber.TryParseLong(value, out n) || n < 4096 || n > 262144)
                    {
                        return "outbox_chars must be 4096..262144 (the largest message is 3072)";
                    }

                    OutboxChars = (int)n;
                    return null;
                default:
                    return "unknown key '" + key + "'";
            }
        }

        private void Note(string error)
        {
            if (ErrorCount < MaxErrors)
            {
                _errors[ErrorCount] = error;
            }

            ErrorCount++;
        }
    }
}
