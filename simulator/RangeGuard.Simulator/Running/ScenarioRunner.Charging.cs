// ScenarioRunner: charge steps, plugging in and out, charge sessions and the audit of the agent's charge-time advice.
using System;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    public sealed partial class ScenarioRunner
    {
        private void Charge(ItineraryStep st)
        {
            ChargerSpec ch = _s.Chargers[st.ChargerIndex];
            _phase = CarPhase.Charging;
            _chargerIndex = st.ChargerIndex;
            // The departure the navigation knows: the driver's planned stop. A driver who follows advice decides the stop from
            // the advice, so none is known until the advice has been read (or found to name no charge here).
            long plannedDepartureMs = double.IsNaN(st.Minutes) ? -1 : _startUnixMs + (long)((_t + st.Minutes * 60) * 1000);
            _nextDepartureMs = _following ? -1 : plannedDepartureMs;
            SetClimate(st.CabinSetpointC ?? double.NaN, double.PositiveInfinity);
            _u.Driving = false;
            _u.CarOn = !double.IsNaN(st.CabinSetpointC ?? double.NaN);
            Plug(ch.PowerKw * _s.Perturb.ChargerPowerFactor * 1000, ch.IsDc);
            double t0 = _t;
            bool adviceAudited = false, adviceSettled = false;
            var start = new ChargeStart(_car.Battery.SocPercent, _car.Battery.TempC, _car.Cabin.CabinTempC, _u.AmbientC,
                ch.PowerKw * _s.Perturb.ChargerPowerFactor, ch.IsDc);
            var session = new SessionStart(_t, _car.Battery.SocPercent, _car.GridKwh, _car.Battery.TempC);
            while (true)
            {
                double toSoc = st.ToSocPercent;
                double minutes = st.Minutes;
                if (_following)
                {
                    BoardAdvice adv = _board.View.Advice;
                    bool advisedHere = adv.ChargerIndex == st.ChargerIndex && !double.IsNaN(adv.ChargeToSocPercent);
                    if (!advisedHere && _nextDepartureMs < 0 && _t > t0)
                    {
                        _nextDepartureMs = plannedDepartureMs; // the advice names no charge here: the driver's own plan
                    }

                    if (adv.ChargerIndex < 0 || adv.ChargerIndex == st.ChargerIndex)
                    {
                        if (!double.IsNaN(adv.ChargeToSocPercent))
                        {
                            // Charge until the advised SOC, whatever the driver had planned; the departure the navigation
                            // knows moves with it (the advised minutes left, whole minutes, never before the planned one).
                            toSoc = double.IsNaN(toSoc) ? adv.ChargeToSocPercent : Math.Max(toSoc, adv.ChargeToSocPercent);
                            minutes = double.NaN;
                            _r.AdviceSource = "board";
                            if (!double.IsNaN(adv.ChargeMinutes))
                            {
                                double endS = Math.Max(double.IsNaN(st.Minutes) ? 0 : t0 + st.Minutes * 60, _t + Math.Ceiling(adv.ChargeMinutes) * 60);
                                _nextDepartureMs = _startUnixMs + (long)(Math.Round(endS / 60) * 60 * 1000);
                            }
                        }
                        else if (!double.IsNaN(adv.ChargeMinutes))
                        {
                            minutes = double.IsNaN(minutes) ? adv.ChargeMinutes : Math.Max(minutes, adv.ChargeMinutes);
                            _r.AdviceSource = "board";
                        }
                    }
                }

                double soc = _car.Battery.SocPercent;
                bool done = (!double.IsNaN(toSoc) && soc >= toSoc) || (!double.IsNaN(minutes) && _t - t0 >= minutes * 60 - 1e-9)
                    || _t - t0 >= MaxChargeStepS || soc >= 99.99;
                if (done)
                {
                    break;
                }

                _u.ChargeEnabled = true;
                for (int k = 0; k < Substeps; k++)
                {
                    SubStep(0, onRoute: false);
                }

                Tick();
                if (!adviceAudited && _t - t0 <= 60)
                {
                    adviceAudited = AuditChargeAdvice(st.ChargerIndex, ch);
                }
                else if (adviceAudited && !adviceSettled && _t - t0 >= ChargeAdviceCheck.SettleMinutes * 60)
                {
                    adviceSettled = true;
                    SettleChargeAdvice(st.ChargerIndex, (_t - t0) / 60, start);
                }
            }

            RecordSession(session, ch.Name, ch.IsDc);
            Unplug();
            _chargerIndex = -1;
        }

        /// <summary>
        /// The first advice of a charge stop that names this charger ("N min to X %", within its first minute) against the
        /// time a fresh truth car takes from the state now to X %; true once taken.
        /// </summary>
        private bool AuditChargeAdvice(int chargerIndex, ChargerSpec ch)
        {
            BoardAdvice a = _board.View.Advice;
            if (a.ChargerIndex != chargerIndex || double.IsNaN(a.ChargeToSocPercent) || double.IsNaN(a.ChargeMinutes)
                || a.ChargeToSocPercent <= _snap.SocReportedPercent + 1)
            {
                return false;
            }

            double kw = ch.PowerKw * _s.Perturb.ChargerPowerFactor;
            double truth = ChargeAdviceAudit.TruthMinutes(_s.Vehicle, _car.Battery.SocPercent, a.ChargeToSocPercent, _car.Battery.TempC,
                _car.Cabin.CabinTempC, _u.AmbientC, kw, ch.IsDc);
            _r.ChargeAdvice.Add(new ChargeAdviceCheck(ch.Name, ch.IsDc, kw, _snap.SocReportedPercent, a.ChargeToSocPercent, _car.Battery.TempC,
                _u.AmbientC, a.ChargeMinutes, truth));
            return true;
        }

        /// <summary>The truth car's state and the charger at the first tick of a charge stop.</summary>
        private readonly record struct ChargeStart(double SocPercent, double PackC, double CabinC, double AmbientC, double Kw, bool Dc);

        /// <summary>
        /// The second look at the audited advice: minutes charged + minutes advised now to the SOC advised now, if it still
        /// names this charger, against a fresh truth car charged from the stop's start to that SOC.
        /// </summary>
        private void SettleChargeAdvice(int chargerIndex, double chargedMinutes, ChargeStart s)
        {
            BoardAdvice a = _board.View.Advice;
            if (a.ChargerIndex != chargerIndex || double.IsNaN(a.ChargeMinutes) || double.IsNaN(a.ChargeToSocPercent))
            {
                return;
            }

            double truth = ChargeAdviceAudit.TruthMinutes(_s.Vehicle, s.SocPercent, a.ChargeToSocPercent, s.PackC, s.CabinC, s.AmbientC, s.Kw, s.Dc);
            _r.ChargeAdvice[^1] = _r.ChargeAdvice[^1] with
            {
                SettledToSocPercent = a.ChargeToSocPercent,
                SettledTotalMinutes = chargedMinutes + a.ChargeMinutes,
                SettledTruthMinutes = truth,
            };
        }

        private void Plug(double chargerW, bool dc)
        {
            _u.Plugged = true;
            _u.ChargerW = chargerW;
            _u.ChargerIsDc = dc;
            _u.ChargeEnabled = true;
        }

        private void Unplug()
        {
            _u.Plugged = false;
            _u.ChargerW = 0;
            _u.ChargerIsDc = false;
            _u.ChargeEnabled = false;
        }

        private readonly record struct SessionStart(double T, double Soc, double GridKwh, double TempC);

        private void RecordSession(SessionStart s, string where, bool dc)
        {
            double minutes = (_t - s.T) / 60;
            double grid = _car.GridKwh - s.GridKwh;
            _r.ChargeSessions.Add(new ChargeSession(_stepIndex, where, dc, s.T, minutes, s.Soc, _car.Battery.SocPercent, grid,
                minutes > 0 ? grid / (minutes / 60) : 0, s.TempC, _car.Battery.TempC));
        }
    }
}
