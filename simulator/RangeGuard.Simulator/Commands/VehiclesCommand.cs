using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Text;
using RangeGuard.Host.Profiles;
using RangeGuard.Host.Vehicles;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// <c>rangeguard vehicles</c>: the vehicle folders and what each provides.
    /// <c>rangeguard vehicles generate [--firmware-vehicle ID]</c>: rewrites every file generated from the folders in a
    /// repository checkout (each signals.map, the firmware's compiled-in profile, the nanoFramework tests' presets).
    /// </summary>
    public static class VehiclesCommand
    {
        public static Command Create()
        {
            var command = new Command("vehicles", "List the vehicles (one folder each under firmware/vehicles/) and what each provides.");
            command.SetAction(parse => List(parse.InvocationConfiguration.Output));
            var firmware = new Option<string?>("--firmware-vehicle") { Description = "Vehicle the firmware image is built for (default: the one it is built for now)" };
            var root = new Option<DirectoryInfo?>("--root") { Description = "Repository checkout (default: found above the current directory)" };
            var check = new Option<bool>("--check") { Description = "Change nothing; exit 1 if a generated file is out of date" };
            var generate = new Command("generate", "Regenerate the files made from the vehicle folders: each signals.map, "
                + GeneratedSources.FirmwareProfilePath + " and " + GeneratedSources.NanoTestPresetsPath + ".")
            {
                firmware, root, check,
            };
            generate.SetAction(parse => Generate(parse.GetValue(root)?.FullName ?? Environment.CurrentDirectory, parse.GetValue(firmware), parse.GetValue(check),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
            command.Add(generate);
            return command;
        }

        public static int List(TextWriter o)
        {
            o.WriteLine($"{"id",-28} {"provides",-45} title");
            foreach (VehicleFolder v in VehicleCatalog.All)
            {
                o.WriteLine($"{v.Id,-28} {v.Provides(),-45} {v.Title}{(v.Files.Origin == "built-in" ? "" : "  (" + v.Files.Origin + ")")}");
            }

            foreach (string problem in VehicleCatalog.Problems)
            {
                o.WriteLine("problem: " + problem);
            }

            return ExitCodes.Ok;
        }

        /// <summary>Writes (or with <paramref name="check"/> compares) every generated file; returns 0, 1 (out of date) or 2.</summary>
        public static int Generate(string start, string? firmwareVehicle, bool check, TextWriter o, TextWriter error)
        {
            string? root = GeneratedSources.FindRepositoryRoot(start);
            if (root == null)
            {
                error.WriteLine($"vehicles generate: no RangeGuard checkout (RangeGuard.sln and firmware/vehicles/) above {Path.GetFullPath(start)}; use --root");
                return ExitCodes.BadInput;
            }

            // The folders on disk, not the copies embedded at build time: they are what is being generated from.
            IReadOnlyList<VehicleFolder> vehicles = VehicleCatalog.Discover(new DirectoryVehicleFiles(Path.Combine(root, "firmware", "vehicles")));
            var outputs = new List<(string Path, string Text)>();
            try
            {
                foreach (VehicleFolder v in vehicles)
                {
                    if (v.HasProfile)
                    {
                        outputs.Add(($"firmware/vehicles/{v.Id}/{VehicleFolder.MapFile}", v.BuildMap().MapText));
                    }
                }

                string firmwarePath = Path.Combine(root, GeneratedSources.FirmwareProfilePath);
                firmwareVehicle ??= File.Exists(firmwarePath) ? GeneratedSources.FirmwareVehicleId(File.ReadAllText(firmwarePath)) : null;
                firmwareVehicle ??= "rangeguard-ref";
                VehicleFolder device = FindIn(vehicles, firmwareVehicle)
                    ?? throw new ProfileException($"--firmware-vehicle {firmwareVehicle}: no folder firmware/vehicles/{firmwareVehicle}");
                outputs.Add((GeneratedSources.FirmwareProfilePath, GeneratedSources.FirmwareProfile(device)));
                outputs.Add((GeneratedSources.NanoTestPresetsPath, GeneratedSources.NanoTestPresets(vehicles)));
            }
            catch (ProfileException ex)
            {
                foreach (string e in ex.Errors)
                {
                    error.WriteLine("vehicles generate: " + e);
                }

                return ExitCodes.BadInput;
            }

            int stale = 0;
            foreach (var (path, text) in outputs)
            {
                string full = Path.Combine(root, path);
                bool current = File.Exists(full) && File.ReadAllText(full) == text;
                if (!current && !check)
                {
                    File.WriteAllText(full, text, new UTF8Encoding(false));
                }

                stale += current ? 0 : 1;
                o.WriteLine($"{(current ? "current " : check ? "STALE   " : "written ")} {path}");
            }

            return check && stale > 0 ? ExitCodes.CheckFailed : ExitCodes.Ok;
        }

        private static VehicleFolder? FindIn(IReadOnlyList<VehicleFolder> vehicles, string id)
        {
            foreach (VehicleFolder v in vehicles)
            {
                if (v.Id == id)
                {
                    return v;
                }
            }

            return null;
        }
    }
}
