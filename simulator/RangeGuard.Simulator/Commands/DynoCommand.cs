using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using RangeGuard.Host.Evaluation;
using RangeGuard.Vehicle;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// rangeguard dyno [--vehicles file]... [--cycles data/cycles] [--check file]: fits the generic drivetrain set on the
    /// EPA rows, predicts each vehicle's UDDS and HWFET wall Wh/mi with a set fitted on the OTHER vehicles
    /// (leave-one-vehicle-out) and compares with the EPA measurement. Exit code 0 = every row within ±10 % out of fold
    /// and mean absolute error ≤ 5 %, 1 = not, 2 = bad input. --check rows are only predicted (set fitted on all rows).
    /// </summary>
    public static class DynoCommand
    {
        public const double MeanAbsTargetPercent = 5.0;

        public static Command Create()
        {
            string data = Path.Combine(AppContext.BaseDirectory, "data");
            var vehicles = new Option<string[]>("--vehicles")
            {
                Description = "EPA road-load rows to fit and check (repeatable)",
                DefaultValueFactory = _ => new[] { Path.Combine(data, "vehicles.csv"), Path.Combine(data, "vehicles-induction.csv") },
                AllowMultipleArgumentsPerToken = true,
            };
            var cycles = new Option<string>("--cycles") { Description = "Folder with udds.csv and hwfet.csv", DefaultValueFactory = _ => Path.Combine(data, "cycles") };
            var check = new Option<string?>("--check") { Description = "Extra rows to predict only (not fitted on), e.g. a limitation check" };
            var command = new Command("dyno", "Physics check: predicted vs EPA dynamometer consumption (UDDS, HWFET), generic drivetrain set fitted leave-one-vehicle-out");
            command.Options.Add(vehicles);
            command.Options.Add(cycles);
            command.Options.Add(check);
            command.SetAction(parseResult => Run(parseResult.GetValue(vehicles)!, parseResult.GetValue(cycles)!,
                parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(check)));
            return command;
        }

        internal static int Run(string vehiclesPath, string cyclesPath, TextWriter o, TextWriter error) => Run(new[] { vehiclesPath }, cyclesPath, o, error, null);

        internal static int Run(string[] vehiclesPaths, string cyclesPath, TextWriter o, TextWriter error, string? checkPath)
        {
            var list = new List<VehicleParams>();
            List<VehicleParams>? extra = null;
            DriveCycle udds, hwfet;
            try
            {
                foreach (string p in vehiclesPaths)
                {
                    list.AddRange(VehicleCsv.Load(p));
                }

                extra = checkPath == null ? null : VehicleCsv.Load(checkPath);
                udds = DriveCycle.Load(Path.Combine(cyclesPath, "udds.csv"));
                hwfet = DriveCycle.Load(Path.Combine(cyclesPath, "hwfet.csv"));
            }
            catch (Exception ex) when (ex is IOException || ex is InvalidDataException || ex is UnauthorizedAccessException)
            {
                error.WriteLine($"dyno: {ex.Message}");
                return 2;
            }

            List<DynoTerms> terms = DynoFit.Terms(list, udds, hwfet);
            if (terms.Select(t => t.Vehicle.Id).Distinct().Count() < 3)
            {
                error.WriteLine("dyno: need EPA rows of at least 3 vehicles to fit leaving one out");
                return 2;
            }

            GenericSet all = DynoFit.Fit(terms);
            var oof = DynoFit.LeaveOneVehicleOut(terms);
            o.WriteLine($"fixed: regen eff {VehicleParams.GenericRegenEfficiency} x exp(-{VehicleParams.GenericRegenLambdaMps2}/|a|) (Fiori 2016), aux {VehicleParams.GenericAuxBaseW} W, charging eff {VehicleParams.GenericChargingEfficiency}; 25 °C, 50 % SOC");
            o.WriteLine($"fitted on all {terms.Count} rows: {all}");
            o.WriteLine($"in use (VehicleParams.Generic*): traction eff {VehicleParams.GenericTractionEfficiency}, no drivetrain drag, induction excitation {VehicleParams.GenericInductionLossFraction}");
            o.WriteLine("out of fold = predicted with the set fitted on the other vehicles only (leave-one-vehicle-out)");
            o.WriteLine($"{"vehicle",-28} {"cycle",-6} {"EPA",6} | {"in-sample",9} {"err %",6} | {"out-of-fold",11} {"err %",6} | fold set (η_t, drag N, induction)");
            string F(double v, string f = "F1") => v.ToString(f, CultureInfo.InvariantCulture);
            int within = 0;
            foreach (var (row, fold) in oof)
            {
                DynoRow inSample = terms.Single(t => t.Vehicle.Id == row.VehicleId && t.Cycle == row.Cycle).Row(all);
                o.WriteLine($"{row.VehicleId,-28} {row.Cycle,-6} {F(row.MeasuredWallWhPerMi, "F0"),6} | {F(inSample.PredictedWallWhPerMi),9} {F(inSample.ErrorPercent),6} | {F(row.PredictedWallWhPerMi),11} {F(row.ErrorPercent),6} | {F(fold.TractionEfficiency, "F3")}, {F(fold.DrivetrainDragN)}, {F(fold.InductionLossFraction, "F4")}{(row.WithinTolerance ? "" : "  OUTSIDE ±10 %")}");
                within += row.WithinTolerance ? 1 : 0;
            }

            double meanAbs = oof.Average(r => Math.Abs(r.Row.ErrorPercent));
            o.WriteLine($"out of fold: {within}/{oof.Count} within ±{DynoCheck.TolerancePercent} %, mean absolute error {F(meanAbs, "F2")} % (target <= {MeanAbsTargetPercent} %), worst {F(oof.Max(r => Math.Abs(r.Row.ErrorPercent)))} %");
            if (extra != null)
            {
                o.WriteLine();
                o.WriteLine("check rows (not fitted on), set fitted on all rows above:");
                foreach (DynoTerms t in DynoFit.Terms(extra, udds, hwfet))
                {
                    DynoRow r = t.Row(all);
                    o.WriteLine($"{r.VehicleId,-28} {r.Cycle,-6} {F(r.MeasuredWallWhPerMi, "F0"),6} | {F(r.PredictedWallWhPerMi),9} {F(r.ErrorPercent),6}{(r.WithinTolerance ? "" : "  OUTSIDE ±10 %")}");
                }
            }

            bool ok = within == oof.Count && meanAbs <= MeanAbsTargetPercent;
            o.WriteLine(ok ? "targets met" : "targets NOT met");
            return ok ? 0 : 1;
        }
    }
}
