using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace RangeGuard.Host.Trips
{
    /// <summary>Outcome of reading a trip file: the trip or an error, plus counted, skipped rows (never throws on garbage).</summary>
    public sealed class TripReadResult
    {
        public TripLog? Trip { get; init; }
        public string? Error { get; init; }
        public string Format { get; init; } = "";
        public int RowsRead { get; init; }
        public int RowsSkipped { get; init; }

        /// <summary>First few skip reasons, "file:line: field: reason".</summary>
        public List<string> Problems { get; } = new List<string>();
    }

    /// <summary>
    /// Reads 1 Hz trip CSVs in two formats, told apart by the header:
    /// <list type="bullet">
    /// <item>BMW i3 (TUM "Battery and Heating Data in Real Driving Cycles", 1 Hz derivation): time_s, speed_kmh,
    /// elevation_m, battery_voltage_v, battery_current_a, battery_power_kw, battery_temp_c, soc_pct, displayed_soc_pct,
    /// heating_power_kw, aircon_power_kw, ambient_temp_c, cabin_temp_c. Current and power are NEGATIVE when discharging;
    /// battery_power_kw (mean of V·I per second) is used.</item>
    /// <item>Generic: time_s, speed_kmh, elevation_m, battery_voltage_v, battery_current_a, soc_pct, battery_temp_c,
    /// ambient_temp_c (any column order, extra columns ignored), optional hvac_power_kw and cabin_temp_c. battery_current_a is POSITIVE
    /// when discharging; power = V·I. Times must increase.</item>
    /// </list>
    /// Rows with a missing or non-numeric required field, or a time that does not increase, are skipped and counted.
    /// </summary>
    public static class TripCsvReader
    {
        public const string FormatBmwI3 = "bmw-i3";
        public const string FormatGeneric = "generic";

        private static readonly string[] s_generic =
        {
            "time_s", "speed_kmh", "elevation_m", "battery_voltage_v", "battery_current_a", "soc_pct", "battery_temp_c", "ambient_temp_c",
        };

        public static TripReadResult Read(string path)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            string[] lines;
            try
            {
                // Latin-1: the TUM 10 Hz headers carry a '°' in that encoding; every other format is ASCII.
                lines = File.ReadAllLines(path, System.Text.Encoding.Latin1);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new TripReadResult { Error = $"{path}: cannot read: {ex.Message}" };
            }

            return Parse(name, path, lines);
        }

        public static TripReadResult Parse(string name, string path, string[] lines)
        {
            if (lines.Length == 0)
            {
                return new TripReadResult { Error = $"{path}: empty file" };
            }

            if (TumRawTripReader.Recognises(lines[0]))
            {
                return TumRawTripReader.Parse(name, path, lines);
            }

            string[] header = lines[0].Trim('\uFEFF').Trim().Split(',');
            for (int i = 0; i < header.Length; i++)
            {
                header[i] = header[i].Trim();
            }

            bool bmw = Array.IndexOf(header, "battery_power_kw") >= 0 && Array.IndexOf(header, "displayed_soc_pct") >= 0;
            var idx = new int[s_generic.Length];
            for (int i = 0; i < s_generic.Length; i++)
            {
                idx[i] = Array.IndexOf(header, s_generic[i]);
                if (idx[i] < 0)
                {
                    return new TripReadResult { Error = $"{path}: line 1: missing column '{s_generic[i]}'" };
                }
            }

            int iPower = bmw ? Array.IndexOf(header, "battery_power_kw") : -1;
            // Optional HVAC power: i3 heating_power_kw + aircon_power_kw, generic hvac_power_kw.
            int iHeat = Array.IndexOf(header, bmw ? "heating_power_kw" : "hvac_power_kw");
            int iAc = bmw ? Array.IndexOf(header, "aircon_power_kw") : -1;
            int iCabin = Array.IndexOf(header, "cabin_temp_c");
            var hvac = new List<double>(lines.Length);
            var heat = new List<double>(lines.Length);
            var ac = new List<double>(lines.Length);
            var cabin = new List<double>(lines.Length);
            var cols = new List<double>[s_generic.Length + 1];
            for (int i = 0; i < cols.Length; i++)
            {
                cols[i] = new List<double>(lines.Length);
            }

            var problems = new List<string>();
            int skipped = 0;
            double lastTime = double.NegativeInfinity;
            var values = new double[s_generic.Length];
            for (int ln = 1; ln < lines.Length; ln++)
            {
                string line = lines[ln];
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                string[] f = line.Split(',');
                string? bad = null;
                for (int c = 0; c < s_generic.Length && bad == null; c++)
                {
                    if (idx[c] >= f.Length || !double.TryParse(f[idx[c]], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]) || !double.IsFinite(values[c]))
                    {
                        bad = $"{s_generic[c]}: not a number";
                    }
                }

                double powerW = 0;
                if (bad == null)
                {
                    if (bmw)
                    {
                        if (iPower >= f.Length || !double.TryParse(f[iPower], NumberStyles.Float, CultureInfo.InvariantCulture, out double kw) || !double.IsFinite(kw))
                        {
                            bad = "battery_power_kw: not a number";
                        }
                        else
                        {
                            powerW = -kw * 1000.0;
                        }
                    }
                    else
                    {
                        powerW = values[3] * values[4];
                    }
                }

                if (bad == null && values[0] <= lastTime)
                {
                    bad = "time_s: does not increase";
                }

                if (bad == null && (values[1] < 0 || values[1] > 300))
                {
                    bad = "speed_kmh: outside 0..300";
                }

                if (bad == null && (values[5] < 0 || values[5] > 100))
                {
                    bad = "soc_pct: outside 0..100";
                }

                if (bad != null)
                {
                    skipped++;
                    if (problems.Count < 10)
                    {
                        problems.Add($"{path}:{ln + 1}: {bad}");
                    }

                    continue;
                }

                lastTime = values[0];
                double hvacW = double.NaN, heatW = double.NaN, acW = double.NaN;
                if (iHeat >= 0 && iHeat < f.Length && double.TryParse(f[iHeat], NumberStyles.Float, CultureInfo.InvariantCulture, out double heatKw))
                {
                    hvacW = heatKw * 1000.0;
                    heatW = bmw ? hvacW : double.NaN;
                    if (iAc >= 0 && iAc < f.Length && double.TryParse(f[iAc], NumberStyles.Float, CultureInfo.InvariantCulture, out double acKw))
                    {
                        acW = acKw * 1000.0;
                        hvacW += acW;
                    }
                }

                double cabinC = double.NaN;
                if (iCabin >= 0 && iCabin < f.Length && double.TryParse(f[iCabin], NumberStyles.Float, CultureInfo.InvariantCulture, out double cab))
                {
                    cabinC = cab;
                }

                hvac.Add(hvacW);
                heat.Add(heatW);
                ac.Add(acW);
                cabin.Add(cabinC);
                for (int c = 0; c < s_generic.Length; c++)
                {
                    cols[c].Add(values[c]);
                }

                cols[s_generic.Length].Add(powerW);
            }

            if (cols[0].Count < 2)
            {
                var failed = new TripReadResult { Error = $"{path}: fewer than 2 usable rows ({skipped} skipped)", RowsSkipped = skipped };
                failed.Problems.AddRange(problems);
                return failed;
            }

            var trip = new TripLog(name, cols[0].ToArray(), cols[1].ToArray(), cols[2].ToArray(), cols[8].ToArray(),
                cols[5].ToArray(), cols[6].ToArray(), cols[7].ToArray());
            hvac.CopyTo(trip.HvacPowerW);
            heat.CopyTo(trip.HeatingPowerW);
            ac.CopyTo(trip.AirconPowerW);
            cabin.CopyTo(trip.CabinTempC);
            var result = new TripReadResult
            {
                Trip = trip,
                Format = bmw ? FormatBmwI3 : FormatGeneric,
                RowsRead = cols[0].Count,
                RowsSkipped = skipped,
            };
            result.Problems.AddRange(problems);
            return result;
        }
    }
}
