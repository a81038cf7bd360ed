using System;
using System.CommandLine;
using System.IO;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>What `run` was told about MQTT: a broker (or the embedded one), the vehicle id, pacing, the state folder.</summary>
    public sealed record MqttRunSettings
    {
        public BrokerAddress? Broker { get; init; }

        /// <summary>Start the embedded broker on this port (0: not at all).</summary>
        public int ServePort { get; init; }

        public string? VehicleId { get; init; }

        /// <summary>Simulated seconds per wall second; 0 = as fast as possible.</summary>
        public double Speed { get; init; }

        /// <summary>Folder of the durable alert store; null: &lt;out&gt;/mqtt/&lt;vehicle id&gt;.</summary>
        public string? StateFolder { get; init; }

        public bool Publishes => Broker != null || ServePort > 0;
    }

    /// <summary>The MQTT options of `run` and how they turn into the board (kept apart from the rest of the command).</summary>
    public sealed class MqttRunOptions
    {
        public readonly Option<string?> Broker = new("--broker")
        {
            Description = "Publish to an MQTT broker and obey its commands: mqtt://host:port or mqtts://host:port (user:password@ allowed in the URL). Runs one mode (the scenario's driver, or --as-driven / --follow-advice).",
        };

        public readonly Option<int?> Serve = new("--serve")
        {
            Description = "Publish to an MQTT broker inside this process on 127.0.0.1 (port 1883, or a free one if taken: printed), no login; watch with mosquitto_sub -h 127.0.0.1 -p PORT -i watcher -t 'rangeguard/#' -v.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        public readonly Option<string?> VehicleId = new("--vehicle-id") { Description = "Vehicle id to publish under (default: sim-<scenario name>); also the broker user name unless --user is given." };
        public readonly Option<string?> User = new("--user") { Description = "Broker user name (default: the vehicle id, as the shipped ACL expects)." };
        public readonly Option<string?> Password = new("--password") { Description = "Broker password (or in the URL, or the RANGEGUARD_MQTT_PASSWORD environment variable)." };
        public readonly Option<string?> Ca = new("--ca") { Description = "PEM file of the CA that signed the broker's certificate (mqtts://)." };
        public readonly Option<string?> Cert = new("--cert") { Description = "Client certificate, PEM (optional, mqtts://)." };
        public readonly Option<string?> Key = new("--key") { Description = "Client certificate's private key, PEM." };
        public readonly Option<string?> State = new("--state") { Description = "Folder where unsent alerts and the alert seq survive a restart (default: <out>/mqtt/<vehicle id>)." };

        public readonly Option<double> Speed = new("--speed")
        {
            Description = "Pace the simulation at this many times real time (e.g. 60: a simulated minute per second); default: as fast as possible.",
            DefaultValueFactory = _ => 0,
        };

        public void AddTo(Command cmd)
        {
            foreach (Option o in new Option[] { Broker, Serve, VehicleId, User, Password, Ca, Cert, Key, State, Speed })
            {
                cmd.Add(o);
            }
        }

        /// <summary>Reads the options; null with a message when they are bad.</summary>
        public MqttRunSettings? Read(ParseResult p, out string error)
        {
            error = string.Empty;
            BrokerAddress? broker = null;
            string? url = p.GetValue(Broker);
            if (url != null)
            {
                if (!BrokerAddress.TryParse(url, out broker, out error))
                {
                    return null;
                }

                broker = broker with
                {
                    Username = p.GetValue(User) ?? broker.Username,
                    Password = p.GetValue(Password) ?? broker.Password ?? Environment.GetEnvironmentVariable("RANGEGUARD_MQTT_PASSWORD"),
                    CaCertificatePath = p.GetValue(Ca),
                    ClientCertificatePath = p.GetValue(Cert),
                    ClientKeyPath = p.GetValue(Key),
                };
            }

            bool serve = p.GetResult(Serve) != null;
            int port = serve ? p.GetValue(Serve) ?? 1883 : 0;
            if (serve && broker != null)
            {
                error = "--serve and --broker exclude each other";
                return null;
            }

            if (serve && (port < 1 || port > 65535))
            {
                error = "--serve port must be 1..65535";
                return null;
            }

            string? id = p.GetValue(VehicleId);
            if (id != null && MqttTopics.CheckVehicleId(id) is string bad)
            {
                error = bad;
                return null;
            }

            double speed = p.GetValue(Speed);
            if (speed < 0 || double.IsNaN(speed))
            {
                error = "--speed must be > 0 (or 0: as fast as possible)";
                return null;
            }

            return new MqttRunSettings { Broker = broker, ServePort = port, VehicleId = id, Speed = speed, StateFolder = p.GetValue(State) };
        }

        /// <summary>The agent board publishing as the settings say (the other board kinds do not publish).</summary>
        public static Func<Scenario, IVirtualBoard>? Factory(string board, string? can, MqttRunSettings m, BrokerAddress? broker, string outDir, out string error)
        {
            error = string.Empty;
            if (!board.Equals("agent", StringComparison.OrdinalIgnoreCase))
            {
                error = "--broker, --serve and --speed need the agent board (--board agent)";
                return null;
            }

            return s =>
            {
                string id = m.VehicleId ?? AgentBoard.DefaultVehicleId(s.Name);
                return new AgentBoard(new AgentBoardOptions
                {
                    CanAddress = can,
                    Speed = m.Speed,
                    Mqtt = broker == null ? null : new BoardMqttOptions
                    {
                        Broker = broker,
                        VehicleId = id,
                        StateFolder = m.StateFolder ?? Path.Combine(outDir, "mqtt", id),
                    },
                });
            };
        }
    }
}
