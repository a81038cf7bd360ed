using System;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// Tractive force at the wheels from the EPA coast-down coefficients, corrected for air density (temperature and altitude),
    /// cold tyres, wind, grade and payload. Sources: ev-physics-notes A3 (coefficients), A4 (density), A5 (R117 tyre correction).
    /// </summary>
    public static class RoadLoad
    {
        public const double GravityMps2 = 9.80665;
        public const double AirGasConstant = 287.05;

        /// <summary>Standard-atmosphere pressure at an elevation, Pa.</summary>
        public static double PressurePa(double elevationM) => 101_325.0 * Math.Pow(1.0 - 2.25577e-5 * elevationM, 5.25588);

        /// <summary>Dry-air density, kg/m³ (ideal gas).</summary>
        public static double AirDensity(double tempC, double elevationM) => PressurePa(elevationM) / (AirGasConstant * (tempC + 273.15));

        /// <summary>Multiplier on the rolling (A, B) terms: +0.8 %/°C below the coast-down temperature, capped.</summary>
        public static double RollingFactor(VehicleParameters p, double tempC)
        {
            double f = 1.0 + p.RollingTempCoeffPerC * (p.RoadLoadReferenceTempC - tempC);
            return Math.Clamp(f, 0.9, p.RollingFactorMax);
        }

        /// <summary>Multiplier on the aerodynamic (C) term relative to the coast-down conditions.</summary>
        public static double AeroFactor(VehicleParameters p, double tempC, double elevationM)
            => AirDensity(tempC, elevationM) / AirDensity(p.RoadLoadReferenceTempC, 0);

        /// <summary>
        /// Force the drivetrain must deliver at the wheels, N (negative = braking needed).
        /// Rolling scales with mass (payload); the B term is kept as measured; aero uses the air speed (headwind positive).
        /// </summary>
        public static double TractiveForceN(VehicleParameters p, double speedMps, double accelMps2, double grade,
            double tempC, double elevationM, double headwindMps, double payloadKg)
        {
            double massKg = p.TestMassKg + payloadKg;
            double cosT = 1.0 / Math.Sqrt(1.0 + grade * grade);
            double sinT = grade * cosT;
            double rolling = 0;
            if (speedMps > 0.05)
            {
                rolling = (p.RoadLoadAN * massKg / p.TestMassKg + p.RoadLoadBNPerMps * speedMps) * RollingFactor(p, tempC) * cosT;
            }

            double air = speedMps + headwindMps;
            double aero = p.RoadLoadCNPerMps2 * AeroFactor(p, tempC, elevationM) * air * Math.Abs(air);
            if (speedMps <= 0.05)
            {
                aero = 0;
            }

            return rolling + aero + massKg * GravityMps2 * sinT + massKg * accelMps2;
        }
    }
}
