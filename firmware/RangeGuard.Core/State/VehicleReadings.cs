namespace RangeGuard.State
{
    /// <summary>
    /// The agent's view of the car for one tick, read once from the <see cref="VehicleState"/>: each required input's value
    /// with its freshness (the last known value when stale; NaN until it has ever been received, so that an input not yet
    /// received can never pass for a value, e.g. an air temperature of 0 °C), and the facts derived from them (plugged in,
    /// parked, battery power, CAN silent, the first stale input) so that no consumer derives them again.
    /// One instance, overwritten by <see cref="Read"/>; allocates nothing.
    /// </summary>
    public sealed class VehicleReadings
    {
        private readonly bool[] _wasStale = new bool[InputId.Count];
        private bool _everBattery;

        public long NowMs;

        public bool SocFresh;
        public float SocPercent;

        /// <summary>Average pack temperature, or the midpoint of min/max when the car reports only those (NaN until received).</summary>
        public bool BatteryTempFresh;
        public float BatteryTempC;

        /// <summary>
        /// A pack temperature was ever received: the last one (the average, else the minimum: the cold end for a cold soak)
        /// and when it arrived (ms; a parked car's bus sleeps, so a cold-soak projection cools from then).
        /// </summary>
        public bool BatteryTempKnown;
        public float BatteryTempLastC;
        public long BatteryTempTimeMs = -1;

        /// <summary>A state of charge was ever received (<see cref="SocPercent"/> is then its last value).</summary>
        public bool SocKnown;

        public bool AmbientFresh;
        public float AmbientC;

        public bool SpeedFresh;
        public float SpeedKmh;

        /// <summary>Voltage and current were ever received; both are fresh; V·I in W (discharge positive), NaN if never seen.</summary>
        public bool PowerSeen;
        public bool PowerFresh;
        public float BatteryPowerW = float.NaN;

        /// <summary>Measured HVAC power, W, or -1 when the car does not report it (or it is stale).</summary>
        public float HvacPowerW = -1f;

        /// <summary>Odometer, km, or -1 when stale.</summary>
        public float OdometerKm = -1f;

        /// <summary>The car reports a charging cable (fresh charging state 1..3): it stands at a charger.</summary>
        public bool PluggedIn;

        /// <summary>Last known speed below 1 km/h and last known charging state 0 (values kept while the bus sleeps).</summary>
        public bool Parked;
        public bool Unplugged;

        /// <summary>No input has been received for longer than the configured silence (from start when none ever was).</summary>
        public bool CanSilent;

        /// <summary>The first stale required input (SOC, battery temperature, ambient, speed), or -1.</summary>
        public int FirstStale = -1;

        /// <summary>That input has never been received (not merely gone stale).</summary>
        public bool FirstStaleNeverReceived;

        /// <summary>Fresh-to-stale edges of required inputs seen before, since start.</summary>
        public int StaleEvents;

        /// <summary>Speed when fresh, else NaN (for texts: a stale value is never quoted).</summary>
        public float FreshSpeedKmh
        {
            get { return SpeedFresh ? SpeedKmh : float.NaN; }
        }

        /// <summary>Ambient temperature when fresh, else NaN.</summary>
        public float FreshAmbientC
        {
            get { return AmbientFresh ? AmbientC : float.NaN; }
        }

        /// <summary>Every required input fresh, and battery power fresh when the car reports it.</summary>
        public bool AllRequiredFresh
        {
            get { return FirstStale < 0 && (!PowerSeen || PowerFresh); }
        }

        /// <summary>Reads the state at <paramref name="nowMs"/>; <paramref name="startMs"/> stands in for the newest input when none was ever received.</summary>
        public void Read(VehicleState s, long nowMs, long startMs, long canSilentMs)
        {
            NowMs = nowMs;
            SocFresh = Read(s, InputId.SocPercent, nowMs, out SocPercent);
            BatteryTempFresh = ReadBatteryTemp(s, nowMs);
            AmbientFresh = Read(s, InputId.AmbientTempC, nowMs, out AmbientC);
            SpeedFresh = Read(s, InputId.SpeedKmh, nowMs, out SpeedKmh);

            PowerSeen = s.HasValue(InputId.PackVoltageV) && s.HasValue(InputId.PackCurrentA);
            PowerFresh = !s.IsStale(InputId.PackVoltageV, nowMs) && !s.IsStale(InputId.PackCurrentA, nowMs);
            BatteryPowerW = PowerSeen ? s.GetLast(InputId.PackVoltageV) * s.GetLast(InputId.PackCurrentA) : float.NaN;

            float v;
            HvacPowerW = s.TryGet(InputId.HvacPowerW, nowMs, out v) ? v : -1f;
            OdometerKm = s.TryGet(InputId.OdometerKm, nowMs, out v) ? v : -1f;
            PluggedIn = s.TryGet(InputId.ChargingState, nowMs, out v) && v >= 0.5f;
            Parked = s.HasValue(InputId.SpeedKmh) && s.GetLast(InputId.SpeedKmh) < 1f;
            Unplugged = s.HasValue(InputId.ChargingState) && s.GetLast(InputId.ChargingState) < 0.5f;
            int battId = s.HasValue(InputId.BatteryTempAvgC) ? InputId.BatteryTempAvgC : InputId.BatteryTempMinC;
            BatteryTempKnown = s.HasValue(battId);
            BatteryTempLastC = BatteryTempKnown ? s.GetLast(battId) : float.NaN;
            SocKnown = s.HasValue(InputId.SocPercent);
            BatteryTempTimeMs = BatteryTempKnown ? s.GetTime(battId) : -1;
            CanSilent = Silent(s, nowMs, startMs, canSilentMs);

            int first = -1;
            first = TrackStale(s, InputId.SocPercent, !SocFresh, first);
            first = TrackStale(s, InputId.BatteryTempAvgC, !BatteryTempFresh, first);
            first = TrackStale(s, InputId.AmbientTempC, !AmbientFresh, first);
            first = TrackStale(s, InputId.SpeedKmh, !SpeedFresh, first);
            FirstStale = first;
            FirstStaleNeverReceived = first >= 0 && (first == InputId.BatteryTempAvgC ? !BatteryTempKnown : !s.HasValue(first));
        }

        /// <summary>Fresh value, else the last known one (false), else NaN (false): never received is not a value.</summary>
        private static bool Read(VehicleState s, int id, long now, out float value)
        {
            if (s.TryGet(id, now, out value))
            {
                return true;
            }

            value = s.HasValue(id) ? s.GetLast(id) : float.NaN;
            return false;
        }

        /// <summary>Average pack temperature, or the midpoint of min/max; last known when stale.</summary>
        private bool ReadBatteryTemp(VehicleState s, long now)
        {
            float lo, hi;
            if (s.TryGet(InputId.BatteryTempAvgC, now, out BatteryTempC))
            {
                _everBattery = true;
                return true;
            }

            if (s.TryGet(InputId.BatteryTempMinC, now, out lo) & s.TryGet(InputId.BatteryTempMaxC, now, out hi))
            {
                BatteryTempC = (lo + hi) / 2f;
                _everBattery = true;
                return true;
            }

            if (s.HasValue(InputId.BatteryTempAvgC))
            {
                BatteryTempC = s.GetLast(InputId.BatteryTempAvgC);
            }
            else if (s.HasValue(InputId.BatteryTempMinC) && s.HasValue(InputId.BatteryTempMaxC))
            {
                BatteryTempC = (s.GetLast(InputId.BatteryTempMinC) + s.GetLast(InputId.BatteryTempMaxC)) / 2f;
            }
            else
            {
                BatteryTempC = float.NaN;
            }

            return false;
        }

        /// <summary>Counts fresh-to-stale edges (of inputs seen before) and keeps the first stale input.</summary>
        private int TrackStale(VehicleState s, int id, bool stale, int firstStale)
        {
            bool seen = id == InputId.BatteryTempAvgC ? _everBattery : s.HasValue(id);
            if (stale && seen && !_wasStale[id])
            {
                StaleEvents++;
            }

            _wasStale[id] = stale;
            return stale && firstStale < 0 ? id : firstStale;
        }

        private static bool Silent(VehicleState s, long now, long startMs, long silentMs)
        {
            long newest = -1;
            for (int i = 0; i < InputId.Count; i++)
            {
                long t = s.GetTime(i);
                if (t > newest)
                {
                    newest = t;
                }
            }

            return now - (newest < 0 ? startMs : newest) > silentMs;
        }
    }
}
