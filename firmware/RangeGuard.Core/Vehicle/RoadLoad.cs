namespace RangeGuard.Vehicle
{
    /// <summary>
    /// Road-load physics with temperature effects (sources: shared ev-physics-notes A3-A5).
    /// Road load F = A·tyre(T) + B·v·tyre(T) + C·(ρ/ρref)·(v+w)|v+w|, the EPA coast-down form in SI units.
    /// </summary>
    public static class RoadLoad
    {
        public const float GravityMps2 = 9.80665f;

        /// <summary>Reference conditions the road-load coefficients are quoted at (SAE J2263 corrects to 20 °C).</summary>
        public const float ReferenceTempC = 20f;

        /// <summary>Air density at 20 °C, sea level, kg/m³.</summary>
        public static readonly float ReferenceAirDensity = AirDensity(ReferenceTempC, 0f);

        /// <summary>ECE R117 tyre temperature coefficient for C1 tyres, per K (extrapolated below 20 °C, see notes A5).</summary>
        public const float TyreTempCoeffPerK = 0.008f;

        /// <summary>Ideal gas density, kg/m³, with the standard-atmosphere pressure at the altitude.</summary>
        public static float AirDensity(float tempC, float altitudeM)
        {
            double p = 101325.0 * RangeGuard.Common.DMath.Pow(1.0 - 2.25577e-5 * altitudeM, 5.25588);
            return (float)(p / (287.05 * (tempC + 273.15)));
        }

        /// <summary>Aero multiplier against the reference density (1.095 at −10 °C vs 15 °C ratio-wise).</summary>
        public static float AeroFactor(float tempC, float altitudeM)
        {
            return AirDensity(tempC, altitudeM) / ReferenceAirDensity;
        }

        /// <summary>Rolling-resistance multiplier: 1 + 0.008·(20 − T), clamped to 0.85..1.5.</summary>
        public static float TyreFactor(float tempC)
        {
            float f = 1f + TyreTempCoeffPerK * (ReferenceTempC - tempC);
            return f < 0.85f ? 0.85f : (f > 1.5f ? 1.5f : f);
        }

        /// <summary>Road-load force, N, at speed v (m/s) with head wind w (m/s, negative = tail).</summary>
        public static float ForceN(VehicleParams vp, float speedMps, float tempC, float altitudeM, float headwindMps)
        {
            float tyre = TyreFactor(tempC);
            float air = speedMps + headwindMps;
            float aero = vp.RoadLoadCNPerMps2 * AeroFactor(tempC, altitudeM) * air * (air < 0 ? -air : air);
            float rolling = speedMps > 0.05f ? (vp.RoadLoadAN + vp.RoadLoadBNPerMps * speedMps) * tyre : 0f;
            return (rolling + aero) * vp.RoadLoadScale;
        }

        /// <summary>Regenerative braking efficiency vs deceleration, Fiori 2016 eq. 10: exp(−λ/|a|); 1 when not decelerating.</summary>
        public static float RegenDecelEfficiency(float accelMps2, float lambdaMps2)
        {
            if (accelMps2 >= 0f)
            {
                return 1f;
            }

            return (float)RangeGuard.Common.DMath.Exp(-lambdaMps2 / -accelMps2);
        }
    }
}
