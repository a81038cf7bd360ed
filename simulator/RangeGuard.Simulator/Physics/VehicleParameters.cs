namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// Truth-model parameters of one simulated car, in SI units (converted on load from vehicles/*.json).
    /// Deliberately separate from the agent's own vehicle model: the simulated car must not be the predictor.
    /// </summary>
    public sealed class VehicleParameters
    {
        public string Id { get; init; } = string.Empty;
        public string Name { get; init; } = string.Empty;

        // Road load F = A + B v + C v^2 at the EPA coast-down reference (about 20 °C, sea level).
        public double RoadLoadAN { get; init; }
        public double RoadLoadBNPerMps { get; init; }
        public double RoadLoadCNPerMps2 { get; init; }
        public double TestMassKg { get; init; }

        /// <summary>Air temperature at which the coast-down coefficients hold, °C.</summary>
        public double RoadLoadReferenceTempC { get; init; } = 20.0;

        /// <summary>Rolling-resistance rise per °C below the reference (UN R117: 0.008 for C1 tyres).</summary>
        public double RollingTempCoeffPerC { get; init; } = 0.008;

        /// <summary>Cap on the cold rolling-resistance factor (the R117 correction is only validated at 20-30 °C).</summary>
        public double RollingFactorMax { get; init; } = 1.3;

        /// <summary>Battery-to-wheel efficiency when driving (inverter, motor, gearbox).</summary>
        public double TractionEfficiency { get; init; } = 0.85;

        /// <summary>Wheel-to-battery efficiency for the regenerated share of braking.</summary>
        public double RegenEfficiency { get; init; } = 0.75;

        /// <summary>Deceleration above which friction brakes take over the excess, m/s².</summary>
        public double RegenMaxDecelMps2 { get; init; } = 2.0;

        public double MaxRegenPowerW { get; init; } = 60_000;
        public double MaxDrivePowerW { get; init; } = 150_000;

        /// <summary>Regen power factor vs battery temperature (cold packs accept little charge).</summary>
        public Table1D RegenTempFactor { get; init; } = Table1D.Constant(1);

        /// <summary>Regen power factor vs SOC % (a full pack cannot take regen).</summary>
        public Table1D RegenSocFactor { get; init; } = Table1D.Constant(1);

        // Battery.
        public double NominalEnergyKwh { get; init; }
        public int CellsInSeries { get; init; } = 96;

        /// <summary>Cell open-circuit voltage vs SOC %.</summary>
        public Table1D CellOcvV { get; init; } = Table1D.Constant(3.7);
        public double CellMinV { get; init; } = 3.0;
        public double CellMaxV { get; init; } = 4.2;

        /// <summary>Pack resistance at 25 °C, ohm.</summary>
        public double PackResistance25COhm { get; init; } = 0.08;

        /// <summary>Resistance multiplier vs battery temperature °C (1 at 25 °C).</summary>
        public Table1D ResistanceTempFactor { get; init; } = Table1D.Constant(1);

        /// <summary>SOC % below which the BMS stops delivering energy, vs battery temperature: the usable window shrinks in the cold.</summary>
        public Table1D SocFloorPercentByTemp { get; init; } = Table1D.Constant(0);

        public double PackMassKg { get; init; } = 450;
        public double PackSpecificHeatJPerKgK { get; init; } = 1000;
        public double PackUaParkedWPerK { get; init; } = 20;
        public double PackUaDrivingWPerK { get; init; } = 40;
        public double BatteryHeaterW { get; init; } = 5000;

        /// <summary>The car's own BMS heats the pack while driving below this, °C.</summary>
        public double BmsDriveHeatBelowC { get; init; } = -10;

        /// <summary>The car's own BMS heats the pack while charging below this, °C (part of the charger's power goes to the heater).</summary>
        public double BmsChargeHeatBelowC { get; init; } = 10;

        /// <summary>Largest share of the charger's power the BMS diverts to the pack heater.</summary>
        public double ChargeHeaterMaxShare { get; init; } = 0.5;

        // Cabin and auxiliaries.
        public bool HeatPump { get; init; }
        public double CabinHeaterMaxW { get; init; } = 6000;
        public double CabinUaWPerK { get; init; } = 110;
        public double CabinHeatCapacityJPerK { get; init; } = 120_000;

        /// <summary>Heat-pump COP vs ambient °C (ignored for a resistive heater).</summary>
        public Table1D HeatPumpCop { get; init; } = Table1D.Constant(1);
        public double AcCop { get; init; } = 2.5;
        public double SolarGainW { get; init; } = 300;

        /// <summary>12 V systems, pumps, electronics while the car is on, W.</summary>
        public double BaseAuxW { get; init; } = 250;

        /// <summary>Drain while parked and off ("vampire" load), W.</summary>
        public double ParkedDrainW { get; init; } = 30;

        // Charging.
        public double MaxAcChargeW { get; init; } = 7_200;
        public double MaxDcChargeW { get; init; } = 50_000;
        public double AcChargeEfficiency { get; init; } = 0.88;
        public double DcChargeEfficiency { get; init; } = 0.95;

        /// <summary>DC power as a fraction of the maximum vs SOC % (taper).</summary>
        public Table1D DcTaperBySoc { get; init; } = Table1D.Constant(1);

        /// <summary>Largest charge C-rate the BMS allows vs battery temperature °C (cold packs charge slowly).</summary>
        public Table1D MaxChargeCRateByTemp { get; init; } = Table1D.Constant(2);

        /// <summary>Rated (EPA) range, km: the car's own range display counts this per 100 % of SOC.</summary>
        public double RatedRangeKm { get; init; }

        /// <summary>
        /// SOC % the car's range display hides vs pack temperature (the 2013 Model S display derated a cold pack strongly).
        /// Models the car's own estimate, the baseline RangeGuard is compared with; it does not affect the truth.
        /// </summary>
        public Table1D DisplayHiddenSocPercentByTemp { get; init; } = Table1D.Constant(0);

        public double PackHeatCapacityJPerK => PackMassKg * PackSpecificHeatJPerKgK;
    }
}
