using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using RangeGuard.Ports;
using RangeGuard.Simulator.Reports;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RangeGuard.Simulator.Views
{
    /// <summary>
    /// The live terminal dashboard (--live): time, position, SOC, temperatures, the forecast at the next charger, the
    /// trip's destination (with the forecast when the agent's plan reaches it), LEDs and buzzer, preconditioning, and the
    /// latest timeline entries (alerts raised and cleared, advice given and withdrawn). Paced at --speedup simulated
    /// seconds per wall second.
    /// </summary>
    public sealed class LiveDashboard : IRunObserver
    {
        private const double RefreshS = 0.1;

        private readonly Scenario _s;
        private readonly double _speedup;
        private readonly LiveDisplayContext _ctx;
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly Timeline _timeline;
        private double _lastDraw = -1;
        private string _step = string.Empty;

        private LiveDashboard(Scenario s, double speedup, LiveDisplayContext ctx, Timeline timeline)
        {
            _s = s;
            _timeline = timeline;
            _speedup = speedup;
            _ctx = ctx;
        }

        public static RunResult Run(Scenario s, IVirtualBoard board, bool follow, double speedup, Timeline timeline)
        {
            RunResult? result = null;
            AnsiConsole.Live(new Text("starting...")).AutoClear(false).Start(ctx =>
            {
                var dash = new LiveDashboard(s, speedup, ctx, timeline);
                var observers = new Observers(timeline, dash);
                result = new ScenarioRunner(s, board, new RunOptions { FollowAdvice = follow, Observer = observers }).Run();
            });
            timeline.Complete();
            return result!;
        }

        public void OnStepStarted(int index, string label) => _step = $"#{index} {label}";

        public void OnAlert(BoardAlert alert)
        {
        }

        public void OnTick(in TruthSnapshot t, BoardView v)
        {
            double due = t.ElapsedS / _speedup;
            double now = _wall.Elapsed.TotalSeconds;
            if (due > now)
            {
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(due - now, 0.2)));
            }

            now = _wall.Elapsed.TotalSeconds;
            if (now - _lastDraw < RefreshS && t.Phase != CarPhase.Stranded)
            {
                return;
            }

            _lastDraw = now;
            _ctx.UpdateTarget(Render(in t, v));
            _ctx.Refresh();
        }

        private IRenderable Render(in TruthSnapshot t, BoardView v)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("[bold]Time[/]", $"{Reports.TextSummary.Clock(_s, t.ElapsedS)}  ({t.Phase}, {Markup.Escape(_step)})");
            grid.AddRow("[bold]Position[/]", $"km {t.PositionM / 1000:0.0} of {_s.Route.LengthM / 1000:0.0}  odometer {t.OdometerKm:0.0} km  speed {t.SpeedKmh:0} km/h");
            grid.AddRow("[bold]Battery[/]", $"SOC {t.SocPercent:0.0} % (floor {t.SocFloorPercent:0.0} %)  usable {t.UsableEnergyKwh:0.0} kWh  {t.PackVoltageV:0} V  {t.PackCurrentA:0} A");
            grid.AddRow("[bold]Temperatures[/]", $"outside {t.AmbientTempC:0.0} °C  pack {t.BatteryTempC:0.0} °C  cabin {t.CabinTempC:0.0} °C  heater {t.BatteryHeaterW / 1000:0.0} kW  HVAC {t.HvacPowerW / 1000:0.0} kW");
            grid.AddRow("[bold]Charging[/]", t.ChargingState switch
            {
                2 => $"AC {t.ChargerInputKw:0.0} kW",
                3 => $"DC {t.ChargerInputKw:0.0} kW",
                1 => "plugged, not charging",
                _ => "not plugged",
            });
            foreach ((string name, string text) in TripRows(_s, t.PositionM, v))
            {
                grid.AddRow($"[bold]{name}[/]", text);
            }

            grid.AddRow("[bold]Dashboard[/]", $"{Led("green", v.Green)} {Led("yellow", v.Amber)} {Led("red", v.Red)}  buzzer {v.Buzzer}  preconditioning {(v.Preconditioning || v.HeaterRequest ? "[yellow]ON[/]" : "off")}");
            if (v.Status != null)
            {
                grid.AddRow("[bold]Status[/]", Markup.Escape(v.Status));
            }

            var alerts = new Table().Border(TableBorder.Simple).AddColumn("time").AddColumn("km").AddColumn("").AddColumn("alerts and advice");
            var recent = new List<TimelineEntry>();
            IReadOnlyList<TimelineEntry> all = _timeline.Entries;
            for (int i = all.Count - 1; i >= 0 && recent.Count < 6; i--)
            {
                if (all[i].Kind != TimelineKind.Step)
                {
                    recent.Insert(0, all[i]);
                }
            }

            foreach (TimelineEntry e in recent)
            {
                alerts.AddRow(Reports.TextSummary.Clock(_s, e.ElapsedS), $"{e.PositionM / 1000:0.0}", Kind(e.Kind), Markup.Escape(e.Text));
            }

            if (recent.Count == 0)
            {
                alerts.AddRow("", "", "", "no alerts, no advice");
            }

            var panel = new Panel(new Rows(grid, alerts)).Header($"RangeGuard simulator: {Markup.Escape(_s.Name)} ({_speedup:0}× real time)");
            return panel;
        }

        /// <summary>
        /// The rows about where the car is going: "Next charger" (the forecast there), "Next stop" (only when the agent's
        /// plan ends at a stop that is neither), and "Destination": the trip's destination and the route distance to it, with
        /// the forecast only when the plan ends there (before the last charging stop it ends at the next one).
        /// </summary>
        internal static IEnumerable<(string Name, string Text)> TripRows(Scenario s, double positionM, BoardView v)
        {
            yield return ("Next charger", v.NextCharger.Exists ? Band(v.NextCharger) : NoForecast(v, "no charger ahead in the plan"));
            if (v.Destination.Exists && v.Destination.Name != s.DestinationName && v.Destination.Name != v.NextCharger.Name)
            {
                yield return ("Next stop", Band(v.Destination));
            }

            string where = $"{Markup.Escape(s.DestinationName)} in {Math.Max(0, s.Route.LengthM - positionM) / 1000:0.0} km";
            if (v.Destination.Exists && v.Destination.Name == s.DestinationName)
            {
                yield return ("Destination", $"{where}: arrive {v.Destination.SocP10:0.0} / [bold]{v.Destination.SocP50:0.0}[/] / {v.Destination.SocP90:0.0} % (P10/P50/P90)");
            }
            else
            {
                yield return ("Destination", v.Destination.Exists ? $"{where} [grey](no forecast yet: the plan ends at the next charging stop)[/]" : where);
            }
        }

        private static string Band(ArrivalBand b)
            => $"{Markup.Escape(b.Name ?? "")} in {b.DistanceM / 1000:0.0} km: arrive {b.SocP10:0.0} / [bold]{b.SocP50:0.0}[/] / {b.SocP90:0.0} % (P10/P50/P90)";

        private static string NoForecast(BoardView v, string why)
            => v.Status == null && !v.Destination.Exists ? "[grey]no forecast (no agent on this board)[/]" : $"[grey]{why}[/]";

        private static string Kind(TimelineKind k) => k switch
        {
            TimelineKind.Alert => "[red]alert[/]",
            TimelineKind.Cleared => "[green]cleared[/]",
            TimelineKind.Advice => "[yellow]advice[/]",
            TimelineKind.Withdrawn => "[grey]withdrawn[/]",
            _ => "",
        };

        private static string Led(string color, LedPattern p) => p switch
        {
            LedPattern.Off => "[grey]o[/]",
            LedPattern.Steady => $"[{color}]●[/]",
            _ => $"[{color} slowblink]●[/]",
        };
    }
}
