// CarCalibrationLearner: the SOC span being driven now, as a provisional usable-energy span.
namespace RangeGuard.Learning
{
    public sealed partial class CarCalibrationLearner
    {
        /// <summary>
        /// The span being driven counts once its SOC has fallen this many points: a ±1 % SOC reading then moves its ratio by
        /// about 10 %, and with the prior's 20 points beside it the line by about 3 %.
        /// </summary>
        public const float SpanMinDrop = 10f;

        /// <summary>The line is solved again each time the span's drop has changed by this many points (not every tick).</summary>
        public const float SpanSolveStep = 0.5f;

        /// <summary>A gap between ticks longer than this (s) restarts the span: energy drawn in a gap is not measured.</summary>
        public const float SpanMaxGapS = 5f;

        // The span (five fields: the device's heap budget is tight): battery energy since its start (Wh), its first SOC and the
        // preset's usable energy then (Wh per 100 %), the drop the line was last solved at (0: not in the line), the last
        // tick (ms, −1: none). While it counts, the usable line (_ua, _ub) is the trips' with the span as one more span.
        private float _spanWh, _spanSoc0, _spanPreset0, _spanSolvedDrop;
        private long _spanMs = -1;

        /// <summary>A usable-energy line is in force: from completed trips, or the span being driven (UsableScaleAt is not exactly 1).</summary>
        public bool HasUsableScale { get { return _socTrips > 0 || _spanSolvedDrop > 0f; } }

        /// <summary>SOC points of the span being driven when the line was last solved with it (0 while it does not count).</summary>
        public float SpanDrop { get { return _spanSolvedDrop; } }

        /// <summary>
        /// Each tick: the battery energy measured (W, discharge positive) against the SOC it takes. A car learns its usable
        /// energy per SOC point from completed trips (AddSocSpan), but a new car, or one whose pack has changed, runs a trip
        /// on the preset's pack: a preset that holds 7 % more per point than the car forecasts an arrival 3-4 points too high
        /// after 45 points spent. The span driven so far says so while it is driven: once 10 points long it enters the line as
        /// one more span (weight its SOC drop, ratio against the preset's usable energy at the mean of its first and latest pack
        /// temperature, as a trip's) and leaves it at EndTrip (RestartSpan), when the completed trip is learned with AddSocSpan.
        /// <paramref name="restart"/> (plugged in, inputs stale, learning off) drops the span until the next tick.
        /// </summary>
        public void TrackSpan(long timeMs, float socPercent, float batteryPowerW, float presetUsableWh, bool restart)
        {
            if (restart || float.IsNaN(socPercent) || float.IsNaN(batteryPowerW) || float.IsNaN(presetUsableWh) || presetUsableWh <= 0f)
            {
                RestartSpan(-1, socPercent);
                return;
            }

            float dt = (timeMs - _spanMs) / 1000f;
            if (_spanMs < 0 || dt <= 0f || dt > SpanMaxGapS)
            {
                RestartSpan(timeMs, socPercent);
                _spanPreset0 = presetUsableWh;
                return;
            }

            _spanMs = timeMs;
            _spanWh += batteryPowerW * dt / 3600f;
            float drop = _spanSoc0 - socPercent;
            bool step = drop >= _spanSolvedDrop + SpanSolveStep || drop <= _spanSolvedDrop - SpanSolveStep;
            if (step && (drop >= SpanMinDrop || _spanSolvedDrop > 0f))
            {
                SolveSpan(socPercent, presetUsableWh);
            }
        }

        /// <summary>Drops the span (a trip ended, a charge, a gap): the usable line is the trips' again; the next span starts at <paramref name="timeMs"/> (−1: the next tick).</summary>
        public void RestartSpan(long timeMs, float socPercent)
        {
            bool counted = _spanSolvedDrop > 0f;
            _spanMs = float.IsNaN(socPercent) ? -1 : timeMs;
            _spanWh = 0f;
            _spanSoc0 = socPercent;
            _spanSolvedDrop = 0f;
            if (counted)
            {
                SolveCommitted();
            }
        }

        /// <summary>The line with the span as one more span (ratio within the trips' bounds), or the trips' alone while it is too short or odd.</summary>
        private void SolveSpan(float socPercent, float presetUsableWh)
        {
            float drop = _spanSoc0 - socPercent;
            double presetWh = drop / 100.0 * 0.5 * (_spanPreset0 + presetUsableWh);
            double r = presetWh > 0.0 ? _spanWh / presetWh : 0.0;
            if (drop < SpanMinDrop || r < 0.5 || r > 2.0)
            {
                if (_spanSolvedDrop > 0f)
                {
                    _spanSolvedDrop = 0f;
                    SolveCommitted();
                }

                return;
            }

            r = r < UsableMin ? UsableMin : (r > UsableMax ? UsableMax : r);
            double x = ((_spanSoc0 + socPercent) / 2.0 - 50.0) / 50.0;
            SolveUsable(drop, x, r);
            _spanSolvedDrop = drop;
        }

        /// <summary>The trips' line alone (exactly 1 and the prior slope's 0 with no trip, as before any span).</summary>
        private void SolveCommitted()
        {
            if (_socTrips > 0)
            {
                SolveUsable();
            }
            else
            {
                _ua = 1.0;
                _ub = 0.0;
            }
        }
    }
}
