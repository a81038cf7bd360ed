using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Running
{
    /// <summary>
    /// One charge stop's time advice against the truth: what the board advised at the first tick of the session ("N min to
    /// X %") and how long the truth car, started from the same state at the same charger, takes to reach X %. Then, once
    /// the board has measured the charge for <see cref="SettleMinutes"/> (still charging there, its advice still naming this
    /// charger), the minutes charged plus the minutes it advised then to its SOC then, against the truth car's time from the
    /// stop's start to that SOC (NaN if the stop ended before).
    /// </summary>
    public sealed record ChargeAdviceCheck(string Charger, bool IsDc, double PowerKw, double FromSocPercent, double ToSocPercent,
        double PackTempC, double AmbientC, double AdvisedMinutes, double TruthMinutes, double SettledToSocPercent = double.NaN,
        double SettledTotalMinutes = double.NaN, double SettledTruthMinutes = double.NaN)
    {
        /// <summary>Minutes into the stop of the second look: the measured charge has replaced the rating by then.</summary>
        public const double SettleMinutes = 10;

        /// <summary>(advised − truth) / truth, %.</summary>
        public double ErrorPercent => TruthMinutes > 0 ? (AdvisedMinutes - TruthMinutes) / TruthMinutes * 100 : double.NaN;

        /// <summary>(charged + advised after <see cref="SettleMinutes"/> − truth) / truth, %; NaN without that look.</summary>
        public double SettledErrorPercent => SettledTruthMinutes > 0 ? (SettledTotalMinutes - SettledTruthMinutes) / SettledTruthMinutes * 100 : double.NaN;
    }

    /// <summary>
    /// The charge-time advice of a run against the truth: the runner takes the board's advice and the truth state at the
    /// first tick of every charge stop whose advice names that charger (<see cref="RunResult.ChargeAdvice"/>);
    /// <see cref="TruthMinutes"/> charges a fresh truth car from that state to the advised SOC.
    /// </summary>
    public static class ChargeAdviceAudit
    {
        /// <summary>
        /// Minutes the truth car takes to charge from <paramref name="fromSoc"/> to <paramref name="toSoc"/> at a charger of
        /// <paramref name="chargerKw"/>, parked with the climate off at a constant ambient; +∞ if it does not get there in 24 h.
        /// Nothing heats its pack but the truth's own BMS: where the agent heats the pack at the charger for the departure,
        /// the run's car charges faster than this reference (simulator README, the sweep's charge-time advice).
        /// </summary>
        public static double TruthMinutes(VehicleParameters p, double fromSoc, double toSoc, double packC, double cabinC, double ambientC,
            double chargerKw, bool dc)
        {
            var car = new TruthCar(p, fromSoc, packC, cabinC);
            var u = new CarInputs
            {
                AmbientC = ambientC,
                CabinSetpointC = double.NaN,
                CabinHeaterCapW = double.PositiveInfinity,
                Plugged = true,
                ChargerW = chargerKw * 1000,
                ChargerIsDc = dc,
                ChargeEnabled = true,
            };
            const double dt = 0.5;
            for (double t = 0; t < 24 * 3600; t += dt)
            {
                if (car.Battery.SocPercent >= toSoc)
                {
                    return t / 60;
                }

                car.Step(dt, in u);
            }

            return double.PositiveInfinity;
        }
    }
}
