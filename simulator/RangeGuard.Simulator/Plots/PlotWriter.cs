using System;
using System.Collections.Generic;
using System.IO;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using ScottPlot;

namespace RangeGuard.Simulator.Plots
{
    /// <summary>
    /// PNG plots of a run (ScottPlot), each a stack of panels sharing the x axis with an event lane on top:
    /// SOC vs distance (truth, usable floor, the board's forecast bands, chargers, alerts, stranding point);
    /// SOC, speed and charging power vs time; temperatures and heating power vs time. One unit per axis; legends outside
    /// the data; lines break where the data has gaps.
    /// </summary>
    public static class PlotWriter
    {
        public static IReadOnlyList<string> Write(Scenario s, RunResult r, string outDir, string stem)
        {
            var files = new List<string>();
            if (r.Trace == null || r.Trace.Count < 2)
            {
                return files;
            }

            foreach ((string name, Figure figure) in Figures(s, r))
            {
                string path = Path.Combine(outDir, $"{stem}.{name}.png");
                figure.SavePng(path);
                files.Add(path);
            }

            return files;
        }

        /// <summary>The figures of a run by file name part (soc-distance, soc-time, temperatures); empty without a trace.</summary>
        public static IReadOnlyList<(string Name, Figure Figure)> Figures(Scenario s, RunResult r)
        {
            RunTrace? t = r.Trace;
            if (t == null || t.Count < 2)
            {
                return Array.Empty<(string, Figure)>();
            }

            return new[]
            {
                ("soc-distance", SocVsDistance(s, r, t)),
                ("soc-time", SocVsTime(s, r, t)),
                ("temperatures", Temperatures(s, r, t)),
            };
        }

        /// <summary>The legend right of the data area, top-aligned with it (never over the data).</summary>
        private static void LegendOutside(Plot plt)
        {
            ScottPlot.Panels.LegendPanel panel = plt.ShowLegend(Edge.Right);
            panel.Alignment = Alignment.UpperLeft;
            plt.Legend.FontSize = 12;
        }

        private static string Mode(RunResult r) => $"{(r.FollowedAdvice ? "following advice" : "as driven")}, board: {r.BoardName}";

        private static Figure SocVsDistance(Scenario s, RunResult r, RunTrace t)
        {
            double lengthKm = Math.Max(s.Route.LengthM, t.PositionKm[^1] * 1000) / 1000;
            var fig = new Figure($"{s.Name}: state of charge along the route ({Mode(r)})", "distance along the route, km", 0, lengthKm * 1.01);
            var chargers = new List<LaneEvent>();
            foreach (ChargerSpec c in s.Chargers)
            {
                chargers.Add(new LaneEvent(c.PositionM / 1000, c.PositionM / 1000, Short(c.Name, 34), Palette.Charger, MarkerShape.FilledTriangleUp));
            }

            EventLane.Add(fig, new[]
            {
                new LaneGroup("chargers", chargers),
                new LaneGroup("alerts", AlertEvents(r, a => a.PositionM / 1000, r.DistanceKm)),
            }, Key(r, s.Chargers.Count > 0 ? "charger" : null));
            Plot plt = fig.AddPanel("soc", 420);
            foreach (ChargerSpec c in s.Chargers)
            {
                plt.Add.VerticalLine(c.PositionM / 1000, 1, Palette.Charger.WithAlpha(0.45), LinePattern.Dotted);
            }

            List<double> x = t.PositionKm;
            bool Driving(int i) => t.Phase[i] == CarPhase.Driving;
            Series.Band(plt, x, t.DestP10, t.DestP50, t.DestP90, "forecast on arrival at the next stop, P10-P90 / P50", Palette.Destination, true, Driving);
            Series.Band(plt, x, t.NextP10, t.NextP50, t.NextP90, "forecast on arrival at the next charger", Palette.NextCharger, false, Driving);
            Series.Line(plt, x, t.SocFloorPercent, "usable floor (cold pack)", Colors.Gray, 1.5f, LinePattern.Dashed);
            Series.Line(plt, x, t.SocPercent, "true SOC", Palette.Soc, 2);
            if (r.Outcome == Outcome.Strands)
            {
                var m = plt.Add.Marker(r.StrandedAtM / 1000, r.FinalSocPercent, MarkerShape.FilledDiamond, 14, Colors.Red);
                m.LegendText = $"stranded near {r.StrandedNear}";
            }

            plt.Axes.SetLimitsY(-2, 102);
            plt.YLabel("state of charge, %");
            LegendOutside(plt);
            return fig;
        }

        private static Figure SocVsTime(Scenario s, RunResult r, RunTrace t)
        {
            double[] h = Hours(t);
            var fig = TimeFigure(s, $"{s.Name}: charge, speed and charging power over time ({Mode(r)})", h);
            EventLane.Add(fig, new[]
            {
                new LaneGroup("charging", ChargingEvents(r)),
                new LaneGroup("alerts", AlertEvents(r, a => a.ElapsedS / 3600, r.SimulatedS / 3600)),
            }, Key(r, r.ChargeSessions.Count > 0 ? "charging (bar: how long)" : null));
            bool Charging(int i) => t.ChargeKw[i] > 0.05;

            Plot soc = fig.AddPanel("soc", 300);
            Series.Spans(soc, h, Charging, "charging", Palette.Charger.WithAlpha(0.12));
            Series.Line(soc, h, t.SocPercent, "true SOC, % (left)", Palette.Soc, 2);
            Series.Line(soc, h, t.DisplayedRangeKm, "car's own range display, km (right)", Palette.Display, 1.5f, LinePattern.Dashed, axis: soc.Axes.Right);
            soc.Axes.SetLimitsY(-2, 102);
            soc.YLabel("state of charge, %");
            soc.Axes.Right.Label.Text = "range display, km";
            soc.Axes.SetLimitsY(0, Math.Max(50, Max(t.DisplayedRangeKm) * 1.05), soc.Axes.Right);
            LegendOutside(soc);

            Plot speed = fig.AddPanel("speed", 150);
            Series.Line(speed, h, t.SpeedKmh, "speed", Palette.Speed, 1.2f);
            speed.Axes.SetLimitsY(0, Math.Max(20, Max(t.SpeedKmh) * 1.1));
            speed.YLabel("speed, km/h");
            LegendOutside(speed);

            Plot power = fig.AddPanel("charging power", 150);
            Series.Line(power, h, t.ChargeKw, "charger input", Palette.Charger, 1.5f);
            power.Axes.SetLimitsY(0, Math.Max(5, Max(t.ChargeKw) * 1.1));
            power.YLabel("charging, kW");
            LegendOutside(power);
            return fig;
        }

        private static Figure Temperatures(Scenario s, RunResult r, RunTrace t)
        {
            double[] h = Hours(t);
            var fig = TimeFigure(s, $"{s.Name}: temperatures and heating over time ({Mode(r)})", h);
            EventLane.Add(fig, new[] { new LaneGroup("alerts", AlertEvents(r, a => a.ElapsedS / 3600, r.SimulatedS / 3600)) }, Key(r, null));

            Plot temp = fig.AddPanel("temperatures", 330);
            Series.Line(temp, h, t.AmbientC, "outside", Colors.SkyBlue, 2);
            Series.Line(temp, h, t.BatteryTempC, "battery", Colors.Red, 2);
            Series.Line(temp, h, t.CabinC, "cabin", Colors.Orange, 2);
            temp.YLabel("temperature, °C");
            LegendOutside(temp);

            Plot power = fig.AddPanel("heating power", 170);
            Series.Spans(power, h, i => t.HeaterRequest[i], "RangeGuard asks for battery heating", Colors.Magenta.WithAlpha(0.15));
            Series.Line(power, h, t.HeaterKw, "battery heater", Colors.DarkRed, 1.5f);
            Series.Line(power, h, t.HvacKw, "cabin HVAC", Colors.DarkOrange, 1.2f);
            power.Axes.SetLimitsY(0, Math.Max(2, Math.Max(Max(t.HeaterKw), Max(t.HvacKw)) * 1.1));
            power.YLabel("power, kW");
            LegendOutside(power);
            return fig;
        }

        private static Figure TimeFigure(Scenario s, string title, double[] h)
        {
            double span = Math.Max(h[^1], 1.0 / 60);
            return new Figure(title, "local time (d1 = the day the scenario starts)", 0, span * 1.01)
            {
                XTicks = ClockAxis.Ticks(s, span * 1.01),
            };
        }

        /// <summary>What the lane's colours mean: the alert severities this run has (most severe first), then chargers.</summary>
        private static List<LaneKey> Key(RunResult r, string? charger)
        {
            var key = new List<LaneKey>();
            foreach (AlertSeverity sev in new[] { AlertSeverity.Critical, AlertSeverity.Warning, AlertSeverity.Advisory, AlertSeverity.Info })
            {
                if (r.Alerts.Exists(a => a.Severity == sev))
                {
                    key.Add(new LaneKey(sev.ToString().ToLowerInvariant(), Palette.Severity(sev), MarkerShape.FilledCircle));
                }
            }

            if (charger != null)
            {
                key.Add(new LaneKey(charger, Palette.Charger, MarkerShape.FilledTriangleUp));
            }

            return key;
        }

        /// <summary>Each raise or re-alert, from when it came to when that alert cleared (or the end of the run).</summary>
        private static List<LaneEvent> AlertEvents(RunResult r, Func<BoardAlert, double> at, double end)
        {
            var list = new List<LaneEvent>();
            foreach (BoardAlert a in r.Alerts)
            {
                double until = end;
                foreach (BoardAlert c in r.ClearedAlerts)
                {
                    if (c.Code == a.Code && c.ElapsedS >= a.ElapsedS)
                    {
                        until = at(c);
                        break;
                    }
                }

                string code = a.Code.StartsWith("RG-", StringComparison.Ordinal) ? a.Code.Substring(3) : a.Code;
                list.Add(new LaneEvent(at(a), until, code, Palette.Severity(a.Severity), MarkerShape.FilledCircle));
            }

            return list;
        }

        private static List<LaneEvent> ChargingEvents(RunResult r)
        {
            var list = new List<LaneEvent>();
            foreach (ChargeSession c in r.ChargeSessions)
            {
                double h = c.StartS / 3600;
                list.Add(new LaneEvent(h, h + c.Minutes / 60, $"{Short(c.Where, 28)} {c.SocFrom:0}->{c.SocTo:0} %", Palette.Charger, MarkerShape.FilledTriangleUp));
            }

            return list;
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

        private static double Max(List<double> v)
        {
            double m = 0;
            foreach (double d in v)
            {
                if (double.IsFinite(d) && d > m)
                {
                    m = d;
                }
            }

            return m;
        }

        private static string Short(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";
    }
}
