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
            bool adviceAudited = false;
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

        private double CruiseTarget(ItineraryStep st)
        {
            Route route = _s.Route;
            int i = route.SegmentIndexAt(_pos);
            RoadSegment seg = route.Segments[i];
            double factor = (double.IsNaN(st.SpeedFactor) ? _s.Driver.SpeedFactor : st.SpeedFactor) * _s.Perturb.SpeedFactor
                * (1 + _s.Driver.SpeedVariabilityPercent / 100 * _speedDeviation);
            double cap = double.IsNaN(st.MaxSpeedKmh) ? double.PositiveInfinity : st.MaxSpeedKmh;
            if (_following && !double.IsNaN(_board.View.Advice.MaxSpeedKmh) && _board.View.Advice.MaxSpeedKmh > 0)
            {
                cap = Math.Min(cap, _board.View.Advice.MaxSpeedKmh);
            }

            double v = Math.Min(seg.TypicalSpeedKmh * factor, cap) / 3.6;
            if (i + 1 < route.Segments.Count)
            {
                double vNext = Math.Min(route.Segments[i + 1].TypicalSpeedKmh * factor, cap) / 3.6;
                v = Math.Min(v, Math.Sqrt(vNext * vNext + 2 * ComfortDecelMps2 * Math.Max(0, seg.EndM - _pos)));
            }

            foreach (TrafficJam j in _s.Perturb.Traffic)
            {
                if (_pos < j.ToM && j.FromM - _pos < 2000)
                {
                    double vj = j.SpeedKmh / 3.6;
                    v = Math.Min(v, _pos >= j.FromM ? vj : Math.Sqrt(vj * vj + 2 * ComfortDecelMps2 * (j.FromM - _pos)));
                }
            }

            double remaining = Math.Max(0, st.ToM - _pos);
            return Math.Min(v, Math.Sqrt(2 * ComfortDecelMps2 * remaining) + (remaining > 0.5 ? 0.3 : 0));
        }

        private double CycleTarget(ItineraryStep st)
        {
            double v = _s.Route.CycleSpeedAt(_cycleT + Dt);
            double remaining = Math.Max(0, st.ToM - _pos);
            return Math.Min(v, Math.Sqrt(2 * 2.0 * remaining) + (remaining > 0.5 ? 0.3 : 0));
        }

        /// <summary>The world at the car's place and time: elevation, air temperature, wind (truth + perturbation), sun.</summary>
        private void Environment()
        {
            double elevation = _s.Route.ElevationAt(_pos);
            _u.ElevationM = elevation;
            _u.AmbientC = _s.Weather.TemperatureC(_t, LocalHour(), _pos, elevation);
            _u.HeadwindMps = _s.Weather.HeadwindAt(_pos) + _s.Perturb.HeadwindMps;
            _u.SolarW = _s.Vehicle.SolarGainW * _s.Weather.SolarFactor(LocalHour());
        }

        private void SubStep(double accel, bool onRoute)
        {
            Environment();
            _u.Grade = onRoute && _u.Driving ? _s.Route.GradeAt(_pos) : 0;
            _u.DesiredAccelMps2 = accel;
            _u.BoardHeaterRequest = _board.View.HeaterRequest;
            double before = _car.OdometerM;
            _car.Step(Dt, in _u);
            if (onRoute)
            {
                _pos += _car.OdometerM - before;
            }

            _t += Dt;
        }

        private void Tick()
        {
            if (_car.Stranded)
            {
                _phase = CarPhase.Stranded;
            }

            if (_s.Driver.SpeedVariabilityPercent > 0)
            {
                _speedDeviation = _speedAr * _speedDeviation + Math.Sqrt(1 - _speedAr * _speedAr) * _driverNoise.NextGaussian();
            }

            FillSnapshot();
            _board.Step(in _snap);
            BoardView view = _board.View;
            if (view.Alerts.Count > _alertsSeen)
            {
                for (int i = _alertsSeen; i < view.Alerts.Count; i++)
                {
                    _o.Observer?.OnAlert(view.Alerts[i]);
                }

                _alertsSeen = view.Alerts.Count;
            }

            double soc = _car.Battery.SocPercent;
            if (soc < _r.MinSocPercent)
            {
                _r.MinSocPercent = soc;
                _r.MinSocAtKm = _pos / 1000;
            }

            if (_r.Trace != null && _t >= _nextTraceS)
            {
                _r.Trace.Add(in _snap, view);
                _nextTraceS = _t + _o.TraceIntervalS;
            }

            _r.Ticks++;
            _o.Observer?.OnTick(in _snap, view);
        }

        private void FillSnapshot()
        {
            var b = _car.Battery;
            ref TruthSnapshot s = ref _snap;
            s.TimeUnixMs = _startUnixMs + (long)Math.Round(_t * 1000);
            s.ElapsedS = _t;
            s.LocalHour = LocalHour();
            s.Phase = _phase;
            s.StepIndex = _stepIndex;
            s.NextDepartureUnixMs = _nextDepartureMs;
            s.PositionM = _pos;
            s.OdometerKm = _car.OdometerM / 1000;
            s.SpeedKmh = _car.SpeedMps * 3.6;
            s.AccelMps2 = _car.AccelMps2;
            s.ElevationM = _u.ElevationM;
            s.Grade = _u.Grade;
            s.HeadwindMps = _u.HeadwindMps;
            s.SocPercent = b.SocPercent;
            double noisy = b.SocPercent;
            if (_s.Perturb.SocNoisePercent > 0)
            {
                noisy += _s.Perturb.SocNoisePercent * _noise.NextGaussian();
            }

            s.SocReportedPercent = Math.Clamp(noisy, 0, 100);
            s.SocFloorPercent = b.SocFloorPercent;
            s.UsableEnergyKwh = b.UsableEnergyKwh;
            s.CarDisplayedRangeKm = b.DisplayedRangeKm;
            s.PackVoltageV = _car.PackVoltageV;
            s.PackCurrentA = _car.PackCurrentA;
            s.PackPowerKw = _car.PackPowerW / 1000;
            s.BatteryTempC = b.TempC;
            s.BatteryTempMinC = b.TempC - 1.0;
            s.BatteryTempMaxC = b.TempC + 1.0;
            s.AmbientTempC = _u.AmbientC;
            s.AmbientForecastC = _s.ForecastWeather.TemperatureC(_t, s.LocalHour, _pos, _u.ElevationM) + _s.Perturb.ForecastTempErrorC;
            s.CabinTempC = _car.Cabin.CabinTempC;
            s.CabinSetpointC = _u.CabinSetpointC;
            s.HvacPowerW = _car.HvacW;
            s.BatteryHeaterW = _car.BatteryHeaterW;
            s.AuxPowerW = _car.AuxW;
            s.WheelPowerKw = _car.WheelPowerW / 1000;
            s.ChargingState = _car.ChargingState;
            s.Plugged = _u.Plugged;
            s.ChargerIndex = _chargerIndex;
            s.ChargerInputKw = _car.ChargerInputW / 1000;
            s.Stranded = _car.Stranded;
            s.BatteryOutKwh = _car.BatteryOutKwh;
            s.BatteryInKwh = _car.BatteryInKwh;
            s.GridKwh = _car.GridKwh;
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
