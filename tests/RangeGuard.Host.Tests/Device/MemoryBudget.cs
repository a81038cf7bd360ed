using MqttContract = RangeGuard.Messaging.MqttContract;
using System;
using System.Collections.Generic;
using System.Linq;
using RangeGuard.Benchmarks.Device;
using RangeGuard.Firmware;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Tests.Device
{
    /// <summary>
    /// The managed memory the agent keeps on the device, per component, for a route capacity: the firmware's own
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

        public static List<(string Component, int Bytes)> Measure(int segments)
        {
            var d = new DeviceComposition(segments);
            for (int step = 0; step < DeviceComposition.Steps; step++)
            {
                d.Step(step);
            }

            var model = new NanoHeapModel(DeviceLiterals.Value);
            return new List<(string, int)>
            {
                ("Vehicle state", model.Add(d.State)),
                ("Signal map and dispatcher", model.Add(d.Dispatcher)),
                ("SLCAN bridge and line buffer", model.Add(d.Bridge)),
                ($"Route plan ({segments} segments, {Forecast.RoutePlan.MaxChargers} named chargers)", model.Add(d.Plan)),
                ($"Forecaster ({segments}-segment route profile, learners)", model.Add(d.Forecaster)),
                ("Agent (alerts, planner, dashboard, trip, its copy of the plan)", model.Add(d.Agent)),
                ($"Messaging: outbox full ({MqttContract.DeviceOutboxMessages} messages, {MqttContract.DeviceOutboxChars} chars), topics, command parser with its route staging ({segments} segments)", model.Add(d.Messaging)),
                ("Agent loop", model.Add(d.Loop)),
                ("Static fields of the core (tables, literals)", model.AddStatics(typeof(global::RangeGuard.Agents.Agent).Assembly.GetTypes(), typeof(VehiclePresets))),
            };
        }
    }
}
