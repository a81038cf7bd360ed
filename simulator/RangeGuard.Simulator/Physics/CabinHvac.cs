using System;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// Cabin as one thermal node: losses UA·(Tcabin − Tamb), solar gain, and a heater (resistive, or a heat pump with COP vs
    /// ambient) or an air conditioner driven by a proportional controller towards the setpoint.
    /// </summary>
    public sealed class CabinHvac
    {
        /// <summary>Time constant of the controller pulling the cabin to the setpoint, s.</summary>
        public const double ControlTimeConstantS = 300;
        public const double MaxCoolingW = 5000;

        private readonly VehicleParameters _p;

        public CabinHvac(VehicleParameters p, double cabinTempC)
        {
            _p = p;
            CabinTempC = cabinTempC;
        }

        public double CabinTempC { get; set; }

        /// <summary>Heat delivered to the cabin in the last step, W (negative when cooling).</summary>
        public double ThermalPowerW { get; private set; }

        /// <summary>Electric power drawn in the last step, W.</summary>
        public double ElectricPowerW { get; private set; }

        /// <summary>Advances the cabin. Setpoint NaN = HVAC off. <paramref name="heaterCapW"/> limits heating ("heat on low").</summary>
        public double Step(double dtS, double ambientC, double setpointC, double heaterCapW, double solarW)
        {
            double thermal = 0;
            double electric = 0;
            if (!double.IsNaN(setpointC))
            {
                double demand = _p.CabinUaWPerK * (setpointC - ambientC) - solarW
                    + _p.CabinHeatCapacityJPerK * (setpointC - CabinTempC) / ControlTimeConstantS;
                if (demand > 0)
                {
                    thermal = Math.Min(demand, Math.Min(_p.CabinHeaterMaxW, heaterCapW));
                    electric = thermal / (_p.HeatPump ? HeatPumpCop(ambientC) : 1.0);
                }
                else
                {
                    thermal = -Math.Min(-demand, MaxCoolingW);
                    electric = -thermal / _p.AcCop;
                }
            }

            double net = thermal + solarW - _p.CabinUaWPerK * (CabinTempC - ambientC);
            CabinTempC += net * dtS / _p.CabinHeatCapacityJPerK;
            ThermalPowerW = thermal;
            ElectricPowerW = electric;
            return electric;
        }

        public double HeatPumpCop(double ambientC) => Math.Max(1.0, _p.HeatPumpCop.Eval(ambientC));
    }
}
