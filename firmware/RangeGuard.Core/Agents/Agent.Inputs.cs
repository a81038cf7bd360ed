// Agent: reading the vehicle state into the forecast inputs, with stale-input tracking.
using RangeGuard.State;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        /// <summary>
        /// Fills the forecast inputs, integrates the position, counts stale events; returns the first stale required input or -1.
        /// A stale input is passed on as its last known value (0 if never seen) with InputsValid = false, never as NaN,
        /// so a forecaster that forgets to check cannot be poisoned; the agent's own logic uses the fresh flags.
        /// </summary>
        private int ReadInputs(long now, long dtMs)
        {
            float v;
            _inputs.TimeMs = now;
            _socOk = Read(InputId.SocPercent, now, out _inputs.SocPercent);
            _battOk = ReadBatteryTemp(now, out _inputs.BatteryTempC);
            _ambOk = Read(InputId.AmbientTempC, now, out _inputs.AmbientTempC);
            _speedOk = Read(InputId.SpeedKmh, now, out _inputs.SpeedKmh);

            // Battery power for learning: NaN only when the car never reported voltage and current.
            bool powerSeen = _state.HasValue(InputId.PackVoltageV) && _state.HasValue(InputId.PackCurrentA);
            bool powerOk = !_state.IsStale(InputId.PackVoltageV, now) && !_state.IsStale(InputId.PackCurrentA, now);
            _inputs.BatteryPowerW = powerSeen ? _state.GetLast(InputId.PackVoltageV) * _state.GetLast(InputId.PackCurrentA) : float.NaN;

            // Our own battery heater (on since the last tick, off the grid only when plugged in) is preconditioning, which
            // the forecast counts apart (PlannedHeatingKwh): keep its rated draw out of the power the forecaster learns
            // from, or it would be learnt as extra traction energy for the rest of the trip.
            float chargingState;
            bool pluggedNow = _state.TryGet(InputId.ChargingState, now, out chargingState) && chargingState >= 0.5f;
            if (powerSeen && _heater.IsOn && !pluggedNow)
            {
                _inputs.BatteryPowerW -= _cfg.Thermal.HeaterPowerW;
            }
            _inputs.HvacPowerW = _state.TryGet(InputId.HvacPowerW, now, out v) ? v : -1f;

            AdvancePosition(now, dtMs);

            int firstStale = -1;
            firstStale = TrackStale(InputId.SocPercent, !_socOk, firstStale);
            firstStale = TrackStale(InputId.BatteryTempAvgC, !_battOk, firstStale);
            firstStale = TrackStale(InputId.AmbientTempC, !_ambOk, firstStale);
            firstStale = TrackStale(InputId.SpeedKmh, !_speedOk, firstStale);
            _inputs.InputsValid = firstStale < 0 && (!powerSeen || powerOk);
            return firstStale;
        }

        private bool Read(int id, long now, out float value)
        {
            if (_state.TryGet(id, now, out value))
            {
                return true;
            }

            value = _state.GetLast(id);
            return false;
        }

        /// <summary>Counts fresh-to-stale edges (of inputs seen before) and keeps the first stale input.</summary>
        private int TrackStale(int id, bool stale, int firstStale)
        {
            bool seen = id == InputId.BatteryTempAvgC ? _everBatt : _state.HasValue(id);
            if (stale && seen && !_wasStale[id])
            {
                _counters.StaleEvents++;
            }

            _wasStale[id] = stale;
            return stale && firstStale < 0 ? id : firstStale;
        }

        /// <summary>Average pack temperature, or the midpoint of min/max when the car reports only those; last known when stale.</summary>
        private bool ReadBatteryTemp(long now, out float value)
        {
            float lo, hi;
            if (_state.TryGet(InputId.BatteryTempAvgC, now, out value))
            {
                _everBatt = true;
                return true;
            }

            if (_state.TryGet(InputId.BatteryTempMinC, now, out lo) & _state.TryGet(InputId.BatteryTempMaxC, now, out hi))
            {
                value = (lo + hi) / 2f;
                _everBatt = true;
                return true;
            }

            value = _state.HasValue(InputId.BatteryTempAvgC) ? _state.GetLast(InputId.BatteryTempAvgC)
                : (_state.GetLast(InputId.BatteryTempMinC) + _state.GetLast(InputId.BatteryTempMaxC)) / 2f;
            return false;
        }
    }
}
