using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>
    /// Reads vehicles.csv (EPA test-car-list rows: id, etw_lb, a_lbf, b_lbf_per_mph, c_lbf_per_mph2, udds_wh_per_mi,
    /// hwy_wh_per_mi, battery_nominal_kwh, ...). Each row becomes the preset of the same id when there is one (pack and
    /// charger data), else the reference vehicle, with the row's road load and EPA figures applied.
    /// </summary>
    public static class VehicleCsv
    {
        private static readonly string[] s_required =
        {
            "id", "etw_lb", "a_lbf", "b_lbf_per_mph", "c_lbf_per_mph2", "udds_wh_per_mi", "hwy_wh_per_mi", "battery_nominal_kwh",
        };

        /// <summary>Throws InvalidDataException naming file, line and column on bad data.</summary>
        public static List<VehicleParams> Load(string path)
        {
            string[] lines = File.ReadAllLines(path);
            if (lines.Length < 2)
            {
                throw new InvalidDataException($"{path}: no vehicle rows");
            }

            string[] header = lines[0].Trim('\uFEFF').Split(',');
            var idx = new int[s_required.Length];
            for (int i = 0; i < s_required.Length; i++)
            {
                idx[i] = Array.IndexOf(header, s_required[i]);
                if (idx[i] < 0)
                {
                    throw new InvalidDataException($"{path}: line 1: missing column '{s_required[i]}'");
                }
            }

            // Optional: rated power of an induction drive motor, kW (overrides the preset; rows without a preset default to 0).
            int iInduction = Array.IndexOf(header, "induction_drive_kw");
            var list = new List<VehicleParams>();
            for (int ln = 1; ln < lines.Length; ln++)
            {
                if (lines[ln].Trim().Length == 0)
                {
                    continue;
                }

                string[] f = SplitCsv(lines[ln]);
                var v = new double[s_required.Length];
                for (int c = 1; c < s_required.Length; c++)
                {
                    if (idx[c] >= f.Length || !double.TryParse(f[idx[c]], NumberStyles.Float, CultureInfo.InvariantCulture, out v[c]))
                    {
                        throw new InvalidDataException($"{path}: line {ln + 1}: column '{s_required[c]}' is not a number");
                    }
                }

                string id = f[idx[0]];
                VehicleParams vp = VehiclePresets.Create(id) ?? VehiclePresets.Create(VehiclePresets.Reference)!;
                vp.Id = id;
                vp.SetEpaRoadLoad((float)v[1], (float)v[2], (float)v[3], (float)v[4]);
                vp.EpaUddsWallWhPerMi = (float)v[5];
                vp.EpaHwyWallWhPerMi = (float)v[6];
                vp.Battery.NominalKwh = (float)v[7];
                if (iInduction >= 0 && iInduction < f.Length && f[iInduction].Length > 0)
                {
                    if (!double.TryParse(f[iInduction], NumberStyles.Float, CultureInfo.InvariantCulture, out double kw) || kw < 0 || kw > 2000)
                    {
                        throw new InvalidDataException($"{path}: line {ln + 1}: column 'induction_drive_kw' is not a power in 0..2000 kW");
                    }

                    vp.InductionDriveKw = (float)kw;
                }
                list.Add(vp);
            }

            return list;
        }

        /// <summary>Splits one CSV line, honouring double-quoted fields.</summary>
        private static string[] SplitCsv(string line)
        {
            var fields = new List<string>();
            var cur = new System.Text.StringBuilder();
            bool quoted = false;
            foreach (char ch in line)
            {
                if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == ',' && !quoted)
                {
                    fields.Add(cur.ToString());
                    cur.Clear();
                }
                else
                {
                    cur.Append(ch);
                }
            }

            fields.Add(cur.ToString());
            return fields.ToArray();
        }
    }
}
