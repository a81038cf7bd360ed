using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace RangeGuard.Host.Trips
{
    /// <summary>
    /// Reads an original 10 Hz file of the TUM "Battery and Heating Data in Real Driving Cycles" set (semicolon separated,
    /// header "Time [s];Velocity [km/h];…") and reduces it to 1 Hz the way the project's 1 Hz copies were made: each row
    /// is the mean over [t, t+1) of the samples, battery power = mean of V·I (negative = discharging in the source, flipped
    /// here), an incomplete final second dropped. Lets `evaluate` run on trips that never went through the 1 Hz copy,
    /// e.g. the ones held out of development.
    /// </summary>
    public static class TumRawTripReader
    {
        public const string Format = "tum-10hz";

        /// <summary>True when the first line is a TUM 10 Hz header.</summary>
        public static bool Recognises(string headerLine) =>
            headerLine.Contains(';') && headerLine.Contains("Time [s]") && headerLine.Contains("Battery Voltage [V]");

        public static TripReadResult Parse(string name, string path, string[] lines)
        {
            string[] header = lines[0].Trim('\uFEFF').Split(';');
            int Col(string prefix, string? not = null)
            {
                for (int i = 0; i < header.Length; i++)
                {
                    string h = header[i].Trim();
                    if (h.StartsWith(prefix, StringComparison.Ordinal) && (not == null || !h.Contains(not)))
                    {
                        return i;
                    }
                }

                return -1;
            }

            int[] idx =
            {
                Col("Time [s]"), Col("Velocity [km/h]"), Col("Elevation [m]"), Col("Battery Voltage [V]"), Col("Battery Current [A]"),
                Col("Battery Temperature ["), Col("SoC [%]"), Col("Ambient Temperature [", "Sensor"),
            };
            string[] names = { "Time [s]", "Velocity [km/h]", "Elevation [m]", "Battery Voltage [V]", "Battery Current [A]", "Battery Temperature", "SoC [%]", "Ambient Temperature" };
            for (int i = 0; i < idx.Length; i++)
            {
                if (idx[i] < 0)
                {
                    return new TripReadResult { Error = $"{path}: line 1: missing column '{names[i]}'" };
                }
            }

            int iHeat = Col("Heating Power CAN [kW]"), iAc = Col("AirCon Power [kW]"), iCabin = Col("Cabin Temperature Sensor");
            var rows = new List<double[]>();
            var acc = new double[12];
            int n = 0, skipped = 0;
            long second = long.MinValue;
            var problems = new List<string>();
            var v = new double[idx.Length];
            for (int ln = 1; ln < lines.Length; ln++)
            {
                string[] f = lines[ln].Split(';');
                bool ok = f.Length > 1;
                for (int c = 0; c < idx.Length && ok; c++)
                {
                    ok = idx[c] < f.Length && double.TryParse(f[idx[c]], NumberStyles.Float, CultureInfo.InvariantCulture, out v[c]) && double.IsFinite(v[c]);
                }

                if (!ok)
                {
                    // Some source files have empty SoC cells in their last samples: skipped, as in the 1 Hz copies.
                    skipped++;
                    if (problems.Count < 10 && lines[ln].Trim().Length > 0)
                    {
                        problems.Add($"{path}:{ln + 1}: a required field is empty or not a number");
                    }

                    continue;
                }

                long s = (long)Math.Floor(v[0] + 1e-6);
                if (s != second)
                {
                    Flush(rows, acc, n, second);
                    Array.Clear(acc);
                    n = 0;
                    second = s;
                }

                acc[0] += v[1];
                acc[1] += v[2];
                acc[2] += v[3] * v[4];
                acc[3] += v[5];
                acc[4] += v[6];
                acc[5] += v[7];
                acc[6] += Opt(f, iHeat);
                acc[7] += Opt(f, iAc);
                acc[8] += Opt(f, iCabin);
                n++;
            }

            // The final second is kept only when complete (10 samples), like the 1 Hz copies.
            if (n >= 10)
            {
                Flush(rows, acc, n, second);
            }

            if (rows.Count < 2)
            {
                return new TripReadResult { Error = $"{path}: fewer than 2 usable seconds", RowsSkipped = skipped };
            }

            int m = rows.Count;
            double[] Column(int k)
            {
                var a = new double[m];
                for (int i = 0; i < m; i++)
                {
                    a[i] = rows[i][k];
                }

                return a;
            }

            var trip = new TripLog(name, Column(9), Column(0), Column(1), Column(2), Column(4), Column(3), Column(5));
            for (int i = 0; i < m; i++)
            {
                trip.HeatingPowerW[i] = iHeat >= 0 ? rows[i][6] : double.NaN;
                trip.AirconPowerW[i] = iAc >= 0 ? rows[i][7] : double.NaN;
                trip.HvacPowerW[i] = iHeat >= 0 ? rows[i][6] + (iAc >= 0 ? rows[i][7] : 0) : double.NaN;
                trip.CabinTempC[i] = iCabin >= 0 ? rows[i][8] : double.NaN;
            }

            var result = new TripReadResult { Trip = trip, Format = Format, RowsRead = m, RowsSkipped = skipped };
            result.Problems.AddRange(problems);
            return result;
        }

        private static double Opt(string[] f, int i) =>
            i >= 0 && i < f.Length && double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) ? x : 0;

        /// <summary>Appends one 1 Hz row: speed, elevation, power W (discharge positive), battery °C, SOC, ambient, heat W, A/C W, cabin, time.</summary>
        private static void Flush(List<double[]> rows, double[] acc, int n, long second)
        {
            if (n == 0)
            {
                return;
            }

            rows.Add(new[]
            {
                acc[0] / n, acc[1] / n, -acc[2] / n, acc[3] / n, acc[4] / n, acc[5] / n, acc[6] / n * 1000, acc[7] / n * 1000, acc[8] / n, second,
            });
        }
    }
}
