using System;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// Agent time: UTC from the ESP32 clock (set by SNTP when Wi-Fi connects with requiresDateTime),
    /// advanced by the monotonic <see cref="Environment.TickCount64"/> so it never runs backwards.
    /// A forward step of the wall clock (SNTP set it after an offline start) is followed; a backward
    /// correction is ignored, so input ages and tick intervals stay sane.
    /// </summary>
    public sealed class DeviceClock : IClock
    {
        /// <summary>Wall-clock lead beyond which the clock re-anchors (jitter below this is ignored).</summary>
        private const long ForwardStepMs = 2000;

        private long _offsetMs;
        private long _lastMs;

        public DeviceClock()
        {
            _offsetMs = WallClockMs() - Environment.TickCount64;
            _lastMs = long.MinValue;
        }

        /// <summary>Milliseconds since 1970-01-01T00:00:00Z; not thread-safe (the main loop is its only reader).</summary>
        public long UtcMilliseconds
        {
            get
            {
                long monotonic = Environment.TickCount64;
                long now = monotonic + _offsetMs;
                long wall = WallClockMs();
                if (wall - now > ForwardStepMs)
                {
                    _offsetMs = wall - monotonic;
                    now = wall;
                }

                if (now < _lastMs)
                {
                    now = _lastMs;
                }

                _lastMs = now;
                return now;
            }
        }

        private static long WallClockMs()
        {
            return (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        }
    }
}
