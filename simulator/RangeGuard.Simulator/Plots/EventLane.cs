using System;
using System.Collections.Generic;
using ScottPlot;

namespace RangeGuard.Simulator.Plots
{
    /// <summary>Something that happened at X (and lasted until XEnd, if later): an alert, a charger, a charging session.</summary>
    public sealed record LaneEvent(double X, double XEnd, string Label, Color Color, MarkerShape Shape);

    /// <summary>Events of one kind, drawn in their own rows of the lane (the group name labels them on the left).</summary>
    public sealed record LaneGroup(string Name, IReadOnlyList<LaneEvent> Events);

    /// <summary>One entry of the lane's key (what a marker colour means), shown right of the lane like the other legends.</summary>
    public sealed record LaneKey(string Label, Color Color, MarkerShape Shape);

    /// <summary>
    /// Where an event went: the row (0 = top of the lane), the pixels its marker, bar and label take (figure x), and whether
    /// the label is right of the marker (left of it near the right edge).
    /// </summary>
    public sealed record PlacedEvent(LaneEvent Event, string Group, int Row, float Left, float Right, bool LabelAfterMarker);

    /// <summary>
    /// A panel above the data panels that holds event markers and their labels, so labels never sit on the data, the axis
    /// labels or the title. Labels are laid out greedily: each goes into the first row of its group where it does not touch
    /// an earlier label, so events at the same place stack instead of overlapping.
    /// </summary>
    public static class EventLane
    {
        public const float RowHeight = 18;
        public const float FontSize = 11;
        private const float MarkerGapPx = 7;
        private const float LabelGapPx = 10;

        /// <summary>Adds the lane as the figure's next panel (named "events") and returns where each event went.</summary>
        public static IReadOnlyList<PlacedEvent> Add(Figure figure, IReadOnlyList<LaneGroup> groups, IReadOnlyList<LaneKey> key)
        {
            var placed = new List<PlacedEvent>();
            var groupRows = new List<int>();
            int rowBase = 0;
            foreach (LaneGroup g in groups)
            {
                int rows = Layout(figure, g, rowBase, placed);
                groupRows.Add(rows);
                rowBase += rows;
            }

            // High enough for the key beside it (one entry per row, plus its frame).
            int total = Math.Max(Math.Max(2, key.Count + 1), rowBase);
            Plot plt = figure.AddPanel("events", total * RowHeight + 4);
            plt.Axes.SetLimitsY(0, total);
            Key(plt, key);
            plt.Grid.YAxisStyle.IsVisible = false;
            plt.Axes.Left.MajorTickStyle.Length = 0;
            plt.Axes.Left.MinorTickStyle.Length = 0;
            plt.Axes.Right.MajorTickStyle.Length = 0;
            plt.Axes.Right.MinorTickStyle.Length = 0;
            var ticks = new List<double>();
            var names = new List<string>();
            int top = 0;
            for (int i = 0; i < groups.Count; i++)
            {
                int rows = groupRows[i];
                if (rows == 0)
                {
                    continue;
                }

                ticks.Add(total - top - rows / 2.0);
                names.Add(groups[i].Name);
                if (top > 0)
                {
                    plt.Add.HorizontalLine(total - top, 1, Colors.Gray.WithAlpha(0.5), LinePattern.Solid);
                }

                top += rows;
            }

            if (plt.Axes.Left is ScottPlot.AxisPanels.AxisBase left)
            {
                left.SetTicks(ticks.ToArray(), names.ToArray());
            }

            foreach (PlacedEvent p in placed)
            {
                Draw(plt, p, total);
            }

            if (placed.Count == 0)
            {
                var nothing = new List<string>();
                foreach (LaneGroup g in groups)
                {
                    nothing.Add("no " + g.Name);
                }

                var none = plt.Add.Text(string.Join(", ", nothing), figure.XMin, total / 2.0);
                none.LabelFontSize = FontSize;
                none.LabelFontColor = Colors.Gray;
                none.LabelAlignment = Alignment.MiddleLeft;
                none.OffsetX = MarkerGapPx;
            }

            figure.LaneEvents = placed;
            return placed;
        }

        /// <summary>Pixel x of a data x in any panel of the figure (they share the data area).</summary>
        public static float PixelX(Figure figure, double x)
            => Figure.LeftPad + (float)((x - figure.XMin) / (figure.XMax - figure.XMin) * Figure.DataWidth);

        public static float LabelWidth(string text)
        {
            var style = new LabelStyle { FontSize = FontSize };
            using Paint paint = Paint.NewDisposablePaint();
            return style.Measure(text, paint).Width;
        }

        /// <summary>The key, right of the lane like the other panels' legends (never inside the lane).</summary>
        private static void Key(Plot plt, IReadOnlyList<LaneKey> key)
        {
            plt.HideLegend();
            if (key.Count == 0)
            {
                return;
            }

            foreach (LaneKey k in key)
            {
                plt.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = k.Label,
                    MarkerShape = k.Shape,
                    MarkerFillColor = k.Color,
                    MarkerLineColor = k.Color,
                    MarkerSize = 9,
                    LinePattern = LinePattern.Solid,
                    LineWidth = 0,
                });
            }

            ScottPlot.Panels.LegendPanel panel = plt.ShowLegend(Edge.Right);
            panel.Alignment = Alignment.UpperLeft;
            plt.Legend.FontSize = 12;
        }

        private static int Layout(Figure figure, LaneGroup g, int rowBase, List<PlacedEvent> placed)
        {
            var events = new List<LaneEvent>(g.Events);
            events.Sort((a, b) => a.X.CompareTo(b.X));
            var rowEnds = new List<float>();
            float dataRight = Figure.LeftPad + Figure.DataWidth;
            foreach (LaneEvent e in events)
            {
                float x = PixelX(figure, e.X);
                float xEnd = PixelX(figure, Math.Max(e.X, e.XEnd));
                float w = LabelWidth(e.Label);
                bool rightOfMarker = x + MarkerGapPx + w <= dataRight;
                float left = rightOfMarker ? x - MarkerGapPx : x - MarkerGapPx - w;
                float right = Math.Max(rightOfMarker ? x + MarkerGapPx + w : x + MarkerGapPx, xEnd);
                int row = 0;
                while (row < rowEnds.Count && rowEnds[row] + LabelGapPx > left)
                {
                    row++;
                }

                if (row == rowEnds.Count)
                {
                    rowEnds.Add(right);
                }
                else
                {
                    rowEnds[row] = right;
                }

                placed.Add(new PlacedEvent(e, g.Name, rowBase + row, left, right, rightOfMarker));
            }

            return rowEnds.Count;
        }

        private static void Draw(Plot plt, PlacedEvent p, int totalRows)
        {
            LaneEvent e = p.Event;
            double y = totalRows - p.Row - 0.5;
            if (e.XEnd > e.X)
            {
                // Along the bottom of the row, under the label: how long the alert was up (the session lasted).
                var bar = plt.Add.Line(e.X, y - 0.36, e.XEnd, y - 0.36);
                bar.LineWidth = 3;
                bar.Color = e.Color.WithAlpha(0.5);
            }

            var m = plt.Add.Marker(e.X, y, e.Shape, 9, e.Color);
            m.LegendText = string.Empty;
            var t = plt.Add.Text(e.Label, e.X, y);
            t.LabelFontSize = FontSize;
            t.LabelFontColor = e.Color;
            t.LabelAlignment = p.LabelAfterMarker ? Alignment.MiddleLeft : Alignment.MiddleRight;
            t.OffsetX = p.LabelAfterMarker ? MarkerGapPx : -MarkerGapPx;
        }
    }
}
