using System;
using System.Collections.Generic;
using ScottPlot;

namespace RangeGuard.Simulator.Plots
{
    /// <summary>
    /// One PNG: panels stacked top to bottom that share the x axis. Every panel has the same fixed padding, so their data
    /// areas line up; the right padding holds a right-hand axis and the panel's legend, outside the data. The title goes
    /// above the first panel, the x axis label and tick labels below the last.
    /// </summary>
    public sealed class Figure
    {
        public const int Width = 1400;
        public const float LeftPad = 80;
        public const float RightPad = 390;
        public const float TitlePad = 42;
        public const float GapPad = 10;
        public const float XAxisPad = 52;

        private readonly List<FigurePanel> _panels = new();

        public Figure(string title, string xLabel, double xMin, double xMax)
        {
            Title = title;
            XLabel = xLabel;
            XMin = xMin;
            XMax = xMax > xMin ? xMax : xMin + 1;
        }

        public string Title { get; }
        public string XLabel { get; }
        public double XMin { get; }
        public double XMax { get; }

        /// <summary>Tick positions and labels for the x axis (e.g. clock times); null for numeric ticks.</summary>
        public (double[] Positions, string[] Labels)? XTicks { get; set; }

        public IReadOnlyList<FigurePanel> Panels => _panels;

        /// <summary>Where the event lane put each marker and label (empty without a lane).</summary>
        public IReadOnlyList<PlacedEvent> LaneEvents { get; internal set; } = Array.Empty<PlacedEvent>();

        public int Height
        {
            get
            {
                float h = 0;
                for (int i = 0; i < _panels.Count; i++)
                {
                    h += OuterHeight(i);
                }

                return (int)Math.Ceiling(h);
            }
        }

        /// <summary>Data area width in pixels (the same for every panel).</summary>
        public static float DataWidth => Width - LeftPad - RightPad;

        /// <summary>Adds a panel whose data area is <paramref name="dataHeight"/> pixels high.</summary>
        public Plot AddPanel(string name, float dataHeight)
        {
            var plot = new Plot();
            _panels.Add(new FigurePanel(name, plot, dataHeight));
            return plot;
        }

        public FigurePanel Panel(string name)
        {
            foreach (FigurePanel p in _panels)
            {
                if (p.Name == name)
                {
                    return p;
                }
            }

            throw new ArgumentException($"no panel '{name}'", nameof(name));
        }

        /// <summary>Fixes the layout of every panel (padding, x limits, which axes show labels) and stacks them.</summary>
        public Multiplot Compose()
        {
            var multi = new Multiplot(_panels[0].Plot);
            var heights = new float[_panels.Count];
            for (int i = 0; i < _panels.Count; i++)
            {
                Plot p = _panels[i].Plot;
                bool first = i == 0, last = i == _panels.Count - 1;
                p.Layout.Fixed(new PixelPadding(LeftPad, RightPad, last ? XAxisPad : GapPad, first ? TitlePad : GapPad));
                p.Axes.SetLimitsX(XMin, XMax);
                if (XTicks is { } ticks && p.Axes.Bottom is ScottPlot.AxisPanels.AxisBase bottom)
                {
                    bottom.SetTicks(ticks.Positions, ticks.Labels);
                }

                p.Axes.Bottom.TickLabelStyle.IsVisible = last;
                p.Axes.Bottom.Label.Text = last ? XLabel : string.Empty;
                p.Axes.Title.Label.Text = first ? Title : string.Empty;
                p.Axes.Title.IsVisible = first;
                heights[i] = OuterHeight(i);
                if (i > 0)
                {
                    multi.AddPlot(p);
                }
            }

            multi.Layout = new StackedRows(heights);
            return multi;
        }

        public void SavePng(string path)
        {
            Compose().SavePng(path, Width, Height);
        }

        private float OuterHeight(int i)
            => _panels[i].DataHeight + (i == 0 ? TitlePad : GapPad) + (i == _panels.Count - 1 ? XAxisPad : GapPad);

        /// <summary>Rows of fixed pixel heights, top to bottom.</summary>
        private sealed class StackedRows : IMultiplotLayout
        {
            private readonly float[] _heights;

            public StackedRows(float[] heights) => _heights = heights;

            public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figure)
            {
                var rects = new PixelRect[subplots.Count];
                float top = figure.Top;
                for (int i = 0; i < rects.Length; i++)
                {
                    float h = i < _heights.Length ? _heights[i] : 0;
                    rects[i] = new PixelRect(figure.Left, figure.Right, top + h, top);
                    top += h;
                }

                return rects;
            }
        }
    }

    /// <summary>One panel of a figure: its name (what it shows), the plot and its data-area height.</summary>
    public sealed record FigurePanel(string Name, Plot Plot, float DataHeight);
}
