using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>A 1 Hz speed trace (FASTSim cycle CSV: cycSecs, cycMps, cycGrade, cycRoadType; optional UTF-8 BOM).</summary>
    public sealed class DriveCycle
    {
        public DriveCycle(string name, double[] speedMps, double[] grade)
        {
            Name = name;
            SpeedMps = speedMps;
            Grade = grade;
        }

        public string Name { get; }
        public double[] SpeedMps { get; }
        public double[] Grade { get; }

        /// <summary>Distance by the trapezoid rule, m.</summary>
        public double DistanceM
        {
            get
            {
                double d = 0;
                for (int i = 1; i < SpeedMps.Length; i++)
                {
                    d += 0.5 * (SpeedMps[i] + SpeedMps[i - 1]);
                }

                return d;
            }
        }

        /// <summary>Reads a cycle file; throws InvalidDataException naming file, line and field on bad data.</summary>
        public static DriveCycle Load(string path)
        {
            string[] lines = File.ReadAllLines(path);
            if (lines.Length < 3)
            {
                throw new InvalidDataException($"{path}: too few lines for a drive cycle");
            }

            string[] header = lines[0].Trim('\uFEFF').Split(',');
            int iv = Array.IndexOf(header, "cycMps");
            int ig = Array.IndexOf(header, "cycGrade");
            if (iv < 0)
            {
                throw new InvalidDataException($"{path}: line 1: no cycMps column");
            }

            var v = new List<double>();
            var g = new List<double>();
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0)
                {
                    continue;
                }

                string[] f = lines[i].Split(',');
                if (f.Length <= iv || !double.TryParse(f[iv], NumberStyles.Float, CultureInfo.InvariantCulture, out double mps) || mps < 0 || mps > 100)
                {
                    throw new InvalidDataException($"{path}: line {i + 1}: cycMps is not a speed 0..100 m/s");
                }

                double grade = 0;
                if (ig >= 0 && f.Length > ig)
                {
                    double.TryParse(f[ig], NumberStyles.Float, CultureInfo.InvariantCulture, out grade);
                }

                v.Add(mps);
                g.Add(grade);
            }

            return new DriveCycle(Path.GetFileNameWithoutExtension(path), v.ToArray(), g.ToArray());
        }
    }
}
