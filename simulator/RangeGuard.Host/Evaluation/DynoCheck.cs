using System;
using System.Collections.Generic;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>One vehicle × cycle comparison with the EPA dynamometer result.</summary>
    public sealed record DynoRow(string VehicleId, string Cycle, double BatteryWhPerMi, double PredictedWallWhPerMi, double MeasuredWallWhPerMi)
    {
        public double ErrorPercent => 100.0 * (PredictedWallWhPerMi - MeasuredWallWhPerMi) / MeasuredWallWhPerMi;
        public bool WithinTolerance => Math.Abs(ErrorPercent) <= DynoCheck.TolerancePercent;
    }

    /// <summary>
    /// Physics check against the EPA dynamometer: each preset drives UDDS and HWFET second by second with the
    /// portable instantaneous model (Powertrain.DrivePowerW at 25 °C, 50 % SOC, no HVAC, base auxiliaries), battery
    /// energy is converted to wall energy with ONE charging efficiency and compared with the measured wall Wh/mi.
    /// The drivetrain constants are the single generic set in VehicleParams for every vehicle.
    /// </summary>
    public static class DynoCheck
    {
        public const double TolerancePercent = 10.0;
        public const double MetresPerMile = 1609.344;
        public const float DynoTempC = 25f;

        /// <summary>Battery-side Wh/mi on a cycle (net of regen, with base auxiliaries).</summary>
        public static double BatteryWhPerMile(VehicleParams vp, DriveCycle cycle)
        {
            double wh = 0;
            double[] v = cycle.SpeedMps;
            for (int i = 1; i < v.Length; i++)
            {
                double vMid = 0.5 * (v[i] + v[i - 1]);
                double a = v[i] - v[i - 1];
                double sin = cycle.Grade[i];
                double p = Powertrain.DrivePowerW(vp, (float)vMid, (float)a, (float)sin, DynoTempC, 0f, DynoTempC, 50f) + vp.AuxBaseW;
                wh += p / 3600.0;
            }

            return wh / (cycle.DistanceM / MetresPerMile);
        }

        /// <summary>Runs every preset that has EPA figures over the two cycles.</summary>
        public static List<DynoRow> Run(IEnumerable<VehicleParams> vehicles, DriveCycle udds, DriveCycle hwfet)
        {
            var rows = new List<DynoRow>();
            foreach (VehicleParams vp in vehicles)
            {
                if (vp.EpaUddsWallWhPerMi > 0)
                {
                    rows.Add(Row(vp, udds, vp.EpaUddsWallWhPerMi));
                }

                if (vp.EpaHwyWallWhPerMi > 0)
                {
                    rows.Add(Row(vp, hwfet, vp.EpaHwyWallWhPerMi));
                }
            }

            return rows;
        }

        private static DynoRow Row(VehicleParams vp, DriveCycle cycle, double measured)
        {
            double battery = BatteryWhPerMile(vp, cycle);
            return new DynoRow(vp.Id, cycle.Name, battery, battery / VehicleParams.GenericChargingEfficiency, measured);
        }
    }
}
