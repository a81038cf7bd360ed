// Agent: the forecaster's and the preconditioning planner's inputs, from the readings, the trip and the forecast.
using RangeGuard.Alerts;
using RangeGuard.Forecast;
using RangeGuard.Preconditioning;
using RangeGuard.State;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        /// <summary>
        /// A stale input is passed on as its last known value with InputsValid = false. An input never received is NaN
        /// (VehicleReadings): the forecaster then makes no forecast rather than one from a value nobody measured.
        /// </summary>
        private void FillForecastInputs(long now)
        {
            VehicleReadings r = _readings;
            _inputs.TimeMs = now;
            _inputs.PositionM = _trip.PositionM;
            _inputs.SocPercent = r.SocPercent;
            _inputs.BatteryTempC = r.BatteryTempC;
            _inputs.AmbientTempC = r.AmbientC;
            _inputs.SpeedKmh = r.SpeedKmh;
            _inputs.HvacPowerW = r.HvacPowerW;
            _inputs.BatteryPowerW = r.BatteryPowerW;
            // Our own battery heater (on since the last tick, off the grid only when plugged in) is preconditioning, which
            // the forecast counts apart (PlannedHeatingKwh): keep its rated draw out of the power the forecaster learns
            // from, or it would be learnt as extra traction energy for the rest of the trip.
            if (r.PowerSeen && _heater.IsOn && !r.PluggedIn)
            {
                _inputs.BatteryPowerW -= _cfg.Thermal.HeaterPowerW;
            }

            _inputs.InputsValid = r.AllRequiredFresh;
            _inputs.DepartureInS = _trip.DepartureAhead(now) ? (_trip.DepartureUtcMs - now) / 1000f : -1f;
            _inputs.PluggedIn = r.PluggedIn;
            _inputs.PlannedHeatingKwh = _planner.PlannedHeatingKwh;
        }

        private void RunPlanner(long now)
        {
            PlannerInputs p = _plannerIn;
            ForecastResult f = _forecast;
            p.NowMs = now;
            p.BatteryTempValid = _readings.BatteryTempFresh;
            p.BatteryTempC = _readings.BatteryTempC;
            p.AmbientValid = _readings.AmbientFresh;
            p.AmbientC = _readings.AmbientC;
            p.PluggedIn = _readings.PluggedIn;
            p.ForecastValid = _trip.PlanSet && f.Valid;
            int idx = f.NextChargerIndex;
            bool exists = p.ForecastValid && f.NextCharger.Exists && idx >= 0 && idx < _trip.ChargerCount;
            p.NextChargerIndex = exists ? idx : -1;
            p.NextChargerIsDc = exists && _trip.Plan.Chargers.IsDc[idx];
            p.NextChargerEtaS = f.NextCharger.EtaSeconds;
            p.NextChargerSocP10 = f.NextCharger.SocP10;
            p.ChargerReservePct = _trip.ChargerReservePct;
            p.FedHeatingKwh = _inputs.PlannedHeatingKwh;
            p.CriticalActive = _alerts.AnyActive(AlertSeverity.Critical);
            p.DepartureUtcMs = _trip.DepartureUtcMs;
            p.ForecastMinAmbientC = _trip.ForecastMinAmbientC;
            _planner.Update(p);
        }
    }
}
