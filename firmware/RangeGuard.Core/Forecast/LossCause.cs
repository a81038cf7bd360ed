namespace RangeGuard.Forecast
{
    /// <summary>Causes of range lost against a mild-weather (20 °C), legal-speed, flat, calm baseline.</summary>
    public static class LossCause
    {
        public const int Speed = 0;
        public const int ColdAirAndTyres = 1;
        public const int CabinHeating = 2;
        public const int ColdBattery = 3;
        public const int Elevation = 4;
        public const int Wind = 5;
        public const int Count = 6;

        private static readonly string[] s_names = { "speed", "cold air and tyres", "cabin heating", "cold battery", "elevation", "wind" };

        /// <summary>Short text used on the dashboard and in alerts.</summary>
        public static string Name(int cause)
        {
            return cause >= 0 && cause < Count ? s_names[cause] : "unknown";
        }
    }
}
