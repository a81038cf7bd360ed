using System;
using System.Collections.Generic;
using RangeGuard.Common;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running.Sweep
{
    /// <summary>
    /// One seeded variant of a scenario: how the world and the driver differ from what the plan is told. The draw is a pure
    /// function of (scenario name, index, base seed), so a variant can be rerun alone.
    /// </summary>
    public sealed record SweepVariant(int Index, uint Seed, double ForecastTempErrorC, double HeadwindErrorMps, double SpeedFactor,
        double SpeedVariabilityPercent, double ChargerPowerFactor, IReadOnlyList<TrafficJam> Traffic)
    {
        /// <summary>σ of the error of the forecast temperature the plan gets, °C (as the nav plan of `evaluate`).</summary>
        public const double TempErrorSigmaC = 2;

        /// <summary>σ of a head wind the forecast does not have, m/s (constant over the run, on the truth only).</summary>
        public const double HeadwindSigmaMps = 2;

        /// <summary>Driver bias: × N(1, 0.05), clipped to 0.85..1.15; variability U(0, 5) % with a 10 min correlation time.</summary>
        public const double SpeedBiasSigma = 0.05;
        public const double SpeedBiasMin = 0.85;
        public const double SpeedBiasMax = 1.15;
        public const double SpeedVariabilityMaxPercent = 5;

        /// <summary>Traffic: no jam (50 %), one (35 %) or two (15 %), each U(2, 15) km long at U(15, 50) km/h, anywhere on the route.</summary>
        public const double JamMinKm = 2;
        public const double JamMaxKm = 15;
        public const double JamMinKmh = 15;
        public const double JamMaxKmh = 50;

        /// <summary>Chargers deliver U(0.6, 1.0) of their rating (a shared or derated stall); the plan knows the rating.</summary>
        public const double ChargerFactorMin = 0.6;

        public static string Describe()
            => $"forecast temperature error N(0, {TempErrorSigmaC:0} °C); a head wind the forecast lacks N(0, {HeadwindSigmaMps:0} m/s); " +
               $"driver speed × N(1, {SpeedBiasSigma:0.00}) clipped {SpeedBiasMin:0.00}-{SpeedBiasMax:0.00}, varying U(0, {SpeedVariabilityMaxPercent:0}) % " +
               $"(10 min correlation); traffic: 0/1/2 jams (50/35/15 %) of U({JamMinKm:0}, {JamMaxKm:0}) km at U({JamMinKmh:0}, {JamMaxKmh:0}) km/h; " +
               $"chargers deliver U({ChargerFactorMin:0.0}, 1.0) of their rating";

        /// <summary>Draws variant <paramref name="index"/> of a scenario.</summary>
        public static SweepVariant Draw(Scenario s, int index, uint baseSeed)
        {
            uint seed = Mix(Fnv(s.Name) ^ baseSeed * 0x9E3779B9u, (uint)index);
            var rng = new Prng(seed == 0 ? 1 : seed);
            double temp = TempErrorSigmaC * rng.NextGaussian();
            double wind = HeadwindSigmaMps * rng.NextGaussian();
            double bias = Math.Clamp(1 + SpeedBiasSigma * rng.NextGaussian(), SpeedBiasMin, SpeedBiasMax);
            double variability = SpeedVariabilityMaxPercent * rng.NextDouble();
            double charger = ChargerFactorMin + (1 - ChargerFactorMin) * rng.NextDouble();
            double u = rng.NextDouble();
            int jams = u < 0.5 ? 0 : (u < 0.85 ? 1 : 2);
            var traffic = new List<TrafficJam>(jams);
            double lengthM = s.Route.LengthM;
            for (int j = 0; j < jams; j++)
            {
                double len = (JamMinKm + (JamMaxKm - JamMinKm) * rng.NextDouble()) * 1000;
                double from = rng.NextDouble() * Math.Max(0, lengthM - len);
                double kmh = JamMinKmh + (JamMaxKmh - JamMinKmh) * rng.NextDouble();
                traffic.Add(new TrafficJam(from, Math.Min(lengthM, from + len), kmh));
            }

            return new SweepVariant(index, seed == 0 ? 1 : seed, temp, wind, bias, variability, charger, traffic);
        }

        /// <summary>The scenario as this variant's truth and forecast see it (its own expectations do not apply).</summary>
        public Scenario Apply(Scenario s)
        {
            var traffic = new List<TrafficJam>(s.Perturb.Traffic);
            traffic.AddRange(Traffic);
            DriverSpec d = s.Driver with
            {
                SpeedFactor = s.Driver.SpeedFactor * SpeedFactor,
                SpeedVariabilityPercent = Math.Max(s.Driver.SpeedVariabilityPercent, SpeedVariabilityPercent),
            };
            Perturbations p = s.Perturb with
            {
                ForecastTempErrorC = s.Perturb.ForecastTempErrorC + ForecastTempErrorC,
                HeadwindMps = s.Perturb.HeadwindMps + HeadwindErrorMps,
                ChargerPowerFactor = s.Perturb.ChargerPowerFactor * ChargerPowerFactor,
                Traffic = traffic,
                Seed = Seed,
            };
            return s.WithVariant(d, p);
        }

        private static uint Fnv(string text)
        {
            uint h = 2166136261;
            foreach (char c in text)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }

        private static uint Mix(uint a, uint b)
        {
            uint h = a ^ (b + 0x7F4A7C15u + (a << 6) + (a >> 2));
            h ^= h >> 16;
            h *= 0x85EBCA6Bu;
            h ^= h >> 13;
            h *= 0xC2B2AE35u;
            return h ^ (h >> 16);
        }
    }
}
