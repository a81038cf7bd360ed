using RangeGuard.Agents;
using RangeGuard.Forecast;

namespace RangeGuard.Messaging.Publishing
{
    /// <summary>
    /// When the retained forecast is published (hardware-docs/mqtt-contract.md, "forecast"): at once when a plan is accepted,
    /// the advice changes (speed cap by a step, charger, plug-in, preconditioning), the destination or next-charger P50 moves
    /// by <see cref="P50StepPct"/> or a P10 crosses its reserve; otherwise at most every <see cref="QuietEveryS"/> while
    /// anything changed, and at least every <see cref="DrivingEveryS"/> while driving. Allocates nothing.
    /// </summary>
    public sealed class ForecastCadence
    {
        public const float P50StepPct = 1f;
        public const float SpeedCapStepKmh = 5f;
        public const int QuietEveryS = 30;
        public const int DrivingEveryS = 300;

        private bool _sent;
        private long _lastMs;
        private int _plans;
        private bool _valid;
        private bool _degraded;
        private float _cap;
        private int _charger;
        private bool _plugIn;
        private int _mode;
        private float _destP50;
        private float _destP10;
        private float _destP90;
        private bool _destBelow;
        private int _next;
        private float _nextP50;
        private bool _nextBelow;
        private float _pos;

        public bool Due(long nowMs, Agent a)
        {
            if (!_sent || a.Counters.PlansAccepted != _plans)
            {
                return true;
            }

            if (nowMs < _lastMs)
            {
                return true;
            }

            if (Significant(a))
            {
                return true;
            }

            long since = nowMs - _lastMs;
            bool driving = TelemetryCadence.IsDriving(a.Readings);
            return (driving && since >= DrivingEveryS * 1000L) || (since >= QuietEveryS * 1000L && AnythingChanged(a));
        }

        public void Sent(long nowMs, Agent a)
        {
            ForecastResult f = a.Forecast;
            _sent = true;
            _lastMs = nowMs;
            _plans = a.Counters.PlansAccepted;
            _valid = f.Valid;
            _degraded = f.Degraded;
            _cap = a.Advice.MaxSpeedKmh;
            _charger = a.Advice.ChargerIndex;
            _plugIn = a.Advice.PlugInWhenParked;
            _mode = a.Preconditioning.Mode;
            _destP50 = f.Valid ? f.Destination.SocP50 : float.NaN;
            _destP10 = f.Valid ? f.Destination.SocP10 : float.NaN;
            _destP90 = f.Valid ? f.Destination.SocP90 : float.NaN;
            _destBelow = f.Valid && f.Destination.SocP10 < f.Destination.ReservePercent;
            _next = f.Valid ? f.NextChargerIndex : -1;
            _nextP50 = f.Valid && f.NextCharger.Exists ? f.NextCharger.SocP50 : float.NaN;
            _nextBelow = f.Valid && f.NextCharger.Exists && f.NextCharger.SocP10 < f.NextCharger.ReservePercent;
            _pos = a.PositionM;
        }

        private bool Significant(Agent a)
        {
            ForecastResult f = a.Forecast;
            DriverAdvice d = a.Advice;
            if (f.Valid != _valid || f.Degraded != _degraded || d.ChargerIndex != _charger || d.PlugInWhenParked != _plugIn
                || a.Preconditioning.Mode != _mode || TelemetryCadence.Moved(_cap, d.MaxSpeedKmh, SpeedCapStepKmh))
            {
                return true;
            }

            if (!f.Valid)
            {
                return false;
            }

            bool destBelow = f.Destination.SocP10 < f.Destination.ReservePercent;
            int next = f.NextChargerIndex;
            bool nextBelow = f.NextCharger.Exists && f.NextCharger.SocP10 < f.NextCharger.ReservePercent;
            return destBelow != _destBelow || next != _next || nextBelow != _nextBelow
                || TelemetryCadence.Moved(_destP50, f.Destination.SocP50, P50StepPct)
                || TelemetryCadence.Moved(_nextP50, f.NextCharger.Exists ? f.NextCharger.SocP50 : float.NaN, P50StepPct);
        }

        /// <summary>What the message shows moved by its printed precision (position 1 m, percentiles 0.1 %).</summary>
        private bool AnythingChanged(Agent a)
        {
            ForecastResult f = a.Forecast;
            float dp = a.PositionM - _pos;
            return dp >= 1f || dp <= -1f
                || (f.Valid && (TelemetryCadence.Moved(_destP10, f.Destination.SocP10, 0.05f)
                    || TelemetryCadence.Moved(_destP50, f.Destination.SocP50, 0.05f)
                    || TelemetryCadence.Moved(_destP90, f.Destination.SocP90, 0.05f)));
        }
    }
}
