using System;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>The itinerary actions and the tick itself.</summary>
    public sealed partial class ScenarioRunner
    {
        private void Drive(ItineraryStep st)
        {
            _phase = CarPhase.Driving;
            _chargerIndex = -1;
            _nextDepartureMs = -1;
            SetClimate(st.CabinSetpointC ?? _s.CabinSetpointC, st.HeaterCapW);
            Unplug();
            _u.Driving = true;
            _u.CarOn = true;
            Route route = _s.Route;
            double limitS = _t + 3600 + (st.ToM - _pos) / 0.5; // generous: stops only a car that cannot move

            while (!_car.Stranded && _t < limitS)
            {
                double remaining = st.ToM - _pos;
                bool cycleDone = route.IsCycle && _cycleT >= route.CycleDurationS;
                if ((remaining < 1.0 || cycleDone) && _car.SpeedMps < 1.5)
                {
                    if (!cycleDone)
                    {
                        _pos = Math.Max(_pos, st.ToM);
                    }

                    _car.SpeedMps = 0;
                    break;
                }

                for (int k = 0; k < Substeps; k++)
                {
                    double target = route.IsCycle ? CycleTarget(st) : CruiseTarget(st);
                    double a = route.IsCycle ? (target - _car.SpeedMps) / Dt : Math.Clamp((target - _car.SpeedMps) / 2.0, -3.0, 1.2);
                    SubStep(a, onRoute: true);
                    _cycleT += Dt;
                }

                Tick();
            }

            // Off-route distance after arriving (e.g. circling a car park looking for the charger).
            double extraLeft = st.ExtraM;
            double vx = st.ExtraSpeedKmh / 3.6;
            while (!_car.Stranded && extraLeft > 1.0)
            {
                for (int k = 0; k < Substeps; k++)
                {
                    double before = _car.OdometerM;
                    double target = Math.Min(vx, Math.Sqrt(2 * ComfortDecelMps2 * Math.Max(0, extraLeft)) + 0.5);
                    SubStep(Math.Clamp((target - _car.SpeedMps) / 2.0, -3.0, 1.2), onRoute: false);
                    extraLeft -= _car.OdometerM - before;
                }

                Tick();
            }

            _car.SpeedMps = 0;
            _u.Driving = false;
        }

        private void Park(ItineraryStep st)
        {
            _phase = CarPhase.Parked;
            _chargerIndex = -1;
            double duration = st.DurationS;
            if (!double.IsNaN(st.UntilLocalHour))
            {
                double h = (st.UntilLocalHour - LocalHour() + 48) % 24;
                duration = h * 3600;
            }

            bool plugged = st.Plugged;
            if (_following && _board.View.Advice.PlugInWhenParked && st.OutletKw > 0 && !plugged && Awake())
            {
                plugged = true;
                _r.AdviceSource = "board";
            }

            double end = _t + duration;
            _nextDepartureMs = _startUnixMs + (long)(end * 1000);
            SetClimate(st.CabinSetpointC ?? double.NaN, double.PositiveInfinity);
            _u.Driving = false;
            _u.CarOn = !double.IsNaN(st.CabinSetpointC ?? double.NaN);
            _u.DesiredAccelMps2 = 0;
            if (plugged)
            {
                Plug(st.OutletKw * 1000, false);
            }
            else
            {
                Unplug();
            }

            var session = new SessionStart(_t, _car.Battery.SocPercent, _car.GridKwh, _car.Battery.TempC);
            while (_t < end - 1e-9)
            {
                // The advice may come only once the car is parked (the board learns the departure then): the driver plugs in,
                // if awake (a sleeping driver sees the advice when waking up).
                if (!plugged && _following && st.OutletKw > 0 && _board.View.Advice.PlugInWhenParked && Awake())
                {
                    plugged = true;
                    _r.AdviceSource = "board";
                    Plug(st.OutletKw * 1000, false);
                    session = new SessionStart(_t, _car.Battery.SocPercent, _car.GridKwh, _car.Battery.TempC);
                }

                _u.ChargeEnabled = _car.Battery.SocPercent < ParkChargeLimitPercent;
                for (int k = 0; k < Substeps; k++)
                {
                    SubStep(0, onRoute: false);
                }

                Tick();
            }

            if (plugged)
            {
                RecordSession(session, st.Label, false);
            }

            Unplug();
        }

        private double LocalHour() => (_startLocalHour + _t / 3600.0) % 24.0;

        /// <summary>The driver is awake now (DriverSpec's window, local time): only an awake driver acts on advice while parked.</summary>
        private bool Awake() => _s.Driver.AwakeAt(LocalHour());

        private void SetClimate(double setpointC, double heaterCapW)
        {
            double sp = setpointC;
            if (_following && !double.IsNaN(sp) && !double.IsNaN(_board.View.Advice.CabinSetpointC))
            {
                sp = Math.Min(sp, _board.View.Advice.CabinSetpointC);
            }

            _u.CabinSetpointC = sp;
            _u.CabinHeaterCapW = heaterCapW;
        }
    }
}
