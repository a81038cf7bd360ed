namespace RangeGuard.Vehicle
{
    /// <summary>
    /// Battery-side drive energy. Instantaneous form (dyno check, learner): wheel power
    /// P = (F_road + m·a + m·g·sinθ)·v; traction draws P/η_t·(1 + battery loss); braking returns
    /// P·η_r·exp(−λ/|a|)·acceptance·(1 − battery loss) (VT-CPEM regen law, efficiency multiplied, notes A1).
    /// Segment form (forecast): the same terms for a stretch at a steady speed plus the kinetic energy of its
    /// speed changes, m·PKE·L, of which (1 − CoastShare) is braked and partly regenerated (the coasted share
    /// only replaces traction the road-load term already counted).
    /// </summary>
    public static class Powertrain
    {
        /// <summary>Battery power for driving (no auxiliaries), W, discharge positive.</summary>
        public static float DrivePowerW(VehicleParams vp, float speedMps, float accelMps2, float sinGrade,
            float ambientC, float headwindMps, float batteryTempC, float socPercent)
        {
            if (speedMps < 0f)
            {
                speedMps = 0f;
            }

            float force = RoadLoad.ForceN(vp, speedMps, ambientC, 0f, headwindMps)
                + vp.MassKg * accelMps2 + vp.MassKg * RoadLoad.GravityMps2 * sinGrade;
            float wheelW = force * speedMps;
            float loss = vp.Battery.LossFraction(batteryTempC);
            // Induction excitation loss is drawn whenever the motor turns, driving or regenerating.
            float excitationW = speedMps > 0.05f ? vp.InductionLossN * speedMps : 0f;
            if (wheelW >= 0f)
            {
                return wheelW / vp.TractionEfficiency * (1f + loss) + excitationW;
            }

            return excitationW + wheelW * vp.RegenEfficiency * RoadLoad.RegenDecelEfficiency(accelMps2, vp.RegenLambdaMps2)
                * vp.Battery.RegenAcceptance(batteryTempC, socPercent) * (1f - loss);
        }

        /// <summary>Typical positive kinetic energy per metre (Σ max(0, Δ(v²/2)) / distance), m/s², when the plan has none: 0.18 in town falling to 0.07 at ≥ 90 km/h (UDDS 0.175, HWFET 0.071).</summary>
        public static float DefaultPkeMps2(float speedKmh)
        {
            if (speedKmh <= 30f)
            {
                return 0.18f;
            }

            if (speedKmh >= 90f)
            {
                return 0.07f;
            }

            return 0.18f - 0.11f * (speedKmh - 30f) / 60f;
        }

        /// <summary>
        /// Segment energies at the battery before battery losses and regen acceptance (both applied by the caller
        /// from the pack temperature): driveWh drawn for traction, regenWh offered by braking and descents.
        /// </summary>
        public static void SegmentEnergy(VehicleParams vp, float lengthM, float elevationChangeM, float speedKmh,
            float pkeMps2, float ambientC, float headwindMps, out float driveWh, out float regenWh)
        {
            float v = speedKmh / 3.6f;
            float road = RoadLoad.ForceN(vp, v, ambientC, 0f, headwindMps) * lengthM;
            float grade = vp.MassKg * RoadLoad.GravityMps2 * elevationChangeM;
            // Kinetic energy of the speed changes: the coasted share pays road load that the road term already
            // charged as traction, so it cancels; only the braked share costs (1/η_t − η_r·η_rb) of itself.
            float braked = vp.MassKg * pkeMps2 * lengthM * (1f - vp.CoastShare);
            float steady = road + grade;
            float drive = braked + (steady > 0f ? steady : 0f);
            float brakeRegen = braked * RoadLoad.RegenDecelEfficiency(vp.TypicalBrakeDecelMps2, vp.RegenLambdaMps2);
            float descent = steady < 0f ? -steady : 0f;
            driveWh = (drive / vp.TractionEfficiency + vp.InductionLossN * lengthM) / 3600f;
            regenWh = (brakeRegen + descent) * vp.RegenEfficiency / 3600f;
        }
    }
}
