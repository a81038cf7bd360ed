using System;

namespace RangeGuard.Host.Evaluation.Planning
{
    /// <summary>
    /// Error model of the air-temperature forecast a plan is given: forecast = measured ambient at departure + e,
    /// e ~ N(0, SdC²), drawn once per trip from a generator seeded with Seed and the trip name (FNV-1a), so a run is
    /// repeatable and a trip gets the same error whatever the other trips in the folder are. SdC = 2 °C is of the order of
    /// a short-range 2 m temperature forecast's error (day-1 RMSE of about 1.5–2.5 K is commonly reported for national
    /// weather services; not re-checked here). SdC = 0 gives the departure value exactly.
    /// </summary>
    public sealed record ForecastError(double SdC = 2.0, int Seed = 1)
    {
        public static readonly ForecastError None = new(0.0, 0);

        public double ForecastFor(string tripName, double departureAmbientC)
        {
            if (SdC <= 0)
            {
                return departureAmbientC;
            }

            var rng = new Random(unchecked((int)(Fnv1a(tripName) ^ (uint)Seed * 2654435761u)));
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return departureAmbientC + SdC * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        private static uint Fnv1a(string s)
        {
            uint h = 2166136261;
            foreach (char c in s)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }
}
