using System;
using System.Collections.Generic;
using System.IO;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using ScottPlot;

namespace RangeGuard.Simulator.Plots
{
    /// <summary>
    /// PNG plots of a run (ScottPlot): SOC vs distance (truth, usable floor, the board's predicted band, chargers, alerts,
    /// stranding point); SOC and charging vs time; temperatures and heater/HVAC power vs time.
    /// </summary>
    public static class PlotWriter
    {
        public const int Width = 1400;
        public const int Height = 700;

        public static IReadOnlyList<string> Write(Scenario s, RunResult r, string outDir, string stem)
        {
            var files = new List<string>();
            RunTrace? t = r.Trace;
            if (t == null || t.Count < 2)
            {
                return files;
            }

            files.Add(SocVsDistance(s, r, t, Path.Combine(outDir, stem + ".soc-distance.png")));
            files.Add(SocVsTime(s, r, t, Path.Combine(outDir, stem + ".soc-time.png")));
            files.Add(Temperatures(s, r, t, Path.Combine(outDir, stem + ".temperatures.png")));
            return files;
        }

        private static string SocVsDistance(Scenario s, RunResult r, RunTrace t, string path)
        {
            var plt = new Plot();
            double[] x = t.PositionKm.ToArray();
            AddBand(plt, x, t.DestP10, t.DestP50, t.DestP90, "predicted SOC at destination (P10-P90, P50)", Colors.Orange);
            AddBand(plt, x, t.NextP10, t.NextP50, t.NextP90, "predicted SOC at next charger (P10-P90, P50)", Colors.Purple);
            var floor = plt.Add.ScatterLine(x, t.SocFloorPercent.ToArray());
            floor.LegendText = "usable floor (cold pack)";
            floor.Color = Colors.Gray;
            floor.LinePattern = LinePattern.Dashed;
            var soc = plt.Add.ScatterLine(x, t.SocPercent.ToArray());
            soc.LegendText = "true SOC";
            soc.Color = Colors.Blue;
            soc.LineWidth = 2;
            var usable = plt.Add.ScatterLine(x, t.UsableKwh.ToArray());
            usable.LegendText = "usable energy above the floor, kWh (right)";
            usable.Color = Colors.Teal.WithAlpha(0.7);
            usable.LinePattern = LinePattern.Dashed;
            usable.Axes.YAxis = plt.Axes.Right;
            plt.Axes.Right.Label.Text = "usable energy, kWh";
            plt.Axes.SetLimitsY(0, s.Vehicle.NominalEnergyKwh, plt.Axes.Right);
            double lastTopKm = double.NegativeInfinity;
            foreach (ChargerSpec c in s.Chargers)
            {
                var vl = plt.Add.VerticalLine(c.PositionM / 1000);
                vl.Color = Colors.Green.WithAlpha(0.6);
                vl.LinePattern = LinePattern.Dotted;
                vl.Text = c.Name.Length > 22 ? c.Name.Substring(0, 21) + "…" : c.Name;
                vl.LabelFontSize = 11;
                // Labels go above the plot; one too close to the previous goes below instead of overlapping it.
                bool top = c.PositionM / 1000 - lastTopKm > s.Route.LengthM / 1000 * 0.12;
                vl.LabelOppositeAxis = top;
                if (top)
                {
                    lastTopKm = c.PositionM / 1000;
                }
            }

            AddAlertMarkers(plt, r, a => a.PositionM / 1000);
            if (r.Outcome == Outcome.Strands)
            {
                var m = plt.Add.Marker(r.StrandedAtM / 1000, r.FinalSocPercent);
                m.MarkerShape = MarkerShape.FilledDiamond;
                m.MarkerSize = 16;
                m.Color = Colors.Red;
                m.LegendText = $"stranded near {r.StrandedNear}";
            }

            plt.Title($"{s.Name}: state of charge vs distance ({(r.FollowedAdvice ? "following advice" : "as driven")}, board: {r.BoardName})");
            plt.XLabel("distance along the route, km");
            plt.YLabel("SOC, %");
            plt.Layout.Fixed(new PixelPadding(70, 80, 70, 70));
            plt.Axes.SetLimitsY(0, 100);
            plt.ShowLegend(Alignment.UpperRight);
            plt.SavePng(path, Width, Height);
            return path;
        }

        private static string SocVsTime(Scenario s, RunResult r, RunTrace t, string path)
        {
            var plt = new Plot();
            double[] h = Hours(t);
            var soc = plt.Add.ScatterLine(h, t.SocPercent.ToArray());
            soc.LegendText = "true SOC, %";
            soc.Color = Colors.Blue;
            soc.LineWidth = 2;
            var spd = plt.Add.ScatterLine(h, t.SpeedKmh.ToArray());
            spd.LegendText = "speed, km/h";
            spd.Color = Colors.Gray.WithAlpha(0.6);
            var ch = plt.Add.ScatterLine(h, t.ChargeKw.ToArray());
            ch.LegendText = "charger input, kW";
            ch.Color = Colors.Green;
            var display = plt.Add.ScatterLine(h, t.DisplayedRangeKm.ToArray());
            display.LegendText = "car's own range display, km (right)";
            display.Color = Colors.Purple;
            display.LinePattern = LinePattern.Dashed;
            display.Axes.YAxis = plt.Axes.Right;
            plt.Axes.Right.Label.Text = "car's range display, km";
            AddAlertMarkers(plt, r, a => a.ElapsedS / 3600);
            plt.Title($"{s.Name}: SOC, speed and charging vs time (start {s.Start:yyyy-MM-dd HH:mm})");
            plt.XLabel("hours since start");
            plt.YLabel("SOC % / km/h / kW");
            plt.ShowLegend(Alignment.UpperRight);
            plt.SavePng(path, Width, Height);
            return path;
        }

        private static string Temperatures(Scenario s, RunResult r, RunTrace t, string path)
        {
            var plt = new Plot();
            double[] h = Hours(t);
            Line(plt, h, t.AmbientC, "outside, °C", Colors.SkyBlue);
            Line(plt, h, t.BatteryTempC, "battery, °C", Colors.Red);
            Line(plt, h, t.CabinC, "cabin, °C", Colors.Orange);
            var heater = plt.Add.ScatterLine(h, t.HeaterKw.ToArray());
            heater.LegendText = "battery heater, kW (right)";
            heater.Color = Colors.DarkRed.WithAlpha(0.7);
            heater.Axes.YAxis = plt.Axes.Right;
            var hvac = plt.Add.ScatterLine(h, t.HvacKw.ToArray());
            hvac.LegendText = "cabin HVAC, kW (right)";
            hvac.Color = Colors.DarkOrange.WithAlpha(0.7);
            hvac.LinePattern = LinePattern.Dashed;
            hvac.Axes.YAxis = plt.Axes.Right;
            var req = new double[t.Count];
            bool anyRequest = false;
            for (int i = 0; i < t.Count; i++)
            {
                req[i] = t.HeaterRequest[i] ? 1 : 0;
                anyRequest |= t.HeaterRequest[i];
            }

            if (anyRequest)
            {
                var pre = plt.Add.ScatterLine(h, req);
                pre.LegendText = "preconditioning request (right, 1 = on)";
                pre.Color = Colors.Magenta;
                pre.Axes.YAxis = plt.Axes.Right;
            }

            plt.Axes.Right.Label.Text = "power, kW";
            plt.Title($"{s.Name}: temperatures and heating vs time");
            plt.XLabel("hours since start");
            plt.YLabel("temperature, °C");
            plt.ShowLegend(Alignment.UpperRight);
            plt.SavePng(path, Width, Height);
            return path;
        }

        private static void Line(Plot plt, double[] x, List<double> y, string label, Color color)
        {
            var l = plt.Add.ScatterLine(x, y.ToArray());
            l.LegendText = label;
            l.Color = color;
            l.LineWidth = 2;
        }

        private static double[] Hours(RunTrace t)
        {
            var h = new double[t.Count];
            for (int i = 0; i < h.Length; i++)
            {
                h[i] = t.ElapsedS[i] / 3600;
            }

            return h;
        }

        private static void AddBand(Plot plt, double[] x, List<double> p10, List<double> p50, List<double> p90, string label, Color color)
        {
            var xs = new List<double>();
            var lo = new List<double>();
            var mid = new List<double>();
            var hi = new List<double>();
            for (int i = 0; i < x.Length; i++)
            {
                if (!double.IsNaN(p10[i]) && !double.IsNaN(p90[i]))
                {
                    xs.Add(x[i]);
                    lo.Add(p10[i]);
                    mid.Add(p50[i]);
                    hi.Add(p90[i]);
                }
            }

            if (xs.Count < 2)
            {
                return;
            }

            var fill = plt.Add.FillY(xs.ToArray(), lo.ToArray(), hi.ToArray());
            fill.FillStyle.Color = color.WithAlpha(0.25);
            fill.LegendText = label;
            var m = plt.Add.ScatterLine(xs.ToArray(), mid.ToArray());
            m.Color = color;
            m.LinePattern = LinePattern.Dashed;
        }

        private static void AddAlertMarkers(Plot plt, RunResult r, Func<BoardAlert, double> x)
        {
            foreach (BoardAlert a in r.Alerts)
            {
                var vl = plt.Add.VerticalLine(x(a));
                vl.Color = a.Severity switch
                {
                    AlertSeverity.Critical => Colors.Red,
                    AlertSeverity.Warning => Colors.OrangeRed,
                    AlertSeverity.Advisory => Colors.Gold,
                    _ => Colors.SteelBlue,
                };
                vl.LineWidth = 1.5f;
                vl.Text = a.Code;
                vl.LabelFontSize = 10;
            }
        }
    }
}
