using System;
using System.Collections.Generic;
using System.Linq;
using RangeGuard.Host.Evaluation.Planning;
using RangeGuard.Host.Trips;
using RangeGuard.Vehicle;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>Car-specific constants fitted on training trips (never on the trip they are tested on).</summary>
    public sealed record CalibrationResult(
        double AuxBaseW,
        double CabinConductanceWPerK,
        double CabinHeatCapacityJPerK,
        double AcCop,
        double RoadLoadScale,
        double StartupEnergyWh,
        int AuxTrips,
        int HeatingTrips,
        int CoolingTrips,
        int DriveTrips,
        double BandSigmaScale = 1.0,
        double UsableScale = 1.0,
        int CapacityTrips = 0,
        double RouteNoiseWhPerSqrtKm = 0.0,
        double LearnerPriorScale = 1.0,
        double ArrivalNoiseWh = 0.0)
    {
        public VehicleParams Apply(VehicleParams preset)
        {
            VehicleParams vp = preset.Clone();
            vp.AuxBaseW = (float)AuxBaseW;
            vp.CabinConductanceWPerK = (float)CabinConductanceWPerK;
            vp.CabinHeatCapacityJPerK = (float)CabinHeatCapacityJPerK;
            vp.AcCop = (float)AcCop;
            vp.RoadLoadScale = (float)RoadLoadScale;
            vp.StartupEnergyWh = (float)StartupEnergyWh;
            vp.BandSigmaScale = (float)BandSigmaScale;
            vp.RouteNoiseWhPerSqrtKm = (float)RouteNoiseWhPerSqrtKm;
            vp.LearnerPriorScale = (float)LearnerPriorScale;
            vp.ArrivalNoiseWh = (float)ArrivalNoiseWh;
            vp.Battery.UsableFraction *= (float)UsableScale;
            return vp;
        }

        public override string ToString() =>
            FormattableString.Invariant($"aux {AuxBaseW:F0} W ({AuxTrips} trips' stops), cabin {CabinConductanceWPerK:F1} W/K + {CabinHeatCapacityJPerK / 1000:F1} kJ/K ({HeatingTrips} heated trips), A/C COP {AcCop:F2} ({CoolingTrips} cooled trips), road-load scale {RoadLoadScale:F3} + start-up {StartupEnergyWh:F0} Wh ({DriveTrips} trips), usable energy × {UsableScale:F3} ({CapacityTrips} trips), learner prior × {LearnerPriorScale:F2}, band σ × {BandSigmaScale:F2} + route noise {RouteNoiseWhPerSqrtKm:F0} Wh/√km + arrival noise {ArrivalNoiseWh:F0} Wh");
    }

    /// <summary>
    /// Fits the constants a physics preset cannot know about one particular car from that car's own logs, each from
    /// the signal that measures it directly, in this order:
    /// <list type="number">
    /// <item>usable energy per 100 % of reported SOC = Σ battery energy / Σ (SOC drop × the preset's usable energy at the
    /// trip's mean pack temperature), over trips dropping at least 3 points;</item>
    /// <item>base auxiliaries = median over trips of the mean battery power at standstill minus the reported HVAC power;</item>
    /// <item>cabin conductance G and heat capacity C by least squares on each heated trip's logged heater energy,
    /// E = G·∫max(0, set − deadband − T_amb)dt + C·max(0, set − T_cabin,0)·(1 − e^(−t/τ)) (resistive heater, COP 1);</item>
    /// <item>A/C COP from the cooled trips' logged compressor energy against the same heat flows for cooling;</item>
    /// <item>road-load scale and a per-trip start-up energy (least squares over trips) so that the forecaster's own
    /// departure drive energy plus start-up energy matches the battery energy left after the base load and the logged HVAC.</item>
    /// </list>
    /// The heater signal is trusted only on winter trips (TUM i3 known issue: stale/pulsed values in summer).
    /// A cabin reading at or below the i3 sensor floor (10.0 °C) means "cold soak": the ambient is used instead.
    /// </summary>
    public static class VehicleCalibration
    {
        public const double CabinSensorFloorC = 10.0;
        public const double StandstillKmh = 0.5;

        public static CalibrationResult Fit(IReadOnlyList<TripLog> training, VehicleParams preset, float setpointC = 21f) => Fit(training, preset, PlanOptions.Nav, setpointC);

        /// <param name="plan">The plan the forecasts will be made from: the drive scale is fitted against the forecaster's own energy for that plan.</param>
        public static CalibrationResult Fit(IReadOnlyList<TripLog> training, VehicleParams preset, PlanOptions plan, float setpointC = 21f)
        {
            VehicleParams vp = preset.Clone();

            // 0. Usable energy per 100 % of the SOC the car reports: battery energy over SOC drop (trips dropping ≥ 3 points).
            double eSum = 0, mSum = 0;
            int capTrips = 0;
            foreach (TripLog t in training)
            {
                double drop = t.SocPct[0] - t.SocPct[t.Count - 1];
                if (drop < 3)
                {
                    continue;
                }

                double meanBatt = 0;
                for (int i = 0; i < t.Count; i++)
                {
                    meanBatt += t.BatteryTempC[i] / t.Count;
                }

                eSum += Sum(t, t.BatteryPowerW) / 3.6e6;
                mSum += drop / 100.0 * vp.Battery.UsableEnergyKwh((float)meanBatt);
                capTrips++;
            }

            double usableScale = capTrips >= 3 && mSum > 0 ? Math.Clamp(eSum / mSum, 0.7, 1.4) : 1.0;

            // 1. Base auxiliaries from standstill seconds.
            var auxPerTrip = new List<double>();
            foreach (TripLog t in training)
            {
                double sum = 0;
                int n = 0;
                for (int i = 2; i < t.Count - 2; i++)
                {
                    bool still = true;
                    for (int j = i - 2; j <= i + 2; j++)
                    {
                        still &= t.SpeedKmh[j] < StandstillKmh;
                    }

                    double hvac = HvacW(t, i);
                    if (still && !double.IsNaN(hvac))
                    {
                        sum += t.BatteryPowerW[i] - hvac;
                        n++;
                    }
                }

                if (n >= 30)
                {
                    auxPerTrip.Add(sum / n);
                }
            }

            if (auxPerTrip.Count > 0)
            {
                vp.AuxBaseW = (float)Median(auxPerTrip);
            }

            // 2. Heating: two-parameter least squares without intercept on trip sums.
            double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
            int heated = 0;
            foreach (TripLog t in training.Where(HeaterTrusted))
            {
                Flows(t, vp, setpointC, out double x1, out double x2, out _, out _);
                double y = Sum(t, t.HeatingPowerW) / 3600.0;
                a11 += x1 * x1; a12 += x1 * x2; a22 += x2 * x2; b1 += x1 * y; b2 += x2 * y;
                heated++;
            }

            double det = a11 * a22 - a12 * a12;
            if (heated >= 3 && det > 1e-9 * a11 * a22)
            {
                double g = (b1 * a22 - b2 * a12) / det, c = (a11 * b2 - a12 * b1) / det;
                if (g > 0 && c > 0)
                {
                    vp.CabinConductanceWPerK = (float)g;
                    vp.CabinHeatCapacityJPerK = (float)c;
                }
            }

            // 3. A/C COP: heat removed per electrical Wh on the cooled trips.
            double sxx = 0, sxy = 0;
            int cooled = 0;
            foreach (TripLog t in training.Where(x => !HeaterTrusted(x) && HasSignal(x.AirconPowerW)))
            {
                Flows(t, vp, setpointC, out _, out _, out double heatOut, out _);
                double y = Sum(t, t.AirconPowerW) / 3600.0;
                sxx += heatOut * heatOut;
                sxy += heatOut * y;
                cooled++;
            }

            if (cooled >= 3 && sxy > 0)
            {
                vp.AcCop = (float)Math.Clamp(sxx / sxy, 0.8, 6.0);
            }

            // 4. Road-load scale s and start-up energy E0 by least squares over trips on
            //    measured − HVAC − base load = D(1) + (s − 1)·dD/ds + E0 (drive energy D is nearly linear in s).
            double c11 = 0, c12 = 0, c22 = 0, d1 = 0, d2 = 0;
            int driven = 0;
            foreach (TripLog t in training)
            {
                double hvacWh = 0;
                bool ok = true;
                for (int i = 0; i < t.Count; i++)
                {
                    double h = HvacW(t, i);
                    ok &= !double.IsNaN(h);
                    hvacWh += (double.IsNaN(h) ? 0 : h) * RouteFromTrip.Dt(t, i) / 3600.0;
                }

                if (!ok)
                {
                    continue;
                }

                double measWh = Sum(t, t.BatteryPowerW) / 3600.0;
                double durationH = (t.TimeS[t.Count - 1] - t.TimeS[0] + RouteFromTrip.Dt(t, t.Count - 1)) / 3600.0;
                vp.RoadLoadScale = 1f;
                double drive1 = ForecastDriveWh(t, vp, plan);
                vp.RoadLoadScale = 1.2f;
                double slope = (ForecastDriveWh(t, vp, plan) - drive1) / 0.2;
                double y = measWh - hvacWh - vp.AuxBaseW * durationH - drive1;
                c11 += slope * slope; c12 += slope; c22 += 1; d1 += slope * y; d2 += y;
                driven++;
            }

            vp.RoadLoadScale = 1f;
            double scale = 1.0, startup = 0.0;
            double cdet = c11 * c22 - c12 * c12;
            if (driven >= 3 && cdet > 1e-9 * c11 * c22)
            {
                scale = 1.0 + (d1 * c22 - d2 * c12) / cdet;
                startup = (c11 * d2 - c12 * d1) / cdet;
            }

            scale = Math.Clamp(scale, 0.7, 1.5);
            startup = Math.Clamp(startup, 0.0, 1000.0);

            return new CalibrationResult(vp.AuxBaseW, vp.CabinConductanceWPerK, vp.CabinHeatCapacityJPerK, vp.AcCop, scale, startup,
                auxPerTrip.Count, heated, cooled, driven, UsableScale: usableScale, CapacityTrips: capTrips);
        }

        /// <summary>The cabin temperature at departure the forecaster may use, or NaN (no signal, or at the sensor floor).</summary>
        public static double CabinAtDeparture(TripLog t)
        {
            double c = t.Count > 0 ? t.CabinTempC[0] : double.NaN;
            return double.IsNaN(c) || c <= CabinSensorFloorC ? double.NaN : c;
        }

        private static bool HeaterTrusted(TripLog t) => t.Season == "winter" && HasSignal(t.HeatingPowerW);

        private static bool HasSignal(double[] a) => a.Length > 0 && !double.IsNaN(a[0]);

        /// <summary>Reported HVAC power at sample i that can be trusted, W (heater only in winter); NaN if none reported.</summary>
        private static double HvacW(TripLog t, int i)
        {
            if (HasSignal(t.HeatingPowerW) || HasSignal(t.AirconPowerW))
            {
                double heat = HeaterTrusted(t) ? t.HeatingPowerW[i] : 0;
                double ac = HasSignal(t.AirconPowerW) ? t.AirconPowerW[i] : 0;
                return heat + ac;
            }

            return t.HvacPowerW[i];
        }

        /// <summary>
        /// Heat flows of one trip, thermal Wh per unit coefficient: x1 = ∫max(0, set − deadband − T)dt / 3600 (× G),
        /// x2 = warm-up ΔT·(1 − e^(−t/τ)) / 3600 (× C); heatOut = thermal Wh the A/C removes with the current G, C.
        /// </summary>
        private static void Flows(TripLog t, VehicleParams vp, float setpointC, out double x1, out double x2, out double heatOut, out double durationS)
        {
            x1 = 0;
            double cool = 0;
            durationS = 0;
            for (int i = 0; i < t.Count; i++)
            {
                double dt = RouteFromTrip.Dt(t, i);
                double amb = t.AmbientTempC[i];
                x1 += Math.Max(0, setpointC - vp.HvacDeadbandK - amb) * dt;
                cool += Math.Max(0, amb - setpointC + vp.CoolingSolarK) * dt;
                durationS += dt;
            }

            double cabin0 = CabinAtDeparture(t);
            if (double.IsNaN(cabin0))
            {
                cabin0 = t.AmbientTempC[0];
            }

            double decay = 1 - Math.Exp(-durationS / vp.CabinWarmupTauS);
            x1 /= 3600.0;
            x2 = Math.Max(0, setpointC - cabin0) * decay / 3600.0;
            heatOut = (vp.CabinConductanceWPerK * cool + vp.CabinHeatCapacityJPerK * Math.Max(0, cabin0 - setpointC) * decay) / 3600.0;
        }

        /// <summary>
        /// Drive energy the forecaster itself predicts at departure for the trip's route (its segment model, departure
        /// temperatures), Wh: HVAC, base load and start-up set to zero. Calibrating against this rather than a
        /// second-by-second model keeps the fitted constants consistent with the model that makes the forecasts.
        /// </summary>
        public static double ForecastDriveWh(TripLog t, VehicleParams vp, PlanOptions planOptions)
        {
            VehicleParams bare = vp.Clone();
            bare.CabinConductanceWPerK = 0f;
            bare.CabinHeatCapacityJPerK = 0f;
            bare.AuxBaseW = 0f;
            bare.StartupEnergyWh = 0f;
            var plan = new RangeGuard.Forecast.RoutePlan();
            planOptions.Build(t, plan);
            var f = new RangeGuard.Forecast.EnergyForecaster(bare) { LearningEnabled = false };
            if (!f.TrySetPlan(plan, out string error))
            {
                throw new InvalidOperationException($"{t.Name}: route rejected: {error}");
            }

            var r = new RangeGuard.Forecast.ForecastResult();
            f.Tick(new RangeGuard.Forecast.ForecastInputs
            {
                SocPercent = (float)t.SocPct[0],
                BatteryTempC = (float)t.BatteryTempC[0],
                AmbientTempC = (float)t.AmbientTempC[0],
                SpeedKmh = (float)t.SpeedKmh[0],
                InputsValid = true,
            }, r);
            return r.Destination.EnergyNeededKwh * 1000.0;
        }

        private static double Sum(TripLog t, double[] w)
        {
            double s = 0;
            for (int i = 0; i < t.Count; i++)
            {
                s += double.IsNaN(w[i]) ? 0 : w[i] * RouteFromTrip.Dt(t, i);
            }

            return s;
        }

        private static double Median(List<double> values)
        {
            var s = values.OrderBy(x => x).ToList();
            return s.Count % 2 == 1 ? s[s.Count / 2] : 0.5 * (s[s.Count / 2 - 1] + s[s.Count / 2]);
        }
    }
}
