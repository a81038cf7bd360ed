using System;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// Drives the truth car over a speed trace on a virtual dynamometer (flat, 23 °C, no wind, climate off, pack warm) and
    /// reports battery and wall energy, for the sanity check against the EPA test-car-list results.
    /// </summary>
    public static class DynoRun
    {
        public sealed record Result(double DistanceKm, double BatteryNetKwh, double WallKwh)
        {
            public double WallWhPerMile => WallKwh * 1000 / (DistanceKm / 1.609344);
            public double BatteryWhPerKm => BatteryNetKwh * 1000 / DistanceKm;
        }

        public static Result Run(VehicleParameters p, double[] speedsMps, double ambientC = 23, double startSocPercent = 80)
        {
            var car = new TruthCar(p, startSocPercent, 25, ambientC);
            var u = new CarInputs
            {
                Driving = true,
                CarOn = true,
                AmbientC = ambientC,
                CabinSetpointC = double.NaN,
                CabinHeaterCapW = double.PositiveInfinity,
            };
            const int sub = 10;
            const double dt = 1.0 / sub;
            for (int i = 0; i < speedsMps.Length - 1; i++)
            {
                for (int k = 0; k < sub; k++)
                {
                    double target = speedsMps[i] + (speedsMps[i + 1] - speedsMps[i]) * (k + 1) / sub;
                    u.DesiredAccelMps2 = (target - car.SpeedMps) / dt;
                    car.Step(dt, in u);
                }
            }

            double net = car.BatteryOutKwh - car.BatteryInKwh;
            return new Result(car.OdometerM / 1000, net, net / p.AcChargeEfficiency);
        }
    }
}
