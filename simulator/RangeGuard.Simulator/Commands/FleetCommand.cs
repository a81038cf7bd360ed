using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using RangeGuard.Host.Messaging;
using RangeGuard.Simulator.Fleet;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// `rangeguard fleet -n N --broker mqtt://…`: N virtual vehicles, each the full agent with its own CAN path, outbox and
    /// MQTT connection (the core's contract publisher, as `run --broker`), publish through a real broker at the contract's
    /// cadence, paced at --speed × real time after each fast-forwarded to a point before one of its scenario's alerts.
    /// Writes the wall time of every alert decision (for the fleet benchmark's latency) with --latency-out.
    /// </summary>
    public static class FleetCommand
    {
        public static Command Create()
        {
            var n = new Option<int>("-n") { Description = "Number of vehicles.", DefaultValueFactory = _ => 10 };
            var broker = new Option<string>("--broker") { Description = "mqtt://host:port of the broker (vehicle user name = vehicle id).", Required = true };
            var password = new Option<string?>("--password") { Description = "Password of every vehicle account (null: connect without credentials)." };
            var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall second (1 = real time; x > 1 gives the message rate of x times as many vehicles).", DefaultValueFactory = _ => 1 };
            var duration = new Option<double>("--duration") { Description = "Wall seconds of the live run.", DefaultValueFactory = _ => 60 };
            var scenarios = new Option<string>("--scenarios") { Description = "Comma-separated scenarios, assigned round robin.", DefaultValueFactory = _ => "broder-2013,cold-night-unplugged,dc-fast-charge-precondition,winter-mountain-pass" };
            var prefix = new Option<string>("--prefix") { Description = "Vehicle ids are <prefix>0001 …", DefaultValueFactory = _ => "rg-" };
            var maxOffset = new Option<double>("--max-offset-h") { Description = "Vehicles start within the first this many hours of their scenario.", DefaultValueFactory = _ => 4 };
            var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
            var latency = new Option<string?>("--latency-out") { Description = "CSV of vehicle,seq,decided_ms for every alert published." };
            var settle = new Option<double>("--settle")
            {
                Description = "Wall seconds to wait once every vehicle is at its start point, before going live, so the broker and the service have taken what the fast-forward sent.",
                DefaultValueFactory = _ => 30,
            };
            var cmd = new Command("fleet", "Drive N virtual vehicles (full agent each) through an MQTT broker into the fleet service.")
            {
                n, broker, password, speed, duration, scenarios, prefix, maxOffset, seed, latency, settle,
            };
            cmd.SetAction(p => Execute(p.GetValue(n), p.GetValue(broker)!, p.GetValue(password), p.GetValue(speed), p.GetValue(duration),
                p.GetValue(scenarios)!, p.GetValue(prefix)!, p.GetValue(maxOffset), p.GetValue(seed), p.GetValue(latency), p.GetValue(settle)));
            return cmd;
        }

        public static int Execute(int n, string broker, string? password, double speed, double durationS, string scenarioList, string prefix,
            double maxOffsetH, int seed, string? latencyOut, double settleS = 0, CancellationToken ct = default)
        {
            if (n < 1 || n > 20_000 || speed <= 0 || speed > 1000 || durationS <= 0 || settleS < 0 || settleS > 600)
            {
                Console.Error.WriteLine(CommandError.Format("fleet", "-n must be 1..20000, --speed 0..1000, --duration > 0, --settle 0..600"));
                return ExitCodes.BadInput;
            }

            if (!BrokerAddress.TryParse(broker, out BrokerAddress address, out string brokerError))
            {
                Console.Error.WriteLine(CommandError.Format("fleet", "--broker", brokerError));
                return ExitCodes.BadInput;
            }

            var list = new List<Scenario>();
            foreach (string name in scenarioList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ScenarioArgument.TryLoad(name, out Scenario s))
                {
                    return ExitCodes.BadInput;
                }

                list.Add(s);
            }

            var decisions = new ConcurrentQueue<string>();
            Action<string, int, long>? onAlert = latencyOut == null ? null : (v, seq, ms) => decisions.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{v},{seq},{ms}"));
            Console.WriteLine($"fleet: planning {n} vehicles over {list.Count} scenarios (alert times from one batch run each)…");
            List<FleetPlan.Start> plan = FleetPlan.Make(list, n, maxOffsetH * 3600, durationS * speed, seed, out double alertRate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet: scenario alert rate {alertRate:0.0} transitions per vehicle-day (whole scenarios, batch)"));
            var clock = new FleetClock(n, speed, durationS);
            string stateRoot = Path.Combine(Path.GetTempPath(), "rangeguard-fleet-cars-" + Guid.NewGuid().ToString("N")[..8]);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var vehicles = new FleetVehicle[n];
            var threads = new Thread[n];
            int failed = 0;
            var cpu = Stopwatch.StartNew();
            TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < n; i++)
            {
                string id = prefix + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
                // Each car's user name is its vehicle id (the ACL keys on it); its durable alert store is its own folder.
                BrokerAddress carBroker = address with { Username = password == null ? null : id, Password = password };
                var vehicle = new FleetVehicle(id, plan[i].OffsetS, clock, carBroker, Path.Combine(stateRoot, id), onAlert, stop.Token);
                vehicles[i] = vehicle;
                Scenario s = plan[i].Scenario;
                threads[i] = new Thread(() =>
                {
                    bool arrived = false;
                    try
                    {
                        new ScenarioRunner(s, vehicle, new RunOptions { RecordTrace = false }).Run();
                    }
                    catch (FleetVehicle.RunOver)
                    {
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    catch (Exception e)
                    {
                        Interlocked.Increment(ref failed);
                        Console.Error.WriteLine(CommandError.Format("fleet", vehicle.Id, e.GetType().Name + ": " + e.Message));
                    }
                    finally
                    {
                        arrived = clock.Started;
                        if (!arrived && !vehicle.Arrived)
                        {
                            clock.Leave();
                        }

                        vehicle.Dispose();
                    }
                }, 256 * 1024);
                threads[i].IsBackground = true;
                threads[i].Name = id;
                threads[i].Start();
            }

            clock.WaitAllReady(stop.Token);
            stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(settleS));
            TimeSpan prepCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            Console.WriteLine($"fleet: {n} vehicles at their start points after {cpu.Elapsed.TotalSeconds:0} s ({prepCpu.TotalSeconds:0} s CPU); live for {durationS:0} s at {speed:0.##}× real time");
            TimeSpan cpuLive0 = Process.GetCurrentProcess().TotalProcessorTime;
            long liveStartMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            clock.Go();
            var watch = Stopwatch.StartNew();
            while (threads.Any(t => t.IsAlive))
            {
                Thread.Sleep(1000);
                if ((int)watch.Elapsed.TotalSeconds % 10 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"fleet: t={clock.WallS:0} s, {vehicles.Count(v => v.Connected)} connected, {vehicles.Sum(v => v.AlertsPosted)} alerts, {vehicles.Sum(v => v.DroppedLive)} dropped"));
                }
            }

            double liveCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuLive0).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fleet: done: {vehicles.Sum(v => v.AlertsPosted)} alerts published, {vehicles.Sum(v => v.DroppedLive)} messages dropped by outboxes ({vehicles.Sum(v => v.DroppedBeforeLive)} more while fast-forwarding), {failed} vehicles failed; " +
                $"simulator CPU {liveCpu / Math.Max(1, watch.Elapsed.TotalSeconds):0.00} cores over the live run"));
            try
            {
                Directory.Delete(stateRoot, recursive: true);
            }
            catch (IOException)
            {
            }

            // For the benchmark script: the live window in Unix ms (CPU and message rates are measured over it).
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet: live window {liveStartMs} {liveStartMs + (long)(durationS * 1000)}"));
            if (latencyOut != null)
            {
                File.WriteAllLines(latencyOut, new[] { "vehicle,seq,decided_ms" }.Concat(decisions));
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        }
    }
}
