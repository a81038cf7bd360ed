namespace RangeGuard.Vehicle
{
    /// <summary>
    /// Everything the energy model knows about one car. Road load is the EPA coast-down form at 20 °C
    /// (A N, B N/(m/s), C N/(m/s)²); drivetrain constants are ONE generic set for all presets (see Generic*).
    /// </summary>
    public sealed class VehicleParams
    {
        // ONE generic drivetrain set for every preset: traction efficiency and the induction excitation fraction are the
        // least-squares fit on the relative errors of the 16 EPA dyno rows in the repository (simulator data vehicles.csv +
        // vehicles-induction.csv); `rangeguard dyno` refits them leaving one vehicle out at a time and reports those
        // out-of-fold errors. Regen efficiency, λ (Fiori 2016), base auxiliaries and charging efficiency are fixed, not
        // fitted. Traction efficiency is high because EPA coast-down coefficients already contain the drivetrain's spin
        // losses. A speed-proportional drivetrain loss (a drag force at the battery) was offered to the same fit and came
        // out at its 0 N bound, so the model has none (prediction-validation.md, dyno).
        public const float GenericTractionEfficiency = 0.941f;
        public const float GenericRegenEfficiency = 0.75f;
        public const float GenericAuxBaseW = 300f;
        public const float GenericRegenLambdaMps2 = 0.0411f;

        /// <summary>
        /// Excitation (magnetizing + iron) loss of an induction drive motor while the car moves, as a fraction of the
        /// motor's rated power at InductionLossRefSpeedMps, proportional to speed (iron loss ∝ electrical frequency):
        /// P = fraction·P_rated·v/v_ref, i.e. a constant drag force at the battery. Induction motors only: an EPA
        /// coast-down (in neutral) already contains a permanent-magnet motor's magnet-driven iron loss, but an unpowered
        /// induction motor has no flux, so its excitation loss is missing from the A/B/C coefficients. Identified from
        /// the three single-motor 2013 Model S rows (fitted with the traction efficiency; see above).
        /// </summary>
        public const float GenericInductionLossFraction = 0.0140f;
        public const float InductionLossRefSpeedMps = 27.78f;

        /// <summary>Wall-to-battery charging efficiency used to compare with EPA (wall) figures.</summary>
        public const float GenericChargingEfficiency = 0.90f;

        public string Id = "custom";
        public string Name = "custom";

        /// <summary>Mass including a driver (EPA equivalent test weight for presets), kg.</summary>
        public float MassKg = 1800f;

        public float RoadLoadAN = 150f;
        public float RoadLoadBNPerMps = 0f;
        public float RoadLoadCNPerMps2 = 0.36f;

        /// <summary>
        /// Real road vs EPA coast-down: multiplies the whole road-load force (rough or wet asphalt, wind gusts, tyre
        /// pressure). 1 on the dynamometer; a car-specific value comes only from calibration on that car's own logs.
        /// </summary>
        public float RoadLoadScale = 1f;

        /// <summary>
        /// Rated power of the induction motor(s) that drive the car at light load, kW; 0 when a permanent-magnet motor
        /// does (then an induction secondary motor is left unexcited at cruise). Public spec per preset.
        /// </summary>
        public float InductionDriveKw;

        /// <summary>Battery-side drag of the induction drive's excitation loss, N (0 for permanent-magnet drives).</summary>
        public float InductionLossN
        {
            get { return InductionLossFraction * InductionDriveKw * 1000f / InductionLossRefSpeedMps; }
        }

        /// <summary>Induction excitation loss fraction (GenericInductionLossFraction unless a fit says otherwise).</summary>
        public float InductionLossFraction = GenericInductionLossFraction;
        /// <summary>Battery DC → wheel efficiency while driving (inverter, motor, gears).</summary>
        public float TractionEfficiency = GenericTractionEfficiency;

        /// <summary>Wheel → battery DC efficiency while regenerating, before the deceleration law.</summary>
        public float RegenEfficiency = GenericRegenEfficiency;

        /// <summary>λ of the regen-vs-deceleration law exp(−λ/|a|), m/s².</summary>
        public float RegenLambdaMps2 = GenericRegenLambdaMps2;

        /// <summary>Share of braking kinetic energy eaten by road load during decelerations (not recoverable).</summary>
        public float CoastShare = 0.3f;

        /// <summary>Typical deceleration when braking, m/s² (negative), for the segment model's regen efficiency.</summary>
        public float TypicalBrakeDecelMps2 = -0.6f;

        /// <summary>Always-on auxiliaries (12 V, pumps, electronics), W.</summary>
        public float AuxBaseW = GenericAuxBaseW;

        /// <summary>Cabin heat demand per K of (setpoint − ambient), thermal W/K (conduction + ventilation).</summary>
        public float CabinConductanceWPerK = 130f;

        /// <summary>
        /// Heating starts below setpoint − this, K (sun, occupants and electronics cover the rest; a car at 18 °C
        /// with a 21 °C setpoint barely heats).
        /// </summary>
        public float HvacDeadbandK = 3f;

        /// <summary>
        /// Extra battery energy in the first minutes of a trip beyond drive, HVAC and base load, Wh, released with
        /// time constant StartupTauS (cold gearbox oil and tyres, 12 V battery top-up after parking). 0 unless calibrated
        /// on the car's own logs (TUM i3: ≈ 1 kW decaying over minutes in both seasons, see prediction-validation.md).
        /// </summary>
        public float StartupEnergyWh;
        public float StartupTauS = 300f;

        /// <summary>Time constant of the cabin warm-up after a cold soak, s.</summary>
        public float CabinWarmupTauS = 600f;

        /// <summary>Cabin heat capacity for warm-up from a cold soak, J/K.</summary>
        public float CabinHeatCapacityJPerK = 100000f;

        /// <summary>True for a heat pump (COP = 2.2 + 0.03·T, min 1), false for a resistive heater (COP 1).</summary>
        public bool HeatPump;

        /// <summary>A/C coefficient of performance (small-car compressor at high load).</summary>
        public float AcCop = 2f;

        /// <summary>Sun and occupants load the cabin like this many K of extra ambient: cooling runs above setpoint − this.</summary>
        public float CoolingSolarK = 3f;

        /// <summary>
        /// Multiplies the forecast band's σ (learned-parameter, residual, floor and unseen-condition terms): 1 = the
        /// stated priors; a car-specific value comes from cross-validated calibration of the band's coverage.
        /// </summary>
        public float BandSigmaScale = 1f;

        /// <summary>
        /// Route noise of the forecast band, Wh per √km of the leg: unmodelled local events (a queue, a car park ramp, an
        /// elevation the map lacks) add independent errors along the way, so their σ grows with √distance and, relative to
        /// the leg's energy, matters most on short remaining legs. 0 = none (presets); calibrated per car with BandSigmaScale.
        /// </summary>
        public float RouteNoiseWhPerSqrtKm = 0f;

        /// <summary>
        /// Arrival noise of the forecast band, Wh, whatever the leg's length: the last stretch to a destination (finding a
        /// space, a car-park ramp, the map's elevation at the door) costs an amount no route model sees. 0 = none (presets).
        /// </summary>
        public float ArrivalNoiseWh = 0f;

        /// <summary>Multiplier of the consumption learner's prior σ (ConsumptionLearner.PriorScale); 1 for presets, calibrated per car.</summary>
        public float LearnerPriorScale = 1f;

        public BatteryModel Battery = new BatteryModel();

        /// <summary>EPA measured wall consumption on UDDS / HWFET, Wh/mi (0 = unknown), for the dyno check.</summary>
        public float EpaUddsWallWhPerMi;
        public float EpaHwyWallWhPerMi;

        /// <summary>Heater coefficient of performance at this ambient temperature.</summary>
        public float HeaterCop(float ambientC)
        {
            if (!HeatPump)
            {
                return 1f;
            }

            float cop = 2.2f + 0.03f * ambientC;
            return cop < 1f ? 1f : cop;
        }

        /// <summary>Electrical cabin heating power, W, to hold the setpoint at this ambient.</summary>
        public float HeatingPowerW(float ambientC, float setpointC)
        {
            float dt = setpointC - HvacDeadbandK - ambientC;
            return dt > 0f ? CabinConductanceWPerK * dt / HeaterCop(ambientC) : 0f;
        }

        /// <summary>Electrical cabin cooling power, W.</summary>
        public float CoolingPowerW(float ambientC, float setpointC)
        {
            float dt = ambientC - setpointC + CoolingSolarK;
            return dt > 0f ? CabinConductanceWPerK * dt / AcCop : 0f;
        }

        /// <summary>Heat to bring a cold-soaked cabin from ambient to the setpoint, J (electrical: divided by the COP).</summary>
        public float CabinWarmupEnergyJ(float ambientC, float setpointC)
        {
            float dt = setpointC - ambientC;
            return dt > HvacDeadbandK ? CabinHeatCapacityJPerK * dt / HeaterCop(ambientC) : 0f;
        }

        /// <summary>
        /// Heat to bring the cabin from its temperature at departure to the setpoint, electrical J: warming
        /// C·(set − cabin)/COP, or cooling a heat-soaked cabin C·(cabin − set)/AcCop. No dead band: the HVAC
        /// works at full power on a cabin far from the setpoint (i3 logs: 2.2–2.9 kW mean heater power after a cold soak).
        /// </summary>
        public float CabinConditioningEnergyJ(float cabinStartC, float ambientC, float setpointC)
        {
            float dt = setpointC - cabinStartC;
            if (dt > 0f)
            {
                return CabinHeatCapacityJPerK * dt / HeaterCop(ambientC);
            }

            return -dt * CabinHeatCapacityJPerK / AcCop;
        }

        /// <summary>Sets the road load from physical quantities: A = m·g·Crr, B = 0, C = ½·ρref·CdA.</summary>
        public void SetPhysicalRoadLoad(float massKg, float cdA, float crr)
        {
            MassKg = massKg;
            RoadLoadAN = massKg * RoadLoad.GravityMps2 * crr;
            RoadLoadBNPerMps = 0f;
            RoadLoadCNPerMps2 = 0.5f * RoadLoad.ReferenceAirDensity * cdA;
        }

        /// <summary>Sets the road load from EPA test-car-list units (lbf, lbf/mph, lbf/mph², lb).</summary>
        public void SetEpaRoadLoad(float etwLb, float aLbf, float bLbfPerMph, float cLbfPerMph2)
        {
            MassKg = etwLb * 0.45359237f;
            RoadLoadAN = aLbf * 4.448222f;
            RoadLoadBNPerMps = bLbfPerMph * 9.950389f;
            RoadLoadCNPerMps2 = cLbfPerMph2 * 22.258387f;
        }

        public VehicleParams Clone()
        {
            var copy = (VehicleParams)MemberwiseClone();
            copy.Battery = Battery.Clone();
            return copy;
        }

        /// <summary>A preset by id (every vehicles.csv row plus "rangeguard-ref"); throws ArgumentException if unknown.</summary>
        public static VehicleParams Preset(string id)
        {
            VehicleParams vp = VehiclePresets.Create(id);
            if (vp == null)
            {
                throw new System.ArgumentException("unknown vehicle preset '" + id + "'; known: " + VehiclePresets.IdList());
            }

            return vp;
        }

        /// <summary>Parses key=value config text (see VehicleConfig); on error returns false and a message with line and key.</summary>
        public static bool TryParse(string text, out VehicleParams vehicle, out string error)
        {
            return VehicleConfig.TryParse(text, out vehicle, out error);
        }
    }
}
