namespace RangeGuard.Simulator.Physics
{
    /// <summary>What the world and the driver impose on the car for one physics step.</summary>
    public struct CarInputs
    {
        /// <summary>Acceleration the driver asks for, m/s² (the car limits it by its drive power).</summary>
        public double DesiredAccelMps2;

        /// <summary>Rise over run of the road here.</summary>
        public double Grade;
        public double ElevationM;
        public double AmbientC;

        /// <summary>Head wind component, m/s (negative = tail wind).</summary>
        public double HeadwindMps;
        public double PayloadKg;
        public double SolarW;

        /// <summary>Cabin setpoint, °C; NaN = HVAC off.</summary>
        public double CabinSetpointC;

        /// <summary>Cap on cabin heating, W ("heat on low"); +∞ for none.</summary>
        public double CabinHeaterCapW;

        /// <summary>The car is on (driving, or parked with climate on); off = parked, only the drain load.</summary>
        public bool CarOn;
        public bool Driving;

        public bool Plugged;

        /// <summary>Charger rating, W (0 when not plugged).</summary>
        public double ChargerW;
        public bool ChargerIsDc;

        /// <summary>False once the session's target is reached: plugged but not charging (the grid still feeds heaters).</summary>
        public bool ChargeEnabled;

        /// <summary>Battery heater requested by the board (preconditioning).</summary>
        public bool BoardHeaterRequest;
    }
}
