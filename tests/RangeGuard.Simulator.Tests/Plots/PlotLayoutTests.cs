using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Plots;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using ScottPlot;
using ScottPlot.Panels;
using ScottPlot.Plottables;

namespace RangeGuard.Simulator.Tests.Plots
{
    /// <summary>
    /// The plots' structure, on a made-up run along the broder-2013 route with the awkward cases: five alerts at the same
    /// place, one at the right edge, a forecast gap and a charging stop. (How they look was checked by eye; see the README.)
    /// </summary>
    [TestClass]
    public class PlotLayoutTests
    {
        private static readonly Scenario S = ScenarioCatalog.Load("broder-2013");

        /// <summary>Driving km 0-300 (no forecast for samples 100-119), charging 30 samples at km 300, driving to km 370.</summary>
        private static RunResult MadeUpRun()
        {
            var trace = new RunTrace(400);
            for (int i = 0; i < 400; i++)
            {
                bool charging = i >= 300 && i < 330;
                double km = i < 300 ? i : charging ? 300 : 300 + (i - 330);
                var t = new TruthSnapshot
                {
                    ElapsedS = i * 60,
                    PositionM = km * 1000,
                    Phase = charging ? CarPhase.Charging : CarPhase.Driving,
                    SpeedKmh = charging ? 0 : 60,
                    SocPercent = charging ? 20 + (i - 300) : 90 - 0.2 * i,
                    SocFloorPercent = 2,
                    CarDisplayedRangeKm = 300 - 0.5 * i,
                    ChargerInputKw = charging ? 50 : 0,
                    AmbientTempC = -5,
                    BatteryTempC = 10,
                    CabinTempC = 20,
                    HvacPowerW = 2000,
                };
                var v = new BoardView { HeaterRequest = i > 280 && i < 300 };
                if (i < 100 || i >= 120)
                {
                    v.Destination = new ArrivalBand { Exists = true, Name = "Milford", SocP10 = 10, SocP50 = 15, SocP90 = 20 };
                    v.NextCharger = new ArrivalBand { Exists = true, Name = "Newark", SocP10 = 30, SocP50 = 35, SocP90 = 40 };
                }

                trace.Add(in t, v);
            }

            var r = new RunResult { Trace = trace, BoardName = "agent", BoardHasAgent = true, Outcome = Outcome.Strands, StrandedAtM = 370_000, StrandedNear = "Branford exit", SimulatedS = 399 * 60, DistanceKm = 370 };
            foreach (string code in new[] { "RG-PRECOND-ON", "RG-PRECOND-OFF", "RG-CHARGE-REQ", "RG-ARRIVE-LOW", "RG-STRANDED" })
            {
                r.Alerts.Add(new BoardAlert(0, 173.8 * 60, 173_800, code, AlertSeverity.Warning, code));
            }

            r.Alerts.Add(new BoardAlert(0, 395 * 60, 736_000, "RG-PRECOND-DECLINED", AlertSeverity.Advisory, "declined"));
            r.ClearedAlerts.Add(new BoardAlert(0, 250 * 60, 250_000, "RG-CHARGE-REQ", AlertSeverity.Warning, "cleared"));
            r.ChargeSessions.Add(new ChargeSession(1, "Newark DE Supercharger", true, 300 * 60, 30, 20, 50, 25, 50, 10, 20));
            return r;
        }

        private static Dictionary<string, Figure> Figures()
        {
            var d = new Dictionary<string, Figure>();
            foreach ((string name, Figure f) in PlotWriter.Figures(S, MadeUpRun()))
            {
                d.Add(name, f);
            }

            return d;
        }

        private static IEnumerable<FigurePanel> DataPanels(Figure f) => f.Panels.Where(p => p.Name != "events");

        [TestMethod]
        public void Each_figure_should_stack_an_event_lane_and_panels_with_one_unit_per_axis()
        {
            Dictionary<string, Figure> figs = Figures();
            CollectionAssert.AreEqual(new[] { "events", "soc" }, figs["soc-distance"].Panels.Select(p => p.Name).ToArray());
            CollectionAssert.AreEqual(new[] { "events", "soc", "speed", "charging power" }, figs["soc-time"].Panels.Select(p => p.Name).ToArray());
            CollectionAssert.AreEqual(new[] { "events", "temperatures", "heating power" }, figs["temperatures"].Panels.Select(p => p.Name).ToArray());

            var units = new Dictionary<string, (string Left, string Right)>
            {
                ["soc-distance/soc"] = ("state of charge, %", ""),
                ["soc-time/soc"] = ("state of charge, %", "range display, km"),
                ["soc-time/speed"] = ("speed, km/h", ""),
                ["soc-time/charging power"] = ("charging, kW", ""),
                ["temperatures/temperatures"] = ("temperature, °C", ""),
                ["temperatures/heating power"] = ("power, kW", ""),
            };
            foreach ((string fig, Figure f) in figs)
            {
                foreach (FigurePanel p in DataPanels(f))
                {
                    (string left, string right) = units[$"{fig}/{p.Name}"];
                    Assert.AreEqual(left, p.Plot.Axes.Left.Label.Text, $"{fig}/{p.Name}");
                    Assert.AreEqual(right, p.Plot.Axes.Right.Label.Text, $"{fig}/{p.Name}");
                    bool onRight = p.Plot.GetPlottables().Any(x => x.Axes.YAxis == p.Plot.Axes.Right);
                    Assert.AreEqual(right.Length > 0, onRight, $"{fig}/{p.Name}: data on the right axis exactly when it has a unit");
                }
            }
        }

        [TestMethod]
        public void Legends_should_sit_right_of_the_data_and_labels_only_in_the_lane()
        {
            foreach ((string fig, Figure f) in Figures())
            {
                foreach (FigurePanel p in f.Panels)
                {
                    bool lane = p.Name == "events";
                    Assert.AreEqual(1, p.Plot.Axes.GetPanels().OfType<LegendPanel>().Count(l => l.Edge == Edge.Right), $"{fig}/{p.Name}: legend (the lane: its key) right of the data");
                    Assert.IsFalse(p.Plot.Legend.IsVisible, $"{fig}/{p.Name}: no legend inside the data area");
                    Assert.AreEqual(lane, p.Plot.GetPlottables<Text>().Any(), $"{fig}/{p.Name}: text labels only in the lane");
                    Assert.IsTrue(p.Plot.GetPlottables<VerticalLine>().All(l => string.IsNullOrEmpty(l.Text)), $"{fig}/{p.Name}: marker lines carry no label");
                }
            }
        }

        [TestMethod]
        public void The_lanes_key_should_name_the_severities_the_run_has()
        {
            Dictionary<string, Figure> figs = Figures();
            string[] Key(string fig) => figs[fig].Panel("events").Plot.Legend.ManualItems.Select(i => i.LabelText).ToArray();
            CollectionAssert.AreEqual(new[] { "warning", "advisory", "charger" }, Key("soc-distance"));
            CollectionAssert.AreEqual(new[] { "warning", "advisory", "charging (bar: how long)" }, Key("soc-time"));
            CollectionAssert.AreEqual(new[] { "warning", "advisory" }, Key("temperatures"));
        }

        [TestMethod]
        public void Lane_labels_should_stack_instead_of_overlapping_and_stay_inside_the_lane_when_drawn()
        {
            foreach ((string fig, Figure f) in Figures())
            {
                // As laid out: the five alerts at one place go to five rows; labels in a row do not touch.
                List<PlacedEvent> alerts = f.LaneEvents.Where(e => e.Group == "alerts").ToList();
                Assert.AreEqual(6, alerts.Count, fig);
                Assert.AreEqual(5, alerts.Where(e => e.Event.Label != "PRECOND-DECLINED").Select(e => e.Row).Distinct().Count(), $"{fig}: stacked");
                foreach (var row in f.LaneEvents.GroupBy(e => e.Row))
                {
                    var spans = row.OrderBy(e => e.Left).ToList();
                    for (int i = 1; i < spans.Count; i++)
                    {
                        Assert.IsTrue(spans[i].Left > spans[i - 1].Right, $"{fig}: row {row.Key} overlaps: {spans[i - 1].Event.Label} / {spans[i].Event.Label}");
                    }
                }

                Assert.IsFalse(alerts.Single(e => e.Event.Label == "PRECOND-DECLINED").LabelAfterMarker, $"{fig}: the label at the right edge goes left of its marker");

                // As drawn: every label's rectangle inside the lane's data area, none overlapping another.
                string png = Path.Combine(Path.GetTempPath(), $"rg-plot-{Guid.NewGuid():N}.png");
                f.SavePng(png);
                File.Delete(png);
                foreach (FigurePanel p in f.Panels)
                {
                    // The legend fits in the figure's right margin, beside a right-hand axis if there is one.
                    float axis = p.Plot.Axes.Right.Label.Text.Length > 0 ? 70 : 0;
                    PixelSize legend = p.Plot.Legend.LastRenderSize;
                    Assert.IsTrue(legend.Width > 0 && legend.Width + axis + 20 <= Figure.RightPad, $"{fig}/{p.Name}: legend {legend.Width} px wide");
                }

                Plot lane = f.Panel("events").Plot;
                PixelRect area = lane.LastRender.DataRect;
                List<PixelRect> rects = lane.GetPlottables<Text>().Select(t => t.LabelStyle.LastRenderPixelRect).ToList();
                foreach (PixelRect r in rects)
                {
                    Assert.IsTrue(r.Left >= area.Left - 1 && r.Right <= area.Right + 1 && r.Top >= area.Top - 1 && r.Bottom <= area.Bottom + 1, $"{fig}: label {r} inside the lane {area}");
                }

                for (int i = 0; i < rects.Count; i++)
                {
                    for (int j = i + 1; j < rects.Count; j++)
                    {
                        PixelRect a = rects[i], b = rects[j];
                        bool overlap = a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
                        Assert.IsFalse(overlap, $"{fig}: labels {a} and {b} overlap");
                    }
                }
            }
        }

        [TestMethod]
        public void Lines_and_bands_should_break_at_gaps_instead_of_joining_across_them()
        {
            Plot soc = Figures()["soc-distance"].Panel("soc").Plot;
            foreach (Scatter s in soc.GetPlottables<Scatter>())
            {
                Assert.IsTrue(s.Data.GetScatterPoints().All(p => double.IsFinite(p.X) && double.IsFinite(p.Y)), "no NaN handed to a line");
            }

            // The forecast band is drawn while driving with a forecast: km 0-99, 120-299 and 300-370, three pieces, so
            // nothing is drawn over the gap or up and down the charging stop.
            Assert.AreEqual(3, soc.GetPlottables<FillY>().Count(), "destination band pieces");
        }
    }
}
