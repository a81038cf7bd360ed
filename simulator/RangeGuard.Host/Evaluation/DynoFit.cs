using System;
using System.Collections.Generic;
using System.Linq;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>The fitted part of the generic drivetrain set (everything else is fixed from the literature).</summary>
    public sealed record GenericSet(double TractionEfficiency, double DrivetrainDragN, double InductionLossFraction)
    {
        /// <summary>The vehicle with this set's efficiency and induction fraction (the drag candidate has no field in the model: it fitted to 0).</summary>
        public VehicleParams Apply(VehicleParams v)
        {
            VehicleParams c = v.Clone();
            c.TractionEfficiency = (float)TractionEfficiency;
            c.InductionLossFraction = (float)InductionLossFraction;
            return c;
        }

        public override string ToString() => FormattableString.Invariant(
            $"traction eff {TractionEfficiency:F3}, drivetrain drag {DrivetrainDragN:F1} N (loss ∝ speed), induction excitation {InductionLossFraction:F4} x rated power x v/{VehicleParams.InductionLossRefSpeedMps} m/s");
    }

    /// <summary>
    /// One EPA row split into the parts of its predicted battery Wh/mi that the fitted constants multiply:
    /// battery = W/η_t + V·F_drag + I·f_induction + R (W: traction wheel energy with battery loss; V: Wh/mi per N of drag;
    /// I: Wh/mi per unit induction fraction; R: regen and base auxiliaries, which no fitted constant touches).
    /// </summary>
    public sealed record DynoTerms(VehicleParams Vehicle, string Cycle, double W, double V, double I, double R, double MeasuredWallWhPerMi)
    {
        public double PredictedWall(GenericSet g) =>
            (W / g.TractionEfficiency + V * g.DrivetrainDragN + I * g.InductionLossFraction + R) / VehicleParams.GenericChargingEfficiency;

        public DynoRow Row(GenericSet g)
        {
            double wall = PredictedWall(g);
            return new DynoRow(Vehicle.Id, Cycle, wall * VehicleParams.GenericChargingEfficiency, wall, MeasuredWallWhPerMi);
        }
    }

    /// <summary>
    /// Fits the generic drivetrain set (η_t, drag, induction fraction) by least squares on the relative wall-energy errors
    /// of EPA rows, and checks it leave-one-vehicle-out: each vehicle's rows are predicted with a set fitted on the
    /// other vehicles only, so no row is judged by constants that saw it.
    /// </summary>
    public static class DynoFit
    {
        public static List<DynoTerms> Terms(IEnumerable<VehicleParams> vehicles, DriveCycle udds, DriveCycle hwfet)
        {
            var list = new List<DynoTerms>();
            foreach (VehicleParams vp in vehicles)
            {
                if (vp.EpaUddsWallWhPerMi > 0)
                {
                    list.Add(Split(vp, udds, vp.EpaUddsWallWhPerMi));
                }

                if (vp.EpaHwyWallWhPerMi > 0)
                {
                    list.Add(Split(vp, hwfet, vp.EpaHwyWallWhPerMi));
                }
            }

            return list;
        }

        private static DynoTerms Split(VehicleParams vp, DriveCycle cycle, double measured)
        {
            double E(double eta, double frac) => DynoCheck.BatteryWhPerMile(new GenericSet(eta, 0, frac).Apply(vp), cycle);
            double e1 = E(1, 0), e2 = E(0.5, 0);
            double w = e2 - e1, r = e1 - w;
            // Candidate speed-proportional drivetrain loss: Wh/mi per N of drag while moving (as the induction term counts it).
            double metres = 0;
            for (int i = 1; i < cycle.SpeedMps.Length; i++)
            {
                double v = 0.5 * (cycle.SpeedMps[i] + cycle.SpeedMps[i - 1]);
                metres += v > 0.05 ? v : 0;
            }

            double dragPerN = metres / 3600.0 / (cycle.DistanceM / DynoCheck.MetresPerMile);
            return new DynoTerms(vp, cycle.Name, w, dragPerN, E(1, 1) - e1, r, measured);
        }

        /// <summary>Least squares on relative errors with η_t ≤ 1, drag ≥ 0, fraction ≥ 0 (a bound hit is held and the rest refitted).</summary>
        public static GenericSet Fit(IReadOnlyList<DynoTerms> rows)
        {
            // Unknowns x = (1/η_t, drag, fraction); residual_i = (W u + V F + I f + R)/(η_c·M) − 1.
            bool anyInduction = rows.Any(r => r.I > 1e-9);
            double? fixU = null, fixF = null, fixI = anyInduction ? null : 0.0;
            for (int pass = 0; pass < 4; pass++)
            {
                double[] x = Solve(rows, fixU, fixF, fixI);
                bool again = false;
                if (fixU == null && x[0] < 1)
                {
                    fixU = 1;
                    again = true;
                }

                if (fixF == null && x[1] < 0)
                {
                    fixF = 0;
                    again = true;
                }

                if (fixI == null && x[2] < 0)
                {
                    fixI = 0;
                    again = true;
                }

                if (!again)
                {
                    return new GenericSet(1 / x[0], x[1], x[2]);
                }
            }

            double[] last = Solve(rows, fixU, fixF, fixI);
            return new GenericSet(1 / last[0], last[1], last[2]);
        }

        private static double[] Solve(IReadOnlyList<DynoTerms> rows, double? fixU, double? fixF, double? fixI)
        {
            double?[] fix = { fixU, fixF, fixI };
            var free = Enumerable.Range(0, 3).Where(k => fix[k] == null).ToArray();
            int n = free.Length;
            var a = new double[n, n];
            var b = new double[n];
            foreach (DynoTerms r in rows)
            {
                double s = 1.0 / (VehicleParams.GenericChargingEfficiency * r.MeasuredWallWhPerMi);
                double[] coef = { r.W * s, r.V * s, r.I * s };
                double y = 1 - r.R * s;
                for (int k = 0; k < 3; k++)
                {
                    if (fix[k] != null)
                    {
                        y -= coef[k] * fix[k]!.Value;
                    }
                }

                for (int i = 0; i < n; i++)
                {
                    b[i] += coef[free[i]] * y;
                    for (int j = 0; j < n; j++)
                    {
                        a[i, j] += coef[free[i]] * coef[free[j]];
                    }
                }
            }

            double[] sol = Gauss(a, b);
            var x = new double[3];
            for (int k = 0, i = 0; k < 3; k++)
            {
                x[k] = fix[k] ?? sol[i++];
            }

            return x;
        }

        private static double[] Gauss(double[,] a, double[] b)
        {
            int n = b.Length;
            for (int c = 0; c < n; c++)
            {
                int p = c;
                for (int r = c + 1; r < n; r++)
                {
                    if (Math.Abs(a[r, c]) > Math.Abs(a[p, c]))
                    {
                        p = r;
                    }
                }

                for (int k = 0; k < n; k++)
                {
                    (a[c, k], a[p, k]) = (a[p, k], a[c, k]);
                }

                (b[c], b[p]) = (b[p], b[c]);
                for (int r = c + 1; r < n; r++)
                {
                    double f = a[r, c] / a[c, c];
                    for (int k = c; k < n; k++)
                    {
                        a[r, k] -= f * a[c, k];
                    }

                    b[r] -= f * b[c];
                }
            }

            var x = new double[n];
            for (int r = n - 1; r >= 0; r--)
            {
                double s = b[r];
                for (int k = r + 1; k < n; k++)
                {
                    s -= a[r, k] * x[k];
                }

                x[r] = s / a[r, r];
            }

            return x;
        }

        /// <summary>Each row predicted with the set fitted on the other vehicles' rows (and that set).</summary>
        public static List<(DynoRow Row, GenericSet Fold)> LeaveOneVehicleOut(IReadOnlyList<DynoTerms> rows)
        {
            var result = new List<(DynoRow, GenericSet)>();
            foreach (string id in rows.Select(r => r.Vehicle.Id).Distinct())
            {
                GenericSet fold = Fit(rows.Where(r => r.Vehicle.Id != id).ToList());
                foreach (DynoTerms r in rows.Where(r => r.Vehicle.Id == id))
                {
                    result.Add((r.Row(fold), fold));
                }
            }

            return result;
        }
    }
}
