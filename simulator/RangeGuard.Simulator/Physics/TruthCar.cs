using System;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// The simulated car ("truth"): explicit time stepping of speed, battery charge and temperature, cabin, charging.
    /// Independent of the agent's predictor on purpose. Step allocates nothing.
    /// </summary>
    public sealed class TruthCar
    {
        public const double MaxAccelMps2 = 3.0;

        /// <summary>Below this much wheel power available the car cannot keep moving: it shuts down.</summary>
        public const double MinCrawlPowerW = 3000;

        /// <summary>The BMS heater, once on, runs until the pack is this much above its threshold.</summary>
        public const double BmsHeaterHysteresisK = 3.0;

        private readonly VehicleParameters _p;
        private bool _bmsHeating;

        public TruthCar(VehicleParameters p, double socPercent, double batteryTempC, double cabinTempC)
        {
            _p = p;
            Battery = new BatteryPack(p, socPercent, batteryTempC);
            Cabin = new CabinHvac(p, cabinTempC);
        }

        public VehicleParameters Parameters => _p;
        public BatteryPack Battery { get; }
        public CabinHvac Cabin { get; }

        public double SpeedMps { get; set; }
        public double AccelMps2 { get; private set; }

        /// <summary>Distance driven in total (also off-route), m.</summary>
        public double OdometerM { get; set; }

        /// <summary>True once the pack could no longer deliver the power asked for, or reached its usable floor while driving.</summary>
        public bool Stranded { get; private set; }
        public string StrandReason { get; private set; } = string.Empty;

        // Last-step outputs.
        public double WheelPowerW { get; private set; }
        public double DriveElectricW { get; private set; }
        public double HvacW { get; private set; }
        public double BatteryHeaterW { get; private set; }
        public double AuxW { get; private set; }
        public double ChargerInputW { get; private set; }
        public double PackPowerW { get; private set; }
        public double PackCurrentA { get; private set; }
        public double PackVoltageV { get; private set; }
        public double PackLossW { get; private set; }

        /// <summary>0 not plugged, 1 plugged not charging, 2 AC charging, 3 DC charging (as InputId.ChargingState).</summary>
        public int ChargingState { get; private set; }

        // Totals.
        public double BatteryOutKwh { get; private set; }
        public double BatteryInKwh { get; private set; }
        public double RegenKwh { get; private set; }
        public double GridKwh { get; private set; }
        public double HvacKwh { get; private set; }
        public double HeaterKwh { get; private set; }

        public void Step(double dtS, in CarInputs u)
        {
            BatteryPack b = Battery;

            // Auxiliaries, cabin and the battery heater (the BMS's own cold protection or the board's preconditioning request).
            double aux = u.CarOn || u.Driving ? _p.BaseAuxW : _p.ParkedDrainW;
            double hvac = u.CarOn || u.Driving ? Cabin.Step(dtS, u.AmbientC, u.CabinSetpointC, u.CabinHeaterCapW, u.SolarW)
                : Cabin.Step(dtS, u.AmbientC, double.NaN, 0, u.SolarW);
            bool chargingNow = u.Plugged && u.ChargerW > 0;
            // The BMS's own heating, with a hysteresis band so the heater does not chatter at the threshold.
            double threshold = u.Driving ? _p.BmsDriveHeatBelowC : (chargingNow && u.ChargeEnabled ? _p.BmsChargeHeatBelowC : double.NegativeInfinity);
            _bmsHeating = _bmsHeating ? b.TempC < threshold + BmsHeaterHysteresisK : b.TempC < threshold;
            bool bmsHeat = _bmsHeating;
            double heaterW = 0;
            if ((bmsHeat || u.BoardHeaterRequest) && _p.BatteryHeaterW > 0)
            {
                heaterW = _p.BatteryHeaterW;
            }


            // Traction: the driver's acceleration, limited by the motor's power and by what the pack can give.
            double v0 = SpeedMps;
            double accel = u.Driving && !Stranded ? Math.Clamp(u.DesiredAccelMps2, -8.0, MaxAccelMps2) : (v0 > 0 ? -3.0 : 0);
            if (v0 + accel * dtS < 0)
            {
                accel = -v0 / dtS;
            }

            double vMid = v0 + 0.5 * accel * dtS;
            double force = RoadLoad.TractiveForceN(_p, vMid, accel, u.Grade, u.AmbientC, u.ElevationM, u.HeadwindMps, u.PayloadKg);
            double wheelW = force * vMid;
            // The motor's rating and what the pack can still deliver at its cut-off voltage, after the other loads, cap traction.
            double packLimitW = (0.98 * b.MaxDischargePowerW - aux - hvac - heaterW) * _p.TractionEfficiency;
            double wheelLimitW = Math.Min(_p.MaxDrivePowerW, packLimitW);
            bool powerStarved = u.Driving && !Stranded && wheelLimitW < MinCrawlPowerW;
            if (wheelW > wheelLimitW && !powerStarved)
            {
                double mass = _p.TestMassKg + u.PayloadKg;
                accel -= (wheelW - wheelLimitW) / Math.Max(vMid, 1.0) / mass;
                vMid = v0 + 0.5 * accel * dtS;
                wheelW = wheelLimitW;
            }

            double driveW = 0;
            double regenW = 0;
            if (wheelW >= 0)
            {
                driveW = wheelW / _p.TractionEfficiency;
            }
            else
            {
                // Regen takes braking up to the blending deceleration and the power the cold/full pack accepts; friction the rest.
                double regenShare = accel < -_p.RegenMaxDecelMps2 ? _p.RegenMaxDecelMps2 / -accel : 1.0;
                double limit = _p.MaxRegenPowerW * _p.RegenTempFactor.Eval(b.TempC) * _p.RegenSocFactor.Eval(b.SocPercent);
                limit = Math.Min(limit, b.MaxChargePowerW);
                regenW = Math.Min(-wheelW * regenShare * _p.RegenEfficiency, limit);
                driveW = -regenW;
            }

            double loadsW = driveW + aux + hvac;
            double chargerIn = 0;
            double packW;
            int chargingState = u.Plugged ? 1 : 0;
            if (chargingNow)
            {
                double inputW = ChargingModel.InputLimitW(_p, u.ChargerW, u.ChargerIsDc);
                double eff = ChargingModel.Efficiency(_p, u.ChargerIsDc);
                double availW = inputW * eff;
                if (bmsHeat && !u.BoardHeaterRequest)
                {
                    heaterW = Math.Min(heaterW, availW * _p.ChargeHeaterMaxShare);
                }

                double toPack = 0;
                if (u.ChargeEnabled)
                {
                    toPack = Math.Min(ChargingModel.PackAcceptW(_p, b.SocPercent, b.TempC, u.ChargerIsDc), b.MaxChargePowerW);
                    toPack = Math.Max(0, Math.Min(toPack, availW - loadsW - heaterW));
                    if (toPack > 0)
                    {
                        chargingState = u.ChargerIsDc ? 3 : 2;
                    }
                }

                // The grid supplies the loads (up to its limit) plus the charge; the pack covers any shortfall.
                double fromGrid = Math.Min(availW, loadsW + heaterW + toPack);
                chargerIn = fromGrid / eff;
                packW = loadsW + heaterW - fromGrid;
            }
            else
            {
                packW = loadsW + heaterW;
            }

            bool ok = b.SolveCurrent(packW, out double current);
            if (u.Driving && (powerStarved || !ok || (packW > 0 && b.SocPercent <= b.SocFloorPercent)))
            {
                // The pack cannot deliver: the car shuts down where it is.
                Stranded = true;
                StrandReason = powerStarved || !ok ? "pack voltage at cut-off (power limit)" : "usable energy exhausted (SOC at the cold floor)";
                accel = -v0 / dtS;
                vMid = v0 / 2;
                driveW = 0;
                wheelW = 0;
                packW = aux;
                b.SolveCurrent(Math.Min(packW, b.MaxDischargePowerW), out current);
            }

            double ua = u.Driving ? _p.PackUaDrivingWPerK : _p.PackUaParkedWPerK;
            PackVoltageV = b.TerminalVoltageV(current);
            PackLossW = b.Apply(current, dtS, heaterW, u.AmbientC, ua);

            SpeedMps = Math.Max(0, v0 + accel * dtS);
            AccelMps2 = accel;
            OdometerM += vMid * dtS;

            double h = dtS / 3.6e6;
            double termW = PackVoltageV * current;
            if (termW > 0)
            {
                BatteryOutKwh += termW * h;
            }
            else
            {
                BatteryInKwh -= termW * h;
            }

            RegenKwh += regenW * h;
            GridKwh += chargerIn * h;
            HvacKwh += hvac * h;
            HeaterKwh += heaterW * h;

            WheelPowerW = wheelW;
            DriveElectricW = driveW;
            HvacW = hvac;
            BatteryHeaterW = heaterW;
            AuxW = aux;
            ChargerInputW = chargerIn;
            PackPowerW = termW;
            PackCurrentA = current;
            ChargingState = chargingState;
        }

        /// <summary>Returns to the road after a tow/rescue: the runner decides; the car itself just clears the flag.</summary>
        public void ClearStranded()
        {
            Stranded = false;
            StrandReason = string.Empty;
        }
    }
}
