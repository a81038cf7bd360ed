// ScenarioRunner: the 1 Hz tick (two physics substeps), the driver's speed targets, the weather at the car and the snapshot the board gets.
using System;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    public sealed partial class ScenarioRunner
    {
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
    }
}
