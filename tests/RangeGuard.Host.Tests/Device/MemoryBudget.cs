using MqttContract = RangeGuard.Messaging.MqttContract;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using RangeGuard.Benchmarks.Device;
using RangeGuard.Forecast;
using RangeGuard.Messaging.Outbox;
using RangeGuard.Messaging.Publishing;
using RangeGuard.Runtime;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// The managed memory the agent keeps on the device, per component, for a board's settings: the firmware's own
    /// composition (DeviceComposition, shared with the nanoCLR benchmark that measures the same objects) built from the
    /// host build of the core with the firmware's constants, every buffer at its worst case, weighed with
    /// <see cref="NanoHeapModel"/>. A new component (MQTT client, command parser, ...) is one more step in
    /// DeviceComposition and one more line here.
    /// </summary>
    public static class MemoryBudget
    {
        /// <summary>String literals of the device builds of the core (compiled once per test run).</summary>
        private static readonly Lazy<List<string>> DeviceLiterals = new(() =>
        {
            var compiler = new NanoCompiler();
            return DeviceAssemblySizeTests.CoreProjects(RepoPaths.Root())
                .SelectMany(p => PeSizes.Literals(compiler.Compile(DeviceProject.Load(p)))).ToList();
        });

        public static DeviceSettings Settings(int segments)
        {
            var s = new DeviceSettings();
            s.RouteSegments = segments;
            return s;
        }

        public static List<(string Component, int Bytes)> Measure(DeviceSettings settings) => Measure(settings, out _, out _);

        private static List<(string Component, int Bytes)> Measure(DeviceSettings settings, out DeviceComposition composition, out NanoHeapModel heap)
        {
            var d = new DeviceComposition(settings);
            for (int step = 0; step < DeviceComposition.Steps; step++)
            {
                d.Step(step);
            }

            var model = new NanoHeapModel(DeviceLiterals.Value);
            composition = d;
            heap = model;
            int segments = settings.RouteSegments;
            return new List<(string, int)>
            {
                ("Vehicle state", model.Add(d.State)),
                ("Signal map and dispatcher", model.Add(d.Dispatcher)),
                ("SLCAN bridge and line buffer", model.Add(d.Bridge)),
                ($"Route plan in force ({segments} segments, {settings.RouteChargers} named chargers; the only copy)", model.Add(d.Plan)),
                ($"Forecaster ({segments}-segment route profile, learners)", model.Add(d.Forecaster)),
                ("Agent (alerts, planner, dashboard, trip)", model.Add(d.Agent)),
                ($"Messaging: outbox full ({settings.OutboxMessages} messages, {settings.OutboxChars} chars), alert store, topics, publisher, command parser", model.Add(d.Messaging)),
                ("Agent loop", model.Add(d.Loop)),
                ("Static fields of the core (tables, literals)", model.AddStatics(typeof(global::RangeGuard.Agents.Agent).Assembly.GetTypes(), typeof(VehiclePresets))),
            };
        }

        /// <summary>
        /// The messaging component in detail (what sizes each part), weighed in the same walk order as <see cref="Measure"/>
        /// (the rows add up to its messaging line).
        /// </summary>
        public static List<(string Part, string SizedBy, int Bytes)> Messaging(DeviceSettings settings)
        {
            var d = new DeviceComposition(settings);
            for (int step = 0; step < DeviceComposition.Steps; step++)
            {
                d.Step(step);
            }

            var model = new NanoHeapModel(DeviceLiterals.Value);
            foreach (object o in new object[] { d.State, d.Dispatcher, d.Bridge, d.Plan, d.Forecaster, d.Agent })
            {
                model.Add(o);
            }

            var m = d.Messaging;
            int text = 0;
            for (int i = 0; i < m.Outbox.Count; i++)
            {
                text += model.Add(m.Outbox.PayloadAt(i));
            }

            object store = typeof(MessageOutbox).GetField("_store", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(m.Outbox)!;
            int storeBytes = model.Add(store);
            int outbox = model.Add(m.Outbox);
            int topics = model.Add(m.Topics);
            int json = model.Add(m.Publisher.Json);
            int rest = model.Add(m.Publisher);
            int commands = model.Add(m.Commands);
            rest += model.Add(m);
            return new List<(string, string, int)>
            {
                ("Queued payload text, outbox full", $"`outbox_chars` = {settings.OutboxChars} (one string per message, UTF-8)", text),
                ("Outbox bookkeeping (5 int and 3 reference arrays)", $"`outbox_messages` = {settings.OutboxMessages}", outbox),
                ("Alert store record buffer", $"`AlertStore.MaxPayloadBytes` = {AlertStore.MaxPayloadBytes} (its decode buffer only while opening)", storeBytes),
                ("JSON writer buffer (the command reader decodes strings in it too)", $"`AgentPublisher.WriterBufferChars` = {AgentPublisher.WriterBufferChars} (messages up to {AgentPublisher.WriterCapacity} go through it in chunks)", json),
                ("Command handler, parser and staging objects, recent request ids", $"`CommandHandler.RecentIds` = {CommandHandler.RecentIds}; the route staging plan only while a cmd/route is read", commands),
                ("Topic names", "the vehicle id", topics),
                ("Publisher, cadences, the rest", "", rest),
            };
        }

        /// <summary>
        /// What a full-size cmd/route adds on top of what is kept, in its two phases: while it is read, its payload as the
        /// MQTT client hands it over and the staging plan it is parsed into; while it is prepared (the payload stored and let
        /// go), the staging plan and the forecaster's second route profile. The plan in force is let go when the new one
        /// comes into force, so the peak is the larger phase. Last, what a cmd/config replacing the vehicle or the signal map
        /// adds (its payload aside: a few hundred bytes).
        /// </summary>
        public static List<(string Component, int Bytes)> Replan(DeviceSettings settings)
        {
            Measure(settings, out DeviceComposition d, out NanoHeapModel model);
            RoutePlan staging = DeviceComposition.FullPlan(settings);
            int payload = RouteCommandBytes(staging);
            int plan = model.Add(staging);
            if (!d.Agent.TryBeginPlan(staging, out string? error) || !d.Agent.PlanPending)
            {
                throw new InvalidOperationException("the full plan was not taken for preparation: " + error);
            }

            object building = typeof(EnergyForecaster).GetField("_building", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(d.Forecaster)!;

            // A cmd/config replacing the vehicle: the new forecaster takes the plan in force into its own route profile; one
            // replacing the signal map: the new map and dispatcher. Each before the old is let go; never both in one command.
            var vehicle = new EnergyForecaster(d.Forecaster.Vehicle, settings.RouteSegments);
            if (!vehicle.TrySetPlan(d.Plan, out error))
            {
                throw new InvalidOperationException("the new vehicle did not take the plan in force: " + error);
            }

            var map = new RangeGuard.Dbc.SignalDispatcher(RangeGuard.Dbc.SignalMapLoader.Load(RangeGuard.Firmware.VehicleProfile.SignalMapText), d.State);
            return new List<(string, int)>
            {
                ($"reading: cmd/route payload ({payload} bytes of JSON) and the staging plan", NanoHeapModel.RoundUp(NanoHeapModel.ArrayHeader + payload) + plan),
                ("preparing: the staging plan and the forecaster's second route profile", plan + model.Add(building)),
                ("While a cmd/config's new vehicle takes the plan in force (in the new forecaster's own route profile)", model.Add(vehicle)),
                ("While a cmd/config's new signal map is taken: the new map and dispatcher (a vehicle and a map come in two commands)", model.Add(map)),
            };
        }

        /// <summary>Length of the cmd/route carrying the plan (every field of every segment and charger, as the fleet writes them).</summary>
        public static int RouteCommandBytes(RoutePlan p)
        {
            var s = new StringBuilder("{\"id\":\"route-0001\",\"dest_name\":\"").Append(p.DestinationName).Append("\",\"depart_ms\":1767988800000,\"segments\":[");
            for (int i = 0; i < p.SegmentCount; i++)
            {
                RouteSegment g = p.Segments[i];
                s.Append(i > 0 ? "," : string.Empty).Append(CultureInfo.InvariantCulture, $"{{\"len_m\":{g.LengthM + 0.5f},\"climb_m\":{g.ElevationChangeM - 2.5f},\"speed_kmh\":{g.ExpectedSpeedKmh},\"limit_kmh\":{g.SpeedLimitKmh},\"air_c\":{g.AmbientTempC - 3.5f},\"wind_mps\":{g.HeadwindMps + 1.5f}}}");
            }

            s.Append("],\"chargers\":[");
            for (int i = 0; i < p.ChargerCount; i++)
            {
                RouteCharger c = p.Chargers[i];
                s.Append(i > 0 ? "," : string.Empty).Append(CultureInfo.InvariantCulture, $"{{\"pos_m\":{c.PositionM:0},\"kw\":{c.PowerKw},\"kind\":\"dc\",\"name\":\"{c.Name}\"}}");
            }

            return Encoding.UTF8.GetByteCount(s.Append("]}").ToString());
        }
    }
}
