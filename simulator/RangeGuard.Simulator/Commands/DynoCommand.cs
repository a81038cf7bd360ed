using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using RangeGuard.Host.Evaluation;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// rangeguard dyno [--vehicles data/vehicles.csv] [--cycles data/cycles]: predicted wall Wh/mi on UDDS and HWFET
    /// for every vehicles.csv row vs the EPA measurement, ±10 % with one generic drivetrain set.
    /// Exit code 0 = all within ±10 %, 1 = not, 2 = bad input.
    /// </summary>
    public static class DynoCommand
    {
        public static Command Create()
        {
            string data = Path.Combine(AppContext.BaseDirectory, "data");
            var vehicles = new Option<string>("--vehicles") { Description = "vehicles.csv (EPA road-load rows)", DefaultValueFactory = _ => Path.Combine(data, "vehicles.csv") };
            var cycles = new Option<string>("--cycles") { Description = "Folder with udds.csv and hwfet.csv", DefaultValueFactory = _ => Path.Combine(data, "cycles") };
            var command = new Command("dyno", "Physics check: predicted vs EPA dynamometer consumption (UDDS, HWFET) for every vehicle");
            command.Options.Add(vehicles);
            command.Options.Add(cycles);
            command.SetAction(parseResult => Run(parseResult.GetValue(vehicles)!, parseResult.GetValue(cycles)!,
                parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
            return command;
        }

        internal static int Run(string vehiclesPath, string cyclesPath, TextWriter o, TextWriter error)
        {
            List<VehicleParams> list;
            DriveCycle udds, hwfet;
            try
            {
                list = VehicleCsv.Load(vehiclesPath);
                udds = DriveCycle.Load(Path.Combine(cyclesPath, "udds.csv"));
                hwfet = DriveCycle.Load(Path.Combine(cyclesPath, "hwfet.csv"));
            }
            catch (Exception ex) when (ex is IOException || ex is InvalidDataException || ex is UnauthorizedAccessException)
            {
                return CommandError.Report(error, "dyno", ex.Message);
            }

            List<DynoRow> rows = DynoCheck.Run(list, udds, hwfet);
            o.WriteLine($"generic set: traction eff {VehicleParams.GenericTractionEfficiency}, regen eff {VehicleParams.GenericRegenEfficiency} x exp(-{VehicleParams.GenericRegenLambdaMps2}/|a|), aux {VehicleParams.GenericAuxBaseW} W, charging eff {VehicleParams.GenericChargingEfficiency}, induction excitation {VehicleParams.GenericInductionLossFraction} x rated power x v/{VehicleParams.InductionLossRefSpeedMps} m/s (induction drives only)");
            o.WriteLine($"{"vehicle",-28} {"cycle",-6} {"battery",8} {"wall",7} {"EPA",7} {"err %",7}");
            int within = 0;
            foreach (DynoRow r in rows)
            {
                string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
                o.WriteLine($"{r.VehicleId,-28} {r.Cycle,-6} {F(r.BatteryWhPerMi),8} {F(r.PredictedWallWhPerMi),7} {F(r.MeasuredWallWhPerMi),7} {F(r.ErrorPercent),7} {(r.WithinTolerance ? "" : "OUTSIDE ±10 %")}");
                within += r.WithinTolerance ? 1 : 0;
            }

            o.WriteLine($"{within}/{rows.Count} within ±{DynoCheck.TolerancePercent} % (Wh/mi at the wall)");
            return within == rows.Count ? 0 : 1;
        }
    }
}
