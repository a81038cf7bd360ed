using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.State;

namespace RangeGuard.Messaging.Publishing
{
    /// <summary>
    /// When telemetry is due (hardware-docs/mqtt-contract.md, "telemetry"): every <see cref="DrivingEveryS"/> while driving,
    /// every <see cref="ParkedEveryS"/> while parked, and at the next tick after a significant change since the last one
    /// sent. Compares plain fields: allocates nothing.
    /// </summary>
    public sealed class TelemetryCadence
    {
        public const int DefaultDrivingEveryS = 5;
        public const int DefaultParkedEveryS = 300;

        /// <summary>At or above this speed the car is driving, km/h.</summary>
        public const float DrivingSpeedKmh = 2f;

        public const float SocStepPct = 1f;
        public const float DestP50StepPct = 2f;

        /// <summary>Cadence while driving and while parked, s (cmd/config "telemetry" may change them).</summary>
        public int DrivingEveryS = DefaultDrivingEveryS;
        public int ParkedEveryS = DefaultParkedEveryS;

        private bool _sent;
        private long _lastMs;
        private bool _driving;
        private float _soc;
        private int _top;
        private int _count;
        private bool _valid;
        private bool _degraded;
        private float _p50;
        private bool _heater;
        private int _mode;

        public static bool IsDriving(VehicleReadings r)
        {
            return r.SpeedFresh && r.SpeedKmh >= DrivingSpeedKmh;
        }

        /// <summary>Telemetry is due at <paramref name="nowMs"/> (then send it and call <see cref="Sent"/>).</summary>
        public bool Due(long nowMs, Agent a)
        {
            if (!_sent)
            {
                return true;
            }

            bool driving = IsDriving(a.Readings);
            long every = (driving ? DrivingEveryS : ParkedEveryS) * 1000L;
            return nowMs - _lastMs >= every || nowMs < _lastMs || Changed(a, driving);
        }

        public void Sent(long nowMs, Agent a)
        {
            _sent = true;
            _lastMs = nowMs;
            _driving = IsDriving(a.Readings);
            _soc = Soc(a);
            _top = a.Alerts.TopKind;
            _count = a.Alerts.ActiveCount;
            _valid = a.Forecast.Valid;
            _degraded = a.Forecast.Degraded;
            _p50 = P50(a.Forecast);
            _heater = a.HeaterOn;
            _mode = a.Preconditioning.Mode;
        }

        private bool Changed(Agent a, bool driving)
        {
            ForecastResult f = a.Forecast;
            return driving != _driving
                || Moved(_soc, Soc(a), SocStepPct)
                || a.Alerts.TopKind != _top || a.Alerts.ActiveCount != _count
                || f.Valid != _valid || f.Degraded != _degraded
                || Moved(_p50, P50(f), DestP50StepPct)
                || a.HeaterOn != _heater || a.Preconditioning.Mode != _mode;
        }

        private static float Soc(Agent a)
        {
            return a.Readings.SocFresh ? a.Readings.SocPercent : float.NaN;
        }

        private static float P50(ForecastResult f)
        {
            return f.Valid ? f.Destination.SocP50 : float.NaN;
        }

        /// <summary>NaN-aware: known ↔ unknown counts as a move.</summary>
        internal static bool Moved(float before, float now, float step)
        {
            float d = now - before;
            if (!float.IsNaN(d))
            {
                return d >= step || d <= -step;   // both known: one native IsNaN instead of two
            }

            bool a = float.IsNaN(before);
            bool b = float.IsNaN(now);
            if (a || b)
            {
                return a != b;
            }

            return d >= step || d <= -step;
        }
    }
}
