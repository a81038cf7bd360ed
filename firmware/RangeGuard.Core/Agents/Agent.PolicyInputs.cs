// Agent: filling the preconditioning planner's and the alert policy's inputs from the readings and the forecast.
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        private void RunPlanner(long now)
        {
            PlannerInputs p = _plannerIn;
            ForecastResult f = _forecast;
            float v;
            p.NowMs = now;
            p.BatteryTempValid = _battOk;
            p.BatteryTempC = _inputs.BatteryTempC;
            p.AmbientValid = _ambOk;
            p.AmbientC = _inputs.AmbientTempC;
            p.PluggedIn = _state.TryGet(InputId.ChargingState, now, out v) && v >= 0.5f;
            p.ForecastValid = _planSet && f.Valid;
            int idx = f.NextChargerIndex;
            bool exists = p.ForecastValid && f.NextCharger.Exists && idx >= 0 && idx < _chargerCount;
            p.NextChargerIndex = exists ? idx : -1;
            p.NextChargerIsDc = exists && _chargers[idx].IsDc;
            p.NextChargerEtaS = f.NextCharger.EtaSeconds;
            p.NextChargerSocP10 = f.NextCharger.SocP10;
            p.ChargerReservePct = _chargerReservePct;
            p.FedHeatingKwh = _inputs.PlannedHeatingKwh;
            p.CriticalActive = _alerts.IsActive(AlertKind.PointOfNoReturn) || _alerts.IsActive(AlertKind.NothingReachable);
            p.DepartureUtcMs = _departureUtcMs;
            p.ForecastMinAmbientC = _forecastMinAmbientC;
            _planner.Update(p);
        }

        private void FillAlertInputs(long now, int firstStale)
        {
            AlertInputs a = _alertIn;
            a.NowMs = now;
            a.PlanSet = _planSet;
            a.DestinationReservePct = _destinationReservePct;
            a.ChargerReservePct = _chargerReservePct;
            a.ChargerCount = _chargerCount;
            a.PositionM = _positionM;
            a.PluggedIn = _plannerIn.PluggedIn;
            a.UtcOffsetMs = _cfg.Alerts.UtcOffsetMinutes * 60000L;
            a.SpeedKmh = _speedOk ? _inputs.SpeedKmh : float.NaN;
            a.AmbientC = _ambOk ? _inputs.AmbientTempC : float.NaN;
            float odo;
            a.OdometerKm = _state.TryGet(InputId.OdometerKm, now, out odo) ? odo : -1f;
            a.CanSilent = CanSilent(now);
            a.StaleInput = firstStale;
            a.InternalError = _lastExceptionMs >= 0 && now - _lastExceptionMs < _cfg.ExceptionHoldMs;
            a.DepartureUtcMs = _departureUtcMs;
            a.ColdSoakLossKm = _coldSoakLossKm;

            // Cold soak: parked, unplugged, a trip planned, departure ahead: how cold will the pack be by then?
            // A parked car's bus goes to sleep, so this uses the last known values and cools from the time of the last reading.
            bool parked = _state.HasValue(InputId.SpeedKmh) && _state.GetLast(InputId.SpeedKmh) < 1f;
            bool unplugged = _state.HasValue(InputId.ChargingState) && _state.GetLast(InputId.ChargingState) < 0.5f;
            int battId = _state.HasValue(InputId.BatteryTempAvgC) ? InputId.BatteryTempAvgC : InputId.BatteryTempMinC;
            a.ColdSoakApplicable = parked && unplugged && _planSet && _departureUtcMs > now && _state.HasValue(battId);
            a.ColdSoakPackTempC = a.ColdSoakApplicable
                ? ThermalModel.TempAfter(_state.GetLast(battId), _forecastMinAmbientC, 0f, _cfg.Thermal, (_departureUtcMs - _state.GetTime(battId)) / 1000f)
                : float.NaN;
        }

        private bool CanSilent(long now)
        {
            long newest = -1;
            for (int i = 0; i < InputId.Count; i++)
            {
                long t = _state.GetTime(i);
                if (t > newest)
                {
                    newest = t;
                }
            }

            return now - (newest < 0 ? _startMs : newest) > _cfg.Alerts.CanSilentMs;
        }
    }
}
