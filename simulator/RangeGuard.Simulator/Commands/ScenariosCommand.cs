using System;
using System.CommandLine;
using RangeGuard.Host.Vehicles;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>`rangeguard scenarios`: the built-in scenarios with one-line descriptions, and the vehicle presets.</summary>
    public static class ScenariosCommand
    {
        public static Command Create()
        {
            var cmd = new Command("scenarios", "List the built-in scenarios and the vehicles (with what each vehicle folder provides).");
            cmd.SetAction(_ =>
            {
                Console.WriteLine("Built-in scenarios (run one with: rangeguard run <name>):");
                foreach (string n in ScenarioCatalog.Names())
                {
                    Console.WriteLine($"  {n,-30} {ScenarioCatalog.Describe(n)}");
                }

                Console.WriteLine();
                Console.WriteLine("Vehicles (firmware/vehicles/<id>/; scenario field \"vehicle\" takes those with a truth model):");
                foreach (VehicleFolder v in VehicleCatalog.All)
                {
                    Console.WriteLine($"  {v.Id,-30} {v.Provides()}");
                }

                return ExitCodes.Ok;
            });
            return cmd;
        }
    }
}
