// Agent: fail-safe paths: watchdog check, heater off, and recovery from an exception in a tick.
using RangeGuard.Preconditioning;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        /// <summary>True when no tick has completed within the watchdog timeout; the device then calls <see cref="SafeOff"/>.</summary>
        public bool WatchdogExpired(long nowMs)
        {
            long last = _lastTickOkMs >= 0 ? _lastTickOkMs : _startMs;
            return nowMs - last > _cfg.WatchdogTimeoutMs;
        }

        /// <summary>Heater off. Safe to call from any path; never throws.</summary>
        public void SafeOff()
        {
            _counters.SafeOffs++;
            _heaterOn = false;
            try
            {
                _heater.SetOn(false);
            }
            catch (System.Exception)
            {
                // The relay adapter failing must not take the fail-safe path down with it.
            }
        }

        private void OnException(long now, System.Exception ex)
        {
            _counters.Exceptions++;
            _lastExceptionMs = now;
            SafeOff();
            try
            {
                _planner.Reset(now, PreconditioningPlanner.ReasonSafeOff);
                _log.Write("agent tick failed: " + ex.GetType().Name + ": " + ex.Message);
                _alertContext.NowMs = now;
                _policy.RaiseInternalError(_alertContext);
                TakeTransitions();
                _dashboard.Render(_alerts, now, false);
            }
            catch (System.Exception)
            {
                // Nothing more to do safely: the heater is already off and the exception is counted.
            }
        }
    }
}
