namespace RangeGuard.Forecast
{
    /// <summary>
    /// What the pack takes at the charger it stands at, as a ratio to the charge model's power, held over the heater's
    /// duty cycle. A car's BMS heats a cool pack from the charger in bursts (the Model S 85: on below 10 °C, off at 13 °C,
    /// minutes on and an hour off at an AC charger); the battery power of a burst is what the pack does not get for those
    /// minutes, not the rate of the whole charge. Taken as the rate, one burst turned a 350-minute charge into 1,383
    /// minutes and raised a two-minute false RG-STRANDED (broder-2013 sweep variant 36, seed 1). So the ratio is smoothed
    /// over a minute (noise) and the highest of the last 20-30 minutes is kept (three 10-minute buckets; with two, a
    /// 12-minute burst that filled a whole bucket was believed for a tick at the next turn): a burst is not believed, a drop
    /// that lasts (a station that derates, a heater that stays on) is believed after at most 30 minutes. Not told apart:
    /// a heater on for the whole stop above the model's own heating threshold passes for a derated charger (simulator
    /// README, "Not fixed": broder-2013 as driven at Norwich).
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

        // Buckets are whole multiples of BucketMs of the clock (no start time kept: every field is a 12-byte block on the
        // device, memory.md).
        private long _lastMs = -1;
        private float _smooth, _current, _previous, _older;

        /// <summary>A charge was measured within <see cref="GapMs"/> before <paramref name="nowMs"/>: <see cref="Ratio"/> holds.</summary>
        public bool Holds(long nowMs)
        {
            return _lastMs >= 0 && nowMs >= _lastMs && nowMs - _lastMs <= GapMs;
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

        /// <summary>Adds this tick's ratio of measured to modelled power at <paramref name="nowMs"/>.</summary>
        public void Add(long nowMs, float ratio)
        {
            if (_lastMs < 0 || nowMs - _lastMs > GapMs || nowMs < _lastMs)
            {
                _smooth = ratio;
                _current = ratio;
                _previous = ratio;
                _older = ratio;
                _lastMs = nowMs;
                return;
            }

            long dt = nowMs - _lastMs;
            bool turn = nowMs / BucketMs != _lastMs / BucketMs;
            _lastMs = nowMs;
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
    }
}
