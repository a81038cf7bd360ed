using RangeGuard.Agents;
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using SimSeverity = RangeGuard.Simulator.Scenarios.AlertSeverity;

namespace RangeGuard.Simulator.Board
{
    /// <summary>The agent's outputs as the simulator sees them.</summary>
    public sealed partial class AgentBoard
    {
        private void MapView(in TruthSnapshot t)
        {
            BoardView v = View;
            v.Green = Dashboard.Green;
            v.Amber = Dashboard.Amber;
            v.Red = Dashboard.Red;
            v.Buzzer = Dashboard.Buzzer;
            v.HeaterRequest = Heater.IsOn;
            v.Preconditioning = Agent.Advice.Preconditioning;

            ForecastResult f = Agent.Forecast;
            Band(ref v.NextCharger, f.Valid && f.NextCharger.Exists, in f.NextCharger, ChargerName(f.NextChargerIndex));
            Band(ref v.Destination, f.Valid && f.Destination.Exists, in f.Destination, _plan.DestinationName);
            Advice(ref v.Advice);
            if (LastPlanError != null)
            {
                v.Status = "plan: " + LastPlanError;
            }
            else if (!f.Valid || f.Degraded)
            {
                v.Status = f.Reason;
            }
            else
            {
                v.Status = null;
            }

            Transitions(in t);
        }

        private static void Band(ref ArrivalBand b, bool exists, in ArrivalEstimate a, string? name)
        {
            b.Exists = exists;
            b.Name = exists ? name : null;
            b.DistanceM = exists ? a.DistanceM : 0;
            b.SocP10 = exists ? a.SocP10 : double.NaN;
            b.SocP50 = exists ? a.SocP50 : double.NaN;
            b.SocP90 = exists ? a.SocP90 : double.NaN;
        }

        /// <summary>The agent's advice, with the plan's charger index mapped to the scenario's.</summary>
        private void Advice(ref BoardAdvice a)
        {
            DriverAdvice d = Agent.Advice;
            a = BoardAdvice.None;
            a.PlugInWhenParked = d.PlugInWhenParked;
            a.MaxSpeedKmh = d.MaxSpeedKmh;
            a.CabinSetpointC = d.CabinSetpointC;
            if (d.ChargerIndex >= 0 && d.ChargerIndex < _plan.ChargerCount)
            {
                a.ChargerIndex = _chargerMap[d.ChargerIndex];
                a.ChargeToSocPercent = d.ChargeToSocPercent;
                a.ChargeMinutes = d.ChargeMinutes;
            }
        }

        private string? ChargerName(int planIndex)
            => planIndex >= 0 && planIndex < _plan.ChargerCount ? _ctx!.Scenario.Chargers[_chargerMap[planIndex]].Name : null;

        /// <summary>Appends a BoardAlert for every raise and re-alert ("worse") of the agent's latest tick; records clears.</summary>
        private void Transitions(in TruthSnapshot t)
        {
            AlertTransitions tr = Agent.Transitions;
            for (int i = 0; i < tr.Count; i++)
            {
                AlertSlot s = Agent.Alerts.Slot(tr.Kind(i));
                int ev = tr.Event(i);
                if (ev == AlertEvent.Raised || ev == AlertEvent.Worsened)
                {
                    View.Alerts.Add(new BoardAlert(t.TimeUnixMs, t.ElapsedS, t.PositionM, s.Code, (SimSeverity)(s.Severity - 1), s.Text,
                        ev == AlertEvent.Worsened));
                }
                else if (ev == AlertEvent.Cleared)
                {
                    View.Cleared.Add(new BoardAlert(t.TimeUnixMs, t.ElapsedS, t.PositionM, s.Code, (SimSeverity)(s.Severity - 1), "cleared"));
                }
            }
        }
    }
}
