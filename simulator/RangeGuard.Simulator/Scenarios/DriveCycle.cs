using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>Reads the standard drive cycles copied in data/cycles (FASTSim CSV: cycSecs, cycMps, cycGrade, cycRoadType).</summary>
    public static class DriveCycle
    {
        public static string Directory => Path.Combine(AppContext.BaseDirectory, "data", "cycles");

        public static IReadOnlyList<string> Names()
        {
            var names = new List<string>();
            if (System.IO.Directory.Exists(Directory))
            {
                foreach (string f in System.IO.Directory.GetFiles(Directory, "*.csv"))
                {
                    names.Add(Path.GetFileNameWithoutExtension(f));
                }
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }

        /// <summary>Speeds at 1 Hz, m/s. Bad rows are errors naming the file and line.</summary>
        public static double[] Load(string name)
        {
            string path = Path.Combine(Directory, name + ".csv");
            if (!File.Exists(path))
            {
                throw new InputException(name, "$", $"unknown drive cycle (known: {string.Join(", ", Names())})");
            }

            return Parse(Path.GetFileName(path), File.ReadAllLines(path));
        }

        public static double[] Parse(string file, string[] lines)
        {
            var speeds = new List<double>();
            var errors = new List<InputError>();
            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                string[] f = line.Split(',');
                if (f.Length < 2 || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double t)
                    || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < 0)
                {
                    errors.Add(new InputError(file, $"line {i + 1}", "expected 'seconds,speed_mps,...' with a speed >= 0"));
                    continue;
                }

                if (Math.Abs(t - speeds.Count) > 1e-6)
                {
                    errors.Add(new InputError(file, $"line {i + 1}", $"time {t} s breaks the 1 Hz sequence (expected {speeds.Count})"));
                    continue;
                }

                speeds.Add(v);
            }

            if (errors.Count > 0)
            {
                throw new InputException(errors);
            }

            return speeds.ToArray();
        }
    }
}
