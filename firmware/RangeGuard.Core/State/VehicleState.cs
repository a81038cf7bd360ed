namespace RangeGuard.State
{
    /// <summary>
    /// Latest value and timestamp of every <see cref="InputId"/>, with staleness.
    /// A stale input is reported as such, never silently reused: <see cref="TryGet"/> fails for it.
    /// Fixed arrays only: updating allocates nothing.
    /// </summary>
    public sealed class VehicleState
    {
        /// <summary>Default maximum age of an input before it counts as stale, ms.</summary>
        public const long DefaultMaxAgeMs = 5000;

        // Internal so the signal dispatcher can store and check without a call per signal.
        internal readonly float[] Values = new float[InputId.Count];
        internal readonly long[] TimesMs = new long[InputId.Count];
        internal readonly bool[] Seen = new bool[InputId.Count];
        private readonly long[] _maxAgeMs = new long[InputId.Count];

        public VehicleState()
        {
            for (int i = 0; i < InputId.Count; i++)
            {
                _maxAgeMs[i] = DefaultMaxAgeMs;
            }

            SetDefaultLimits();
            ResetTrip();
        }

        /// <summary>Sets how old an input may get before it is stale.</summary>
        public void SetMaxAge(int input, long maxAgeMs)
        {
            _maxAgeMs[input] = maxAgeMs;
        }

        public long GetMaxAge(int input)
        {
            return _maxAgeMs[input];
        }

        /// <summary>Stores a new value (already converted to the agent's units and sign convention).</summary>
        public void Set(int input, float value, long timeMs)
        {
            Values[input] = value;
            TimesMs[input] = timeMs;
            Seen[input] = true;
        }

        /// <summary>Re-stamps every input received so far at <paramref name="timeMs"/>, values unchanged: for benchmarks and replays that stand for frames repeating the same values.</summary>
        public void Restamp(long timeMs)
        {
            for (int i = 0; i < InputId.Count; i++)
            {
                if (Seen[i])
                {
                    TimesMs[i] = timeMs;
                }
            }
        }

        /// <summary>True if the input has ever been received.</summary>
        public bool HasValue(int input)
        {
            return Seen[input];
        }

        /// <summary>True if the input was never received or is older than its maximum age.</summary>
        public bool IsStale(int input, long nowMs)
        {
            return !Seen[input] || nowMs - TimesMs[input] > _maxAgeMs[input];
        }

        /// <summary>The latest value if it is fresh; false (and 0) if missing or stale.</summary>
        public bool TryGet(int input, long nowMs, out float value)
        {
            if (IsStale(input, nowMs))
            {
                value = 0f;
                return false;
            }

            value = Values[input];
            return true;
        }

        /// <summary>The latest value whatever its age (for display of a stale value next to a "stale" mark).</summary>
        public float GetLast(int input)
        {
            return Values[input];
        }

        /// <summary>Time of the latest value, ms, or -1 if never received.</summary>
        public long GetTime(int input)
        {
            return Seen[input] ? TimesMs[input] : -1;
        }

        // ---- Additions: plausibility, counters, stale events, derived power, trip integration ----

        /// <summary>Integration steps longer than this (a gap in the data) are skipped, not extrapolated, ms.</summary>
        public const long MaxIntegrationStepMs = 10000;

        internal readonly float[] MinLimits = new float[InputId.Count];
        internal readonly float[] MaxLimits = new float[InputId.Count];
        private readonly bool[] _wasFresh = new bool[InputId.Count];
        private readonly long[] _staleEvents = new long[InputId.Count];
        private long _lastUpdateMs;
        private double _odometerStartKm;
        private bool _odometerStartSet;

        /// <summary>Fresh-to-stale transitions seen by <see cref="Update"/>, all inputs.</summary>
        public long StaleEvents;

        /// <summary>Battery energy out of the pack (discharge), Wh, since <see cref="ResetTrip"/>.</summary>
        public double EnergyOutWh;

        /// <summary>Battery energy into the pack (charge, regeneration), Wh, since <see cref="ResetTrip"/>.</summary>
        public double EnergyInWh;

        /// <summary>Distance integrated from speed, km, since <see cref="ResetTrip"/>.</summary>
        public double SpeedDistanceKm;

        /// <summary>Odometer advance since the first fresh odometer seen by <see cref="Update"/> after <see cref="ResetTrip"/>, or -1.</summary>
        public double OdometerDistanceKm
        {
            get { return _odometerStartSet ? GetLast(InputId.OdometerKm) - _odometerStartKm : -1; }
        }

        /// <summary>Trip distance, km: the odometer advance when the car reports an odometer, else the speed integral.</summary>
        public double DistanceKm
        {
            get { return _odometerStartSet ? OdometerDistanceKm : SpeedDistanceKm; }
        }

        /// <summary>Sets the plausibility limits of an input (agent units, inclusive).</summary>
        public void SetLimits(int input, float min, float max)
        {
            MinLimits[input] = min;
            MaxLimits[input] = max;
        }

        public float GetMinLimit(int input)
        {
            return MinLimits[input];
        }

        public float GetMaxLimit(int input)
        {
            return MaxLimits[input];
        }

        /// <summary>True if the value lies inside the input's limits (NaN never does).</summary>
        public bool IsPlausible(int input, float value)
        {
            return value >= MinLimits[input] && value <= MaxLimits[input];
        }

        /// <summary>Stores the value if plausible and returns true; otherwise keeps the old one and returns false (the caller counts it).</summary>
        public bool SetChecked(int input, float value, long timeMs)
        {
            if (!IsPlausible(input, value))
            {
                return false;
            }

            Set(input, value, timeMs);
            return true;
        }

        /// <summary>Fresh-to-stale transitions of one input seen by <see cref="Update"/>.</summary>
        public long GetStaleEvents(int input)
        {
            return _staleEvents[input];
        }

        /// <summary>Battery power V*I, W, discharge positive; false if voltage or current is stale.</summary>
        public bool TryGetBatteryPowerW(long nowMs, out float powerW)
        {
            float volts;
            float amps;
            if (TryGet(InputId.PackVoltageV, nowMs, out volts) && TryGet(InputId.PackCurrentA, nowMs, out amps))
            {
                powerW = volts * amps;
                return true;
            }

            powerW = 0f;
            return false;
        }

        /// <summary>
        /// Call periodically (each agent tick): counts fresh-to-stale transitions and integrates energy and distance
        /// over the time since the previous call, holding the latest fresh values (nothing is integrated from stale
        /// inputs or across gaps longer than <see cref="MaxIntegrationStepMs"/>).
        /// </summary>
        public void Update(long nowMs)
        {
            // IsStale inlined over local array references: a call and three field loads per input cost more than the test.
            bool[] seen = Seen;
            long[] times = TimesMs;
            long[] maxAge = _maxAgeMs;
            bool[] wasFresh = _wasFresh;
            for (int i = 0; i < InputId.Count; i++)
            {
                bool fresh = seen[i] && nowMs - times[i] <= maxAge[i];
                if (wasFresh[i] && !fresh)
                {
                    _staleEvents[i]++;
                    StaleEvents++;
                }

                wasFresh[i] = fresh;
            }

            // From here wasFresh[i] is "not stale now" (TryGet's test) for every input.
            if (!_odometerStartSet && wasFresh[InputId.OdometerKm])
            {
                _odometerStartKm = GetLast(InputId.OdometerKm);
                _odometerStartSet = true;
            }

            long dtMs = nowMs - _lastUpdateMs;
            bool integrate = _lastUpdateMs >= 0 && dtMs > 0 && dtMs <= MaxIntegrationStepMs;
            if (dtMs > 0 || _lastUpdateMs < 0)
            {
                _lastUpdateMs = nowMs;
            }

            if (!integrate)
            {
                return;
            }

            float[] values = Values;
            if (wasFresh[InputId.PackVoltageV] && wasFresh[InputId.PackCurrentA])
            {
                float powerW = values[InputId.PackVoltageV] * values[InputId.PackCurrentA];   // TryGetBatteryPowerW
                double wh = powerW * (double)dtMs / 3600000.0;
                if (wh >= 0)
                {
                    EnergyOutWh += wh;
                }
                else
                {
                    EnergyInWh -= wh;
                }
            }

            float speedKmh = values[InputId.SpeedKmh];
            if (wasFresh[InputId.SpeedKmh] && speedKmh > 0f)
            {
                SpeedDistanceKm += speedKmh * (double)dtMs / 3600000.0;
            }
        }

        /// <summary>Restarts energy and distance integration (counters and values are kept).</summary>
        public void ResetTrip()
        {
            EnergyOutWh = 0;
            EnergyInWh = 0;
            SpeedDistanceKm = 0;
            _odometerStartSet = false;
            _lastUpdateMs = -1;
        }

        /// <summary>Default plausibility: SOC 0..100 %, temperatures -40..85 °C, and generous physical bounds.</summary>
        private void SetDefaultLimits()
        {
            SetLimits(InputId.SocPercent, 0f, 100f);
            SetLimits(InputId.PackVoltageV, 0f, 1000f);
            SetLimits(InputId.PackCurrentA, -1500f, 1500f);
            SetLimits(InputId.BatteryTempMinC, -40f, 85f);
            SetLimits(InputId.BatteryTempMaxC, -40f, 85f);
            SetLimits(InputId.BatteryTempAvgC, -40f, 85f);
            SetLimits(InputId.AmbientTempC, -40f, 85f);
            SetLimits(InputId.SpeedKmh, 0f, 300f);
            SetLimits(InputId.OdometerKm, 0f, 2000000f);
            SetLimits(InputId.ChargingState, 0f, 3f);
            SetLimits(InputId.HvacPowerW, 0f, 20000f);
        }
    }
}
