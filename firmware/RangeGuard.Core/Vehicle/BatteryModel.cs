namespace RangeGuard.Vehicle
{
    /// <summary>
    /// Traction battery: usable energy, losses and regen acceptance vs temperature, thermal data for the
    /// preconditioning planner, and the charging power curve. Temperature laws are stated assumptions
    /// (no primary pack table exists, notes B4); every constant is a public field so config can override it.
    /// </summary>
    public sealed class BatteryModel
    {
        /// <summary>Marketed pack size, kWh.</summary>
        public float NominalKwh = 60f;

        /// <summary>Usable share of nominal at 20 °C and 100 % health (vehicles.md: typically 0.90-0.95).</summary>
        public float UsableFraction = 0.92f;

        /// <summary>State of health, % of new capacity.</summary>
        public float SohPercent = 100f;

        /// <summary>Usable capacity lost per K below 20 °C (fraction/K) and the floor of the capacity factor.</summary>
        public float CapacityLossPerK = 0.004f;
        public float CapacityFloor = 0.75f;

        /// <summary>Resistive loss as a fraction of throughput at 25 °C, and its growth per K colder (ln 4 / 45 K: 4× at −20 °C, notes B4).</summary>
        public float LossFractionAt25C = 0.02f;
        public float LossGrowthPerK = 0.0308f;

        /// <summary>Regen acceptance: fraction accepted at/below RegenColdTempC rising linearly to 1 at RegenFullTempC; tapering to 0 from RegenSocTaperStart to 100 %.</summary>
        public float RegenColdFraction = 0.25f;
        public float RegenColdTempC = 0f;
        public float RegenFullTempC = 15f;
        public float RegenSocTaperStart = 90f;

        /// <summary>Pack thermal mass, J/K (pack mass × specific heat).</summary>
        public float ThermalMassJPerK = 400000f;

        /// <summary>Battery heater electrical power, W.</summary>
        public float HeaterPowerW = 5000f;

        /// <summary>Heat transfer from pack to ambient while parked, W/K.</summary>
        public float HeatTransferWPerK = 10f;

        /// <summary>Charging limits: on-board AC charger kW, peak DC kW, the DC taper SOC and the pack temperature for full DC power.</summary>
        public float AcMaxKw = 11f;
        public float DcMaxKw = 100f;
        public float DcTaperStartSoc = 50f;
        public float DcFullPowerTempC = 25f;

        /// <summary>Capacity factor vs temperature (1 at ≥ 20 °C).</summary>
        public float CapacityFactor(float batteryTempC)
        {
            if (batteryTempC >= 20f)
            {
                return 1f;
            }

            float f = 1f - CapacityLossPerK * (20f - batteryTempC);
            return f < CapacityFloor ? CapacityFloor : f;
        }

        /// <summary>Usable energy of a full pack at this temperature, kWh.</summary>
        public float UsableEnergyKwh(float batteryTempC)
        {
            return NominalKwh * UsableFraction * (SohPercent / 100f) * CapacityFactor(batteryTempC);
        }

        /// <summary>Resistive loss fraction of throughput (drive energy × (1 + this)), capped at 0.25.</summary>
        public float LossFraction(float batteryTempC)
        {
            float f = LossFractionAt25C * (float)RangeGuard.Common.DMath.Exp(LossGrowthPerK * (25f - batteryTempC));
            return f > 0.25f ? 0.25f : f;
        }

        /// <summary>
        /// Mean regen acceptance while the SOC falls from <paramref name="socStartPercent"/> to <paramref name="socEndPercent"/>
        /// (regen offered evenly along the way): a full pack refuses regen only for its first few percent, not for a whole
        /// leg. Closed-form mean of the SOC taper; the temperature part at <paramref name="batteryTempC"/>.
        /// </summary>
        public float RegenAcceptanceOverSoc(float batteryTempC, float socStartPercent, float socEndPercent)
        {
            float hi = socStartPercent > socEndPercent ? socStartPercent : socEndPercent;
            float lo = socStartPercent > socEndPercent ? socEndPercent : socStartPercent;
            if (hi - lo < 0.01f || hi <= RegenSocTaperStart)
            {
                return RegenAcceptance(batteryTempC, 0.5f * (hi + lo));
            }

            float mean = (TaperIntegral(hi) - TaperIntegral(lo)) / (hi - lo);
            return RegenAcceptance(batteryTempC, 0f) * mean;
        }

        /// <summary>∫₀^soc of the SOC taper (1 up to RegenSocTaperStart, falling linearly to 0 at 100 %), %.</summary>
        private float TaperIntegral(float soc)
        {
            soc = soc > 100f ? 100f : (soc < 0f ? 0f : soc);
            float s0 = RegenSocTaperStart;
            if (soc <= s0)
            {
                return soc;
            }

            float span = 100f - s0;
            float a = 100f - soc;
            return s0 + (span * span - a * a) / (2f * span);
        }

        /// <summary>Share of the available regen energy the pack accepts (cold and full packs accept less).</summary>
        public float RegenAcceptance(float batteryTempC, float socPercent)
        {
            float t;
            if (batteryTempC <= RegenColdTempC)
            {
                t = RegenColdFraction;
            }
            else if (batteryTempC >= RegenFullTempC)
            {
                t = 1f;
            }
            else
            {
                t = RegenColdFraction + (1f - RegenColdFraction) * (batteryTempC - RegenColdTempC) / (RegenFullTempC - RegenColdTempC);
            }

            if (socPercent > RegenSocTaperStart)
            {
                float s = (100f - socPercent) / (100f - RegenSocTaperStart);
                t *= s < 0f ? 0f : s;
            }

            return t;
        }

        /// <summary>
        /// Charging power into the pack, kW. AC: min(charger, on-board charger), halved below 0 °C.
        /// DC: peak × SOC taper (1 below DcTaperStartSoc, 0.45 at 80 %, 0.1 at 100 %) × temperature factor
        /// (1 at ≥ DcFullPowerTempC falling linearly to 0.3 at 0 °C, 0.15 below −10 °C: cold packs charge slowly, notes B6).
        /// </summary>
        public float ChargePowerKw(float socPercent, float batteryTempC, float chargerKw, bool isDc)
        {
            if (socPercent >= 100f || chargerKw <= 0f)
            {
                return 0f;
            }

            if (!isDc)
            {
                float ac = chargerKw < AcMaxKw ? chargerKw : AcMaxKw;
                return batteryTempC < 0f ? ac * 0.5f : ac;
            }

            float taper;
            if (socPercent <= DcTaperStartSoc)
            {
                taper = 1f;
            }
            else if (socPercent <= 80f)
            {
                taper = 1f - 0.55f * (socPercent - DcTaperStartSoc) / (80f - DcTaperStartSoc);
            }
            else
            {
                taper = 0.45f - 0.35f * (socPercent - 80f) / 20f;
            }

            float temp;
            if (batteryTempC >= DcFullPowerTempC)
            {
                temp = 1f;
            }
            else if (batteryTempC >= 0f)
            {
                temp = 0.3f + 0.7f * batteryTempC / DcFullPowerTempC;
            }
            else
            {
                temp = batteryTempC <= -10f ? 0.15f : 0.3f - 0.15f * (-batteryTempC / 10f);
            }

            float p = DcMaxKw * taper * temp;
            return p < chargerKw ? p : chargerKw;
        }

        /// <summary>Minutes to charge from one SOC to another at a constant pack temperature, integrated in 1 % steps (no allocation).</summary>
        public float ChargeMinutes(float fromSoc, float toSoc, float batteryTempC, float chargerKw, bool isDc)
        {
            if (toSoc > 100f)
            {
                toSoc = 100f;
            }

            float kwhPerPercent = UsableEnergyKwh(batteryTempC) / 100f;
            float minutes = 0f;
            float soc = fromSoc < 0f ? 0f : fromSoc;
            while (soc < toSoc)
            {
                float step = toSoc - soc < 1f ? toSoc - soc : 1f;
                float p = ChargePowerKw(soc + step * 0.5f, batteryTempC, chargerKw, isDc);
                if (p <= 0.01f)
                {
                    return -1f;
                }

                minutes += kwhPerPercent * step / p * 60f;
                soc += step;
            }

            return minutes;
        }

        public BatteryModel Clone()
        {
            return (BatteryModel)MemberwiseClone();
        }
    }
}
