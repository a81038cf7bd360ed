using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
using RangeGuard.Host.Messaging;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Commands;
using RangeGuard.Simulator.Mqtt;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// `rangeguard route send &lt;scenario&gt; --broker … --vehicle-id …`: sends a scenario's route to a car as <c>cmd/route</c>
    /// (as the fleet) and prints the car's result. Exit 0 when the car applied it, 1 when it refused it, 2 on bad input or no
    /// answer in time.
    /// </summary>
    public static class RouteSendCommand
    {
        public const string DefaultFleetUser = "fleet";

        public static Command Create()
        {
            var file = new Argument<string>("route") { Description = "A scenario (built-in name or .json file): its route, chargers, reserves and setpoint are sent." };
            var broker = new Option<string>("--broker") { Description = "mqtt://host:port or mqtts://host:port (user:password@ allowed).", Required = true };
            var vehicle = new Option<string>("--vehicle-id") { Description = "The car to send it to.", Required = true };
            var user = new Option<string?>("--user") { Description = $"Broker user (default: {DefaultFleetUser}, the account the shipped ACL lets write commands)." };
            var password = new Option<string?>("--password") { Description = "Broker password (or in the URL, or RANGEGUARD_MQTT_PASSWORD)." };
            var ca = new Option<string?>("--ca") { Description = "CA certificate (PEM) for mqtts://." };
            var cert = new Option<string?>("--cert") { Description = "Client certificate (PEM), optional." };
            var key = new Option<string?>("--key") { Description = "Client key (PEM)." };
            var id = new Option<string?>("--id") { Description = "Request id (default: route-<time>)." };
            var depart = new Option<string?>("--depart") { Description = "Departure time to send (ISO 8601, e.g. 2026-01-10T07:00:00-05:00)." };
            var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the car's result.", DefaultValueFactory = _ => 15 };
            var send = new Command("send", "Send a route to a car over MQTT (cmd/route) and print its result.")
            {
                file, broker, vehicle, user, password, ca, cert, key, id, depart, timeout,
            };
            send.SetAction(p => Execute(p.GetValue(file)!, p.GetValue(broker)!, p.GetValue(vehicle)!, p.GetValue(user), p.GetValue(password),
                p.GetValue(ca), p.GetValue(cert), p.GetValue(key), p.GetValue(id), p.GetValue(depart), p.GetValue(timeout)));
            return new Command("route", "Routes over MQTT.") { send };
        }

        public static int Execute(string scenario, string brokerUrl, string vehicleId, string? user, string? password, string? ca, string? cert,
            string? key, string? requestId, string? depart, double timeoutS)
        {
            if (!BrokerAddress.TryParse(brokerUrl, out BrokerAddress broker, out string error) || MqttTopics.CheckVehicleId(vehicleId) is string badId && (error = badId) != null)
            {
                Console.Error.WriteLine($"error: {error}");
                return ExitCodes.BadInput;
            }

            long departMs = -1;
            if (depart != null)
            {
                if (!DateTimeOffset.TryParse(depart, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset d))
                {
                    Console.Error.WriteLine($"error: --depart '{depart}' is not a date and time");
                    return ExitCodes.BadInput;
                }

                departMs = d.ToUnixTimeMilliseconds();
            }

            if (!ScenarioArgument.TryLoad(scenario, out Scenario s))
            {
                return ExitCodes.BadInput;
            }

            string rid = requestId ?? "route-" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            string payload = RouteCommandWriter.Write(s, rid, departMs);
            int bytes = Encoding.UTF8.GetByteCount(payload);
            if (bytes > CommandParser.MaxRouteBytes)
            {
                Console.Error.WriteLine($"error: the route takes {bytes} bytes, over the {CommandParser.MaxRouteBytes} a car accepts");
                return ExitCodes.BadInput;
            }

            broker = broker with
            {
                Username = user ?? broker.Username ?? DefaultFleetUser,
                Password = password ?? broker.Password ?? Environment.GetEnvironmentVariable("RANGEGUARD_MQTT_PASSWORD"),
                CaCertificatePath = ca,
                ClientCertificatePath = cert,
                ClientKeyPath = key,
            };
            var topics = new MqttTopics(MqttTopics.DefaultPrefix, vehicleId);
            string resultTopic = topics.ResultTopic("route");
            var link = new MqttNetLink(broker.ToLinkOptions("route-send-" + Guid.NewGuid().ToString("N")[..8], null, null, new[] { resultTopic }, cleanSession: true));
            try
            {
                link.Start();
                if (!link.WaitConnectedAsync(TimeSpan.FromSeconds(timeoutS)).GetAwaiter().GetResult())
                {
                    Console.Error.WriteLine($"error: cannot connect to {broker}: {link.LastError}");
                    return ExitCodes.BadInput;
                }

                Console.WriteLine($"sending {s.Name}'s route to {vehicleId} as {rid} ({bytes} bytes)");
                if (!link.TryPublish(topics.CommandPrefix + "route", payload, 1, false, out _))
                {
                    Console.Error.WriteLine("error: the broker connection dropped before the route went out");
                    return ExitCodes.BadInput;
                }

                var sw = Stopwatch.StartNew();
                while (sw.Elapsed.TotalSeconds < timeoutS)
                {
                    if (link.TryReceive(out string topic, out byte[] body))
                    {
                        string text = Encoding.UTF8.GetString(body);
                        if (topic == resultTopic && text.Contains("\"id\":\"" + rid + "\"", StringComparison.Ordinal))
                        {
                            Console.WriteLine(text);
                            return text.Contains("\"ok\":true", StringComparison.Ordinal) ? ExitCodes.Ok : ExitCodes.CheckFailed;
                        }
                    }

                    Thread.Sleep(20);
                }

                Console.Error.WriteLine($"error: no result from {vehicleId} within {timeoutS:0.#} s (is it online? rangeguard/v1/{vehicleId}/status says)");
                return ExitCodes.BadInput;
            }
            finally
            {
                link.CloseAsync().GetAwaiter().GetResult();
            }
        }
    }
}
