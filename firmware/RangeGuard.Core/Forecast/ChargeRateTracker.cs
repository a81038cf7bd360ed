namespace RangeGuard.Forecast
{
    /// <summary>
    /// What the pack takes at the charger it stands at, as a ratio to the charge model's power, held over the heater's
    /// duty cycle. A car's BMS heats a cool pack from the charger; what its heater takes is not the rate of the charge.
    /// Two guards:
    /// - Bursts (the Model S 85: on below 10 °C, off at 13 °C, minutes on and an hour off at an AC charger): one burst taken
    ///   as the rate turned a 350-minute charge into 1,383 minutes and raised a two-minute false RG-STRANDED (broder-2013
    ///   sweep variant 36, seed 1). So the ratio is smoothed over a minute (noise) and the highest of the last 20-30 minutes
    ///   is kept (three 10-minute buckets; with two, a 12-minute burst that filled a whole bucket was believed for a tick at
    ///   the next turn): a drop that lasts (a station that derates) is believed after at most 30 minutes.
    /// - A heater that the pack's temperature shows: while the pack warms faster than the charge's own loss explains by a
    ///   heater's worth (the caller's threshold), nothing is measured: the held ratio stays as it was. A ratio measured for
    ///   less than <see cref="ConfirmMs"/> before the heater showed is dropped: it was the heater's (the heater shows a few
    ///   minutes late). Without this, a heater on for a whole stop above the model's own heating threshold passed for a
    ///   charger at a third of its rating (broder-2013 as driven at Norwich: the advice jumped from 256 to about 1,050 min).
    /// A ratio, not a power: the model's taper with SOC and pack temperature moves it, the held figure follows the taper.
    /// </summary>
    public sealed class ChargeRateTracker
    {
        /// <summary>Time constant of the one-minute smoothing, ms.</summary>
        public const long SmoothTauMs = 60000;

        /// <summary>Length of a bucket: the held ratio is the highest smoothed ratio of this bucket and the two before, ms.</summary>
        public const long BucketMs = 600000;

        /// <summary>A gap without a measured charge longer than this starts afresh (unplugged, driven on), ms.</summary>
        public const long GapMs = 120000;

        /// <summary>Time constant of the pack temperature's average: its distance to the temperature now is the rise, ms.</summary>
        public const long RiseTauMs = 300000;

        /// <summary>A ratio measured for less than this when a heater shows is dropped, ms (the rise shows within about 3 minutes).</summary>
        public const long ConfirmMs = 300000;

        // Buckets are whole multiples of BucketMs of the clock (no bucket start kept: every field is a 12-byte block on the
        // device, memory.md). _lastMs: the last tick standing and charging; _sinceMs: when the ratio began, -1 for none.
        private long _lastMs = -1, _sinceMs = -1;
        private float _smooth, _current, _previous, _older, _packAvgC;

        /// <summary>
        /// A charge was measured within <see cref="GapMs"/> before <paramref name="nowMs"/> and a ratio without a heater was
        /// measured in it: <see cref="Ratio"/> holds.
        /// </summary>
        public bool Holds(long nowMs)
        {
            return _lastMs >= 0 && _sinceMs >= 0 && nowMs >= _lastMs && nowMs - _lastMs <= GapMs;
        }

        /// <summary>A charge was measured within <see cref="GapMs"/> before <paramref name="nowMs"/>, and a heater showed since any ratio.</summary>
        public bool HeaterShows(long nowMs)
        {
            return _lastMs >= 0 && _sinceMs < 0 && nowMs >= _lastMs && nowMs - _lastMs <= GapMs;
        }

        /// <summary>The pack's temperature rise over the last few minutes, K per hour (0 before a charge is measured).</summary>
        public float RiseKPerH(float packC)
        {
            return _lastMs < 0 ? 0f : (packC - _packAvgC) * 3600000f / RiseTauMs;
        }

        /// <summary>The held ratio of measured to modelled charging power; meaningful only while it <see cref="Holds"/>.</summary>
        public float Ratio
        {
            get
            {
                float m = _current > _previous ? _current : _previous;
                return m > _older ? m : _older;
            }
        }

        /// <summary>Forgets the charge (a new plan: its chargers are other chargers).</summary>
        public void Forget()
        {
            _lastMs = -1;
        }

        /// <summary>
        /// Adds this tick's ratio of measured to modelled power at <paramref name="nowMs"/>, the pack at
        /// <paramref name="packC"/>; a rise above <paramref name="heaterRiseKPerH"/> is a heater's, and its ratio is not
        /// the charger's.
        /// </summary>
        public void Add(long nowMs, float ratio, float packC, float heaterRiseKPerH)
        {
            if (_lastMs < 0 || nowMs - _lastMs > GapMs || nowMs < _lastMs)
            {
                _lastMs = nowMs;
                _packAvgC = packC;
                Begin(nowMs, ratio);
                return;
            }

            long dt = nowMs - _lastMs;
            bool turn = nowMs / BucketMs != _lastMs / BucketMs;
            _lastMs = nowMs;
            _packAvgC += (packC - _packAvgC) * dt / (float)(RiseTauMs + dt);
            if (RiseKPerH(packC) > heaterRiseKPerH)
            {
                if (_sinceMs >= 0 && nowMs - _sinceMs < ConfirmMs)
                {
                    _sinceMs = -1;
                }

                return;
            }

            if (_sinceMs < 0)
            {
                Begin(nowMs, ratio);
                return;
            }

            _smooth += (ratio - _smooth) * dt / (float)(SmoothTauMs + dt);
            if (turn)
            {
                _older = _previous;
                _previous = _current;
                _current = _smooth;
            }
            else if (_smooth > _current)
            {
                _current = _smooth;
            }
        }

        private void Begin(long nowMs, float ratio)
        {
            _sinceMs = nowMs;
            _smooth = ratio;
            _current = ratio;
            _previous = ratio;
            _older = ratio;
        }
    }
}
