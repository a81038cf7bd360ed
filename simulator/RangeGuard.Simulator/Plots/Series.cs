using System;
using System.Collections.Generic;
using ScottPlot;

namespace RangeGuard.Simulator.Plots
{
    /// <summary>
    /// Lines and bands drawn as separate pieces wherever the data has a gap (NaN, or a sample the caller leaves out), so no
    /// straight line is drawn across the gap. Only the first piece carries the legend text.
    /// </summary>
    public static class Series
    {
        /// <summary>Runs of consecutive indices where every value is finite and <paramref name="keep"/> (if given) holds.</summary>
        public static List<(int Start, int End)> Runs(int count, Func<int, bool> ok)
        {
            var runs = new List<(int, int)>();
            int start = -1;
            for (int i = 0; i <= count; i++)
            {
                bool good = i < count && ok(i);
                if (good && start < 0)
                {
                    start = i;
                }
                else if (!good && start >= 0)
                {
                    runs.Add((start, i - 1));
                    start = -1;
                }
            }

            return runs;
        }

        public static void Line(Plot plt, IReadOnlyList<double> x, IReadOnlyList<double> y, string legend, Color color,
            float width = 1.5f, LinePattern? pattern = null, Func<int, bool>? keep = null, IYAxis? axis = null)
        {
            bool first = true;
            foreach ((int a, int b) in Runs(x.Count, i => double.IsFinite(x[i]) && double.IsFinite(y[i]) && (keep == null || keep(i))))
            {
                var s = plt.Add.ScatterLine(Slice(x, a, b), Slice(y, a, b));
                s.Color = color;
                s.LineWidth = width;
                s.LinePattern = pattern ?? LinePattern.Solid;
                s.LegendText = first ? legend : string.Empty;
                if (axis != null)
                {
                    s.Axes.YAxis = axis;
                }

                first = false;
            }
        }

        /// <summary>
        /// A P10-P50-P90 band. Filled: a shaded area with a solid median. Outlined: thin P10 and P90 edges with a dashed
        /// median, so it stays readable where it lies on top of a filled band.
        /// </summary>
        public static void Band(Plot plt, IReadOnlyList<double> x, IReadOnlyList<double> p10, IReadOnlyList<double> p50,
            IReadOnlyList<double> p90, string legend, Color color, bool filled, Func<int, bool> keep)
        {
            bool first = true;
            foreach ((int a, int b) in Runs(x.Count, i => keep(i) && double.IsFinite(p10[i]) && double.IsFinite(p50[i]) && double.IsFinite(p90[i])))
            {
                if (b == a)
                {
                    continue;
                }

                double[] xs = Slice(x, a, b);
                if (filled)
                {
                    var fill = plt.Add.FillY(xs, Slice(p10, a, b), Slice(p90, a, b));
                    fill.FillColor = color.WithAlpha(0.28);
                    fill.LineWidth = 0;
                    fill.LegendText = first ? legend : string.Empty;
                    var mid = plt.Add.ScatterLine(xs, Slice(p50, a, b));
                    mid.Color = color;
                    mid.LineWidth = 1.5f;
                }
                else
                {
                    foreach (IReadOnlyList<double> edge in new[] { p10, p90 })
                    {
                        var e = plt.Add.ScatterLine(xs, Slice(edge, a, b));
                        e.Color = color;
                        e.LineWidth = 1.2f;
                        e.LegendText = first && ReferenceEquals(edge, p10) ? legend : string.Empty;
                    }

                    var mid = plt.Add.ScatterLine(xs, Slice(p50, a, b));
                    mid.Color = color;
                    mid.LineWidth = 1.5f;
                    mid.LinePattern = LinePattern.Dashed;
                }

                first = false;
            }
        }

        /// <summary>Shaded x ranges where <paramref name="on"/> holds (e.g. charging, preconditioning).</summary>
        public static void Spans(Plot plt, IReadOnlyList<double> x, Func<int, bool> on, string legend, Color color)
        {
            bool first = true;
            foreach ((int a, int b) in Runs(x.Count, on))
            {
                double end = b + 1 < x.Count ? x[b + 1] : x[b];
                var span = plt.Add.HorizontalSpan(x[a], Math.Max(end, x[a]), color);
                span.LineWidth = 0;
                span.LegendText = first ? legend : string.Empty;
                first = false;
            }
        }

        private static double[] Slice(IReadOnlyList<double> v, int a, int b)
        {
            var r = new double[b - a + 1];
            for (int i = a; i <= b; i++)
            {
                r[i - a] = v[i];
            }

            return r;
        }
    }
}
