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
        /// <summary>Advise a 2 °C lower cabin setpoint when that gains at least this much range and a range alert is up, km.</summary>
        public const float SetpointAdviceMinGainKm = 2f;

        private void MapView(in TruthSnapshot t)
        {
            BoardView v = View;
            v.Green = Dashboard.Green;
            v.Amber = Dashboard.Amber;
            v.Red = Dashboard.Red;
            v.Buzzer = Dashboard.Buzzer;
            v.HeaterRequest = Heater.IsOn;
            int mode = Agent.Preconditioning.Mode;
            v.Preconditioning = mode == PreconditioningPlanner.ModeHeatingDc || mode == PreconditioningPlanner.ModeHeatingDeparture;

            ForecastResult f = Agent.Forecast;
            Band(ref v.NextCharger, f.Valid && f.NextCharger.Exists, in f.NextCharger, ChargerName(f.NextChargerIndex));
            Band(ref v.Destination, f.Valid && f.Destination.Exists, in f.Destination, _plan.DestinationName);
            Advice(f, ref v.Advice);
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

        private void Advice(ForecastResult f, ref BoardAdvice a)
        {
            a = BoardAdvice.None;
            AlertTable alerts = Agent.Alerts;
            a.PlugInWhenParked = alerts.IsActive(AlertKind.ColdSoak);
            if (!f.Valid)
            {
                return;
            }

            // 0 = no limit needed, < 0 = no speed suffices (the charge advice and alerts say what to do instead).
            a.MaxSpeedKmh = f.AdviceMaxSpeedKmh > 0 ? f.AdviceMaxSpeedKmh : double.NaN;
            if (f.AdviceChargerIndex >= 0 && f.AdviceChargerIndex < _plan.ChargerCount)
            {
                a.ChargerIndex = _chargerMap[f.AdviceChargerIndex];
                a.ChargeToSocPercent = f.AdviceChargeToSocPercent;
                a.ChargeMinutes = f.AdviceChargeMinutes;
            }

            bool rangeAlert = alerts.IsActive(AlertKind.ArriveLow) || alerts.IsActive(AlertKind.ChargeRequired);
            if (rangeAlert && f.AdviceSetpointGainKm >= SetpointAdviceMinGainKm)
            {
                a.CabinSetpointC = _plan.CabinSetpointC - 2.0;
            }
        }

        private string? ChargerName(int planIndex)
            => planIndex >= 0 && planIndex < _plan.ChargerCount ? _ctx!.Scenario.Chargers[_chargerMap[planIndex]].Name : null;

        /// <summary>Appends a BoardAlert for every raise and re-alert ("worse") of the agent's alert table; records clears.</summary>
        private void Transitions(in TruthSnapshot t)
        {
            AlertTable table = Agent.Alerts;
            for (int k = 0; k < AlertKind.Count; k++)
            {
                AlertSlot s = table.Slot(k);
                bool raised = s.RaiseCount != _seenRaises[k];
                bool worse = !raised && s.Active && s.ChangedMs != _seenChanged[k];
                if (raised || worse)
                {
                    View.Alerts.Add(new BoardAlert(t.TimeUnixMs, t.ElapsedS, t.PositionM, s.Code, (SimSeverity)(s.Severity - 1), s.Text));
                }

                if (_seenActive[k] && !s.Active)
                {
                    View.Cleared.Add(new BoardAlert(t.TimeUnixMs, t.ElapsedS, t.PositionM, s.Code, (SimSeverity)(s.Severity - 1), "cleared"));
                }

                _seenRaises[k] = s.RaiseCount;
                _seenChanged[k] = s.ChangedMs;
                _seenActive[k] = s.Active;
            }
        }
    }
}
