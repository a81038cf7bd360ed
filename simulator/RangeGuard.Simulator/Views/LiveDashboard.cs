using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using RangeGuard.Ports;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RangeGuard.Simulator.Views
{
    /// <summary>
    /// The live terminal dashboard (--live): time, position, SOC, predicted band at the next charger and the destination,
    /// temperatures, LEDs and buzzer, preconditioning, latest alerts. Paced at --speedup simulated seconds per wall second.
    /// </summary>
    public sealed class LiveDashboard : IRunObserver
    {
        private const double RefreshS = 0.1;

        private readonly Scenario _s;
        private readonly double _speedup;
        private readonly LiveDisplayContext _ctx;
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly List<BoardAlert> _alerts = new();
        private double _lastDraw = -1;
        private string _step = string.Empty;

        private LiveDashboard(Scenario s, double speedup, LiveDisplayContext ctx)
        {
            _s = s;
            _speedup = speedup;
            _ctx = ctx;
        }

        public static RunResult Run(Scenario s, IVirtualBoard board, bool follow, double speedup)
        {
            RunResult? result = null;
            AnsiConsole.Live(new Text("starting...")).AutoClear(false).Start(ctx =>
            {
                var dash = new LiveDashboard(s, speedup, ctx);
                result = new ScenarioRunner(s, board, new RunOptions { FollowAdvice = follow, Observer = dash }).Run();
            });
            return result!;
        }

        public void OnStepStarted(int index, string label) => _step = $"#{index} {label}";

        public void OnAlert(BoardAlert alert) => _alerts.Add(alert);

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
            grid.AddRow("[bold]Next charger[/]", Band(v.NextCharger));
            grid.AddRow("[bold]Destination[/]", Band(v.Destination));
            grid.AddRow("[bold]Dashboard[/]", $"{Led("green", v.Green)} {Led("yellow", v.Amber)} {Led("red", v.Red)}  buzzer {v.Buzzer}  preconditioning {(v.Preconditioning || v.HeaterRequest ? "[yellow]ON[/]" : "off")}");
            if (v.Status != null)
            {
                grid.AddRow("[bold]Status[/]", Markup.Escape(v.Status));
            }

            var alerts = new Table().Border(TableBorder.Simple).AddColumn("time").AddColumn("km").AddColumn("severity").AddColumn("alert");
            for (int i = Math.Max(0, _alerts.Count - 5); i < _alerts.Count; i++)
            {
                BoardAlert a = _alerts[i];
                alerts.AddRow(Reports.TextSummary.Clock(_s, a.ElapsedS), $"{a.PositionM / 1000:0.0}", Severity(a.Severity), Markup.Escape($"{a.Code}: {a.Text}"));
            }

            if (_alerts.Count == 0)
            {
                alerts.AddRow("", "", "", "no alerts");
            }

            var panel = new Panel(new Rows(grid, alerts)).Header($"RangeGuard simulator: {Markup.Escape(_s.Name)} ({_speedup:0}× real time)");
            return panel;
        }

        private static string Band(ArrivalBand b) => !b.Exists
            ? "[grey]no forecast (no agent on this board)[/]"
            : $"{Markup.Escape(b.Name ?? "")} in {b.DistanceM / 1000:0.0} km: arrive {b.SocP10:0.0} / [bold]{b.SocP50:0.0}[/] / {b.SocP90:0.0} % (P10/P50/P90)";

        private static string Led(string color, LedPattern p) => p switch
        {
            LedPattern.Off => "[grey]o[/]",
            LedPattern.Steady => $"[{color}]●[/]",
            _ => $"[{color} slowblink]●[/]",
        };

        private static string Severity(AlertSeverity s) => s switch
        {
            AlertSeverity.Critical => "[red bold]critical[/]",
            AlertSeverity.Warning => "[red]warning[/]",
            AlertSeverity.Advisory => "[yellow]advisory[/]",
            _ => "info",
        };
    }
}
