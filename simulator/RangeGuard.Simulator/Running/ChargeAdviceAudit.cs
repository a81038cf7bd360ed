using System;
using System.Collections.Generic;
using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>
    /// One charge stop's time advice against the truth: what the board advised at the first tick of the session ("N min to
    /// X %") and how long the truth car, started from the same state at the same charger, takes to reach X %.
    /// </summary>
    public sealed record ChargeAdviceCheck(string Charger, bool IsDc, double PowerKw, double FromSocPercent, double ToSocPercent,
        double PackTempC, double AmbientC, double AdvisedMinutes, double TruthMinutes)
    {
        /// <summary>(advised − truth) / truth, %.</summary>
        public double ErrorPercent => TruthMinutes > 0 ? (AdvisedMinutes - TruthMinutes) / TruthMinutes * 100 : double.NaN;
    }

    /// <summary>
    /// Audits the charge-time advice of a run: an observer takes the board's advice and the truth state at the first tick of
    /// every charge stop; <see cref="TruthMinutes"/> then charges a fresh truth car from that state to the advised SOC.
    /// </summary>
    public sealed class ChargeAdviceAudit : IRunObserver
    {
        private readonly Scenario _s;
        private int _lastStep = -1;
        private int _sessionStep = -1;
        private double _sessionStartS;

        public ChargeAdviceAudit(Scenario scenario)
        {
            _s = scenario;
        }

        public List<ChargeAdviceCheck> Checks { get; } = new();

        public void OnTick(in TruthSnapshot t, BoardView view)
        {
            if (t.Phase != CarPhase.Charging || t.ChargerIndex < 0 || t.StepIndex == _lastStep)
            {
                return;
            }

            if (t.StepIndex != _sessionStep)
            {
                _sessionStep = t.StepIndex;
                _sessionStartS = t.ElapsedS;
            }

            // The first advice of the session naming this charger, within its first minute.
            BoardAdvice a = view.Advice;
            if (t.ElapsedS - _sessionStartS > 60)
            {
                _lastStep = t.StepIndex;
                return;
            }

            if (a.ChargerIndex != t.ChargerIndex || double.IsNaN(a.ChargeToSocPercent) || double.IsNaN(a.ChargeMinutes)
                || a.ChargeToSocPercent <= t.SocReportedPercent + 1)
            {
                return;
            }

            _lastStep = t.StepIndex;

            ChargerSpec c = _s.Chargers[t.ChargerIndex];
            double kw = c.PowerKw * _s.Perturb.ChargerPowerFactor;
            double truth = TruthMinutes(_s.Vehicle, t.SocPercent, a.ChargeToSocPercent, t.BatteryTempC, t.CabinTempC, t.AmbientTempC, kw, c.IsDc);
            Checks.Add(new ChargeAdviceCheck(c.Name, c.IsDc, kw, t.SocReportedPercent, a.ChargeToSocPercent, t.BatteryTempC, t.AmbientTempC,
                a.ChargeMinutes, truth));
        }

        public void OnAlert(BoardAlert alert)
        {
        }

        public void OnStepStarted(int index, string label)
        {
        }

        /// <summary>
        /// Minutes the truth car takes to charge from <paramref name="fromSoc"/> to <paramref name="toSoc"/> at a charger of
        /// <paramref name="chargerKw"/>, parked with the climate off at a constant ambient; +∞ if it does not get there in 24 h.
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
