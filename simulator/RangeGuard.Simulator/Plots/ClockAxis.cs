using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Plots
{
    /// <summary>
    /// Time-axis ticks on the scenario's local clock ("d1 12:00", "d2 06:00"), the same form as the text timeline, placed on
    /// whole quarter hours, hours or days at a step that gives at most about 14 ticks. X values are hours since the start.
    /// </summary>
    public static class ClockAxis
    {
        private static readonly double[] StepsH = { 0.25, 0.5, 1, 2, 3, 4, 6, 12, 24 };

        public static (double[] Positions, string[] Labels) Ticks(Scenario s, double spanH)
        {
            double step = StepsH[^1];
            foreach (double c in StepsH)
            {
                if (spanH / c <= 14)
                {
                    step = c;
                    break;
                }
            }

            var pos = new List<double>();
            var labels = new List<string>();
            DateTimeOffset start = s.Start;
            // First whole hour on the step's grid at or after the start (local clock).
            double startH = start.TimeOfDay.TotalHours;
            double first = Math.Ceiling(startH / step) * step - startH;
            for (double h = first; h <= spanH + 1e-9; h += step)
            {
                pos.Add(h);
                labels.Add(Reports.TextSummary.Clock(s, Math.Round(h * 3600)));
            }

            return (pos.ToArray(), labels.ToArray());
        }
    }
}
