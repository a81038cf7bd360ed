using System;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// Lumped battery: open-circuit voltage vs SOC, internal resistance vs temperature, coulomb counting, and one thermal node
    /// (I²R losses and heater in, UA·(T − Ta) out). The usable window shrinks in the cold (a rising SOC floor).
    /// </summary>
    public sealed class BatteryPack
    {
        private readonly VehicleParameters _p;
        private readonly double _capacityCoulomb;

        public BatteryPack(VehicleParameters p, double socPercent, double tempC)
        {
            _p = p;
            SocPercent = socPercent;
            TempC = tempC;
            // Capacity so that a full 0→100 % discharge at the open-circuit voltage yields the nominal energy.
            double meanOcv = 0;
            for (int i = 0; i < 100; i++)
            {
                meanOcv += p.CellOcvV.Eval(i + 0.5);
            }

            meanOcv = meanOcv / 100 * p.CellsInSeries;
            _capacityCoulomb = p.NominalEnergyKwh * 3.6e6 / meanOcv;
        }

        public double SocPercent { get; set; }
        public double TempC { get; set; }

        public double CapacityAh => _capacityCoulomb / 3600.0;

        public double OcvV => _p.CellsInSeries * _p.CellOcvV.Eval(SocPercent);

        /// <summary>Pack resistance, ohm: rises in the cold (table) and somewhat at very low SOC.</summary>
        public double ResistanceOhm
        {
            get
            {
                double lowSoc = SocPercent < 10 ? 1.0 + 0.05 * (10 - SocPercent) : 1.0;
                return _p.PackResistance25COhm * _p.ResistanceTempFactor.Eval(TempC) * lowSoc;
            }
        }

        public double SocFloorPercent => _p.SocFloorPercentByTemp.Eval(TempC);

        public double MinPackV => _p.CellMinV * _p.CellsInSeries;
        public double MaxPackV => _p.CellMaxV * _p.CellsInSeries;

        /// <summary>Largest terminal power the pack can deliver before its voltage sags to the cut-off, W.</summary>
        public double MaxDischargePowerW
        {
            get
            {
                double ocv = OcvV;
                double vmin = Math.Max(MinPackV, ocv / 2);
                return ocv <= vmin ? 0 : vmin * (ocv - vmin) / ResistanceOhm;
            }
        }

        /// <summary>Largest terminal power the pack accepts before its voltage rises to the maximum, W.</summary>
        public double MaxChargePowerW
        {
            get
            {
                double ocv = OcvV;
                double vmax = MaxPackV;
                return vmax <= ocv ? 0 : vmax * (vmax - ocv) / ResistanceOhm;
            }
        }

        /// <summary>The car's own range display, km: rated km per % of SOC above what the display hides for this pack temperature.</summary>
        public double DisplayedRangeKm
            => Math.Max(0, SocPercent - _p.DisplayHiddenSocPercentByTemp.Eval(TempC)) * _p.RatedRangeKm / 100.0;

        /// <summary>Energy between the present SOC and the temperature-dependent floor, kWh (at the open-circuit voltage).</summary>
        public double UsableEnergyKwh
        {
            get
            {
                double floor = SocFloorPercent;
                if (SocPercent <= floor)
                {
                    return 0;
                }

                double midV = _p.CellsInSeries * _p.CellOcvV.Eval((SocPercent + floor) / 2);
                return (SocPercent - floor) / 100.0 * _capacityCoulomb * midV / 3.6e6;
            }
        }

        /// <summary>
        /// Current for a terminal power (W, discharge positive): P = (OCV − I·R)·I. False when the pack cannot deliver it;
        /// the current is then the one at the cut-off voltage.
        /// </summary>
        public bool SolveCurrent(double powerW, out double currentA)
        {
            double ocv = OcvV;
            double r = ResistanceOhm;
            if (powerW >= 0 && powerW > MaxDischargePowerW)
            {
                currentA = (ocv - Math.Max(MinPackV, ocv / 2)) / r;
                return false;
            }

            double disc = ocv * ocv - 4 * r * powerW;
            currentA = (ocv - Math.Sqrt(Math.Max(0, disc))) / (2 * r);
            return true;
        }

        public double TerminalVoltageV(double currentA) => OcvV - currentA * ResistanceOhm;

        /// <summary>Advances charge and temperature. Returns the ohmic loss, W.</summary>
        public double Apply(double currentA, double dtS, double heaterW, double ambientC, double uaWPerK)
        {
            double lossW = currentA * currentA * ResistanceOhm;
            SocPercent -= currentA * dtS / _capacityCoulomb * 100.0;
            if (SocPercent < 0)
            {
                SocPercent = 0;
            }

            double heatW = lossW + heaterW - uaWPerK * (TempC - ambientC);
            TempC += heatW * dtS / _p.PackHeatCapacityJPerK;
            return lossW;
        }
    }
}
