namespace RangeGuard.Host.Trips
{
    /// <summary>
    /// One recorded trip at a regular sample rate. Battery power is W with discharge POSITIVE (the i3 files use the
    /// opposite sign; the readers convert). Optional signals are NaN when the file lacks them.
    /// </summary>
    public sealed class TripLog
    {
        public TripLog(string name, double[] timeS, double[] speedKmh, double[] elevationM, double[] batteryPowerW,
            double[] socPct, double[] batteryTempC, double[] ambientTempC)
        {
            Name = name;
            TimeS = timeS;
            SpeedKmh = speedKmh;
            ElevationM = elevationM;
            BatteryPowerW = batteryPowerW;
            SocPct = socPct;
            BatteryTempC = batteryTempC;
            AmbientTempC = ambientTempC;
            HvacPowerW = new double[timeS.Length];
            System.Array.Fill(HvacPowerW, double.NaN);
            HeatingPowerW = new double[timeS.Length];
            System.Array.Fill(HeatingPowerW, double.NaN);
            AirconPowerW = new double[timeS.Length];
            System.Array.Fill(AirconPowerW, double.NaN);
            CabinTempC = new double[timeS.Length];
            System.Array.Fill(CabinTempC, double.NaN);
        }

        /// <summary>Reported cabin-heater and A/C compressor power, W (i3 files); NaN where the file has none.</summary>
        public double[] HeatingPowerW { get; }
        public double[] AirconPowerW { get; }

        /// <summary>Cabin air temperature, °C; NaN where the file has none.</summary>
        public double[] CabinTempC { get; }

        /// <summary>Reported HVAC (cabin heating + A/C) power, W; NaN where the file has none.</summary>
        public double[] HvacPowerW { get; }

        public bool HasHvac => HvacPowerW.Length > 0 && !double.IsNaN(HvacPowerW[0]);

        public string Name { get; }
        public double[] TimeS { get; }
        public double[] SpeedKmh { get; }
        public double[] ElevationM { get; }
        public double[] BatteryPowerW { get; }
        public double[] SocPct { get; }
        public double[] BatteryTempC { get; }
        public double[] AmbientTempC { get; }
        public int Count => TimeS.Length;

        /// <summary>Mean ambient below this is a winter trip, °C.</summary>
        public const double WinterBelowC = 10.0;

        /// <summary>
        /// "winter" when the trip's measured mean ambient is below 10 °C, else "summer". Never from the file name: a
        /// season label must follow what the car measured, so a renamed or mixed folder is classified the same way.
        /// </summary>
        public string Season
        {
            get
            {
                double sum = 0;
                foreach (double t in AmbientTempC)
                {
                    sum += t;
                }

                return Count > 0 && sum / Count < WinterBelowC ? "winter" : "summer";
            }
        }
    }
}
