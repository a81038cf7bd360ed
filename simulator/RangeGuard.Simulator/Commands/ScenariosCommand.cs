using System;
using System.CommandLine;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>`rangeguard scenarios`: the built-in scenarios with one-line descriptions, and the vehicle presets.</summary>
    public static class ScenariosCommand
    {
        public static Command Create()
        {
            var cmd = new Command("scenarios", "List the built-in scenarios and vehicle presets.");
            cmd.SetAction(_ =>
            {
                Console.WriteLine("Built-in scenarios (run one with: rangeguard run <name>):");
                foreach (string n in ScenarioCatalog.Names())
                {
                    Console.WriteLine($"  {n,-30} {ScenarioCatalog.Describe(n)}");
                }

                Console.WriteLine();
                Console.WriteLine("Vehicle presets (scenario field \"vehicle\"): " + string.Join(", ", VehicleLoader.PresetIds()));
                return ExitCodes.Ok;
            });
            return cmd;
        }
    }
}
