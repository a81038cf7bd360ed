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

        /// <summary>
        /// Share of a charger's rated power that reaches the pack: AC through the on-board charger (85-92 % measured for
        /// level-2 charging), DC through cable, contactors and busbars.
        /// </summary>
        public float AcChargeEfficiency = 0.90f;
        public float DcChargeEfficiency = 0.95f;

        /// <summary>CC-CV termination: the charge ends when the current has fallen to this C-rate (C/20, the usual Li-ion cut-off).</summary>
        public float ChargeEndCRate = 0.05f;

        /// <summary>
        /// A pack colder than this is heated by the car while it charges (charging a cold Li-ion cell plates lithium), the
        /// heater taking up to <see cref="ChargeHeaterShare"/> of what the charger delivers.
        /// </summary>
        public float ChargeHeatBelowC = 5f;
        public float ChargeHeaterShare = 0.5f;

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
        /// What the pack accepts, kW (CC-CV): constant current up to the knee, then the charger holds the cell voltage at its
        /// maximum and, the open-circuit voltage rising about linearly with SOC near the top, the current falls linearly
        /// with SOC to the termination current (<see cref="ChargeEndCRate"/>) at 100 %: a line from DcMaxKw at DcTaperStartSoc
        /// to the termination power at 100 %. A lower charging power meets that line later, as a lower current reaches the
        /// voltage limit later. Times a temperature factor (1 at ≥ DcFullPowerTempC, 0.3 at 0 °C, 0.15 below −10 °C: the
        /// BMS limits the current of a cold pack, notes B6).
        /// </summary>
        public float ChargeAcceptKw(float socPercent, float batteryTempC)
        {
            if (socPercent >= 100f)
            {
                return 0f;
            }

            float endKw = ChargeEndCRate * NominalKwh;
            float span = 100f - DcTaperStartSoc;
            float cv = span > 0.1f ? endKw + (DcMaxKw - endKw) * (100f - socPercent) / span : DcMaxKw;
            float p = cv < DcMaxKw ? cv : DcMaxKw;
            return p * ChargeTempFactor(batteryTempC);
        }

        /// <summary>Charge-current limit of a cold pack as a share of the warm one.</summary>
        public float ChargeTempFactor(float batteryTempC)
        {
            if (batteryTempC >= DcFullPowerTempC)
            {
                return 1f;
            }

            if (batteryTempC >= 0f)
            {
                return 0.3f + 0.7f * batteryTempC / DcFullPowerTempC;
            }

            return batteryTempC <= -10f ? 0.15f : 0.3f - 0.15f * (-batteryTempC / 10f);
        }

        /// <summary>What a charger rated <paramref name="chargerKw"/> delivers to the car, kW (AC limited by the on-board charger).</summary>
        public float ChargerDeliveredKw(float chargerKw, bool isDc)
        {
            if (chargerKw <= 0f)
            {
                return 0f;
            }

            if (isDc)
            {
                return chargerKw * DcChargeEfficiency;
            }

            return (chargerKw < AcMaxKw ? chargerKw : AcMaxKw) * AcChargeEfficiency;
        }

        /// <summary>Charging power into the pack, kW: what the charger delivers, at most what the pack accepts (no loads, no heating).</summary>
        public float ChargePowerKw(float socPercent, float batteryTempC, float chargerKw, bool isDc)
        {
            float delivered = ChargerDeliveredKw(chargerKw, isDc);
            float accept = ChargeAcceptKw(socPercent, batteryTempC);
            return delivered < accept ? delivered : accept;
        }

        /// <summary>Minutes to charge from one SOC to another, the pack starting at <paramref name="batteryTempC"/> with no loss to ambient and no loads; see the full overload.</summary>
        public float ChargeMinutes(float fromSoc, float toSoc, float batteryTempC, float chargerKw, bool isDc)
        {
            return ChargeMinutes(fromSoc, toSoc, batteryTempC, batteryTempC, chargerKw, isDc, 0f, 1f, -1f);
        }

        /// <summary>What the car's heater takes of <paramref name="availKw"/> while charging a pack at this temperature, kW.</summary>
        public float ChargeHeaterKw(float batteryTempC, float availKw)
        {
            if (batteryTempC >= ChargeHeatBelowC || HeaterPowerW <= 0f || availKw <= 0f)
            {
                return 0f;
            }

            float share = ChargeHeaterShare * availKw;
            return HeaterPowerW / 1000f < share ? HeaterPowerW / 1000f : share;
        }

        /// <summary>
        /// Minutes to charge from one SOC to another, integrated in 1 % steps (no allocation), -1 if it cannot get there.
        /// Each step: the charger's delivered power less the car's own load (<paramref name="loadKw"/>) and, for a pack below
        /// <see cref="ChargeHeatBelowC"/>, the heater (<see cref="ChargeHeaterKw"/>, or <paramref name="heaterKw"/> when ≥ 0:
        /// measured); at most what the pack accepts (× <paramref name="acceptScale"/>, a correction measured at the charger);
        /// the resistive loss (<see cref="LossFraction"/>) is not stored. The loss, the heater and the heat lost to
        /// <paramref name="ambientC"/> move the pack temperature, which moves the acceptance and the heating. A percent takes
        /// the warm pack's usable energy per percent: the capacity factor of a cold pack says how much of its charge it can
        /// give back, not how much it takes to fill.
        /// </summary>
        public float ChargeMinutes(float fromSoc, float toSoc, float batteryTempC, float ambientC, float chargerKw, bool isDc,
            float loadKw, float acceptScale, float heaterKw)
        {
            float soc;
            float hours = Charge(fromSoc, toSoc > 100f ? 100f : toSoc, float.MaxValue, batteryTempC, ambientC, chargerKw, isDc, loadKw, acceptScale, heaterKw, out soc);
            return hours >= 0f ? hours * 60f : -1f;
        }

        /// <summary>The SOC after charging for <paramref name="minutes"/>, %: the same model as <see cref="ChargeMinutes(float, float, float, float, float, bool, float, float, float)"/>.</summary>
        public float ChargeSocAfter(float fromSoc, float minutes, float batteryTempC, float ambientC, float chargerKw, bool isDc,
            float loadKw, float acceptScale, float heaterKw)
        {
            float soc;
            Charge(fromSoc, 100f, minutes / 60f, batteryTempC, ambientC, chargerKw, isDc, loadKw, acceptScale, heaterKw, out soc);
            return soc;
        }

        /// <summary>Integrates a charge until <paramref name="toSoc"/> or <paramref name="maxHours"/>; hours taken, -1 if it stalls.</summary>
        private float Charge(float fromSoc, float toSoc, float maxHours, float batteryTempC, float ambientC, float chargerKw, bool isDc,
            float loadKw, float acceptScale, float heaterKw, out float soc)
        {
            float avail = ChargerDeliveredKw(chargerKw, isDc) - (loadKw > 0f ? loadKw : 0f);
            float kwhPerPercent = UsableEnergyKwh(20f) / 100f;
            float temp = batteryTempC;
            float hours = 0f;
            soc = fromSoc < 0f ? 0f : fromSoc;
            int guard = 0;
            while (soc < toSoc && hours < maxHours && guard++ < 400)
            {
                float heat = temp >= ChargeHeatBelowC ? 0f : (heaterKw >= 0f ? (heaterKw < avail ? heaterKw : avail) : ChargeHeaterKw(temp, avail));
                float step = toSoc - soc < 1f ? toSoc - soc : 1f;
                float accept = ChargeAcceptKw(soc + step * 0.5f, temp) * acceptScale;
                float p = avail - heat;
                p = p < accept ? p : accept;
                float lossFrac = LossFraction(temp);
                float stored = p * (1f - lossFrac);
                float dtH;
                if (stored > 0.01f)
                {
                    dtH = kwhPerPercent * step / stored;
                    if (hours + dtH > maxHours)
                    {
                        step *= (maxHours - hours) / dtH;
                        dtH = maxHours - hours;
                    }

                    soc += step;
                }
                else if (heat > 0f)
                {
                    // Nothing left to charge with: only warming, a quarter of the way to the threshold at a time.
                    dtH = 0.25f * ThermalMassJPerK * (ChargeHeatBelowC - temp + 0.1f) / (heat * 1000f) / 3600f;
                    dtH = hours + dtH > maxHours ? maxHours - hours : dtH;
                }
                else
                {
                    return -1f;
                }

                hours += dtH;
                float netW = (p * lossFrac + heat) * 1000f - HeatTransferWPerK * (temp - ambientC);
                temp += netW * dtH * 3600f / ThermalMassJPerK;
            }

            return soc >= toSoc || hours >= maxHours ? hours : -1f;
        }

        public BatteryModel Clone()
        {
            return (BatteryModel)MemberwiseClone();
        }
    }
}
