using RangeGuard.Common;

namespace RangeGuard.Learning
{
    /// <summary>
    /// Learns, trip after trip on the device, the per-car constants the host calibration fits from a car's logs
    /// (Host/Evaluation/VehicleCalibration), from what the agent measures of each completed trip:
    /// <list type="bullet">
    /// <item>a drive scale s (road load, drivetrain and driving style against the plan's physics),</item>
    /// <item>a base load p, W per hour of planned driving time (auxiliaries, and the stops a router does not plan),</item>
    /// <item>a start-up energy e0, Wh (cold drivetrain and pack at departure),</item>
    /// <item>a cabin-heating scale h and a cooling scale c (the preset's conductance, heat capacity and COP),</item>
    /// </list>
    /// by Bayesian linear regression over trips on measured = s·D + p·T + e0·S + h·H + c·C, where D, T, S, H and C are
    /// the departure forecast's own parts for the distance driven (drive energy, planned hours, start-up shape, heating
    /// and cooling energy at the preset's constants). The prior is the preset (s = h = c = 1, p and e0 the preset's), so
    /// a new car forecasts exactly as the preset and one trip moves the forecast only part of the way to what it measured
    /// (by the prior's share of prior plus trip noise, about half for a typical trip). Robust to odd trips: the innovation
    /// is clipped to ±1σ of its predictive spread (a Huber step: an outlier moves the constants no more than an ordinary
    /// trip), the constants are bounded, and trips whose energy is off by more than ×3 are refused. Forgetting 0.99 per
    /// trip lets it follow a car that changes; the covariance never grows beyond the prior.
    /// Separately, the usable energy per SOC point relative to the preset's (measured energy over SOC drop × the preset's
    /// usable energy), as a straight line in the SOC: a + b·(SOC − 50)/50. A BMS counts charge, so a point holds more
    /// energy near full, where the cell voltage is higher (cell OCV rises about 20 % from empty to full; the development
    /// trips show the ratio rising from 1.06 at 23 % mid-SOC to 1.18 at 80 %): a ratio learned on trips between 90 and
    /// 50 % must not be taken for the last 20 %, where running out is decided. Prior: a = 1 and b = 0.09 (the OCV slope),
    /// each worth 20 SOC points; the scale is exactly 1 until a trip has been learned.
    /// Fixed storage: no allocation except SaveState. Prior spreads, noise, clip and forgetting were chosen on the 31
    /// development trips (disclosed in hardware-docs/prediction-validation.md).
    /// </summary>
    public sealed partial class CarCalibrationLearner
    {
        public const int Count = 5;
        public const int DriveIndex = 0, BaseLoadIndex = 1, StartupIndex = 2, HeatingIndex = 3, CoolingIndex = 4;

        /// <summary>Prior standard deviations: ±15 % drive, ±400 W base load, ±200 Wh start-up, ±30 % heating, ±50 % cooling.</summary>
        public static readonly double[] PriorStd = { 0.15, 400.0, 200.0, 0.3, 0.5 };
        public static readonly double[] Min = { 0.6, 0.0, 0.0, 0.3, 0.3 };
        public static readonly double[] Max = { 1.6, 3000.0, 1500.0, 3.0, 3.0 };

        /// <summary>Trip-energy noise (1σ): 12 % of the forecast + 50 Wh (traffic, weather, driver: what no constant predicts).</summary>
        public const double NoiseRel = 0.12, NoiseWh = 50.0;

        /// <summary>The innovation is clipped to this many predictive σ.</summary>
        public const double ClipSigma = 1.0;

        /// <summary>Weight kept per trip.</summary>
        public const double Forgetting = 0.99;

        /// <summary>A trip whose energy is off the forecast by more than this factor is not learned (a tow, a wrong plan).</summary>
        public const double MaxRatio = 3.0;

        /// <summary>Usable energy: prior weight in SOC points, bounds of the scale, smallest SOC drop learned from.</summary>
        public const double UsablePriorPoints = 20.0, UsableMin = 0.7, UsableMax = 1.4, MinSocDrop = 3.0;

        /// <summary>Prior slope of the usable-energy scale per 50 SOC points (cell OCV slope), and its bounds.</summary>
        public const double UsableSlopePrior = 0.09, UsableSlopeMin = -0.2, UsableSlopeMax = 0.4;

        private readonly double[] _w = new double[Count];
        private readonly double[] _w0 = new double[Count];
        private readonly double[] _p = new double[Count * Count];
        private readonly double[] _x = new double[Count];
        private readonly double[] _px = new double[Count];
        // Usable energy, weighted sums over trips (x = (mid-SOC − 50) / 50, weights in SOC points): Σw, Σwx, Σwx², Σwr, Σwxr.
        private double _uw, _uwx, _uwxx, _uwr, _uwxr;
        private double _ua = 1.0, _ub;
        private int _trips, _socTrips;

        public CarCalibrationLearner()
        {
            SetPrior(300f, 0f);
        }

        /// <summary>Trips learned into the constants so far.</summary>
        public int TripCount { get { return _trips; } }

        /// <summary>Trips learned into the usable energy so far.</summary>
        public int SocTripCount { get { return _socTrips; } }

        public float DriveScale { get { return (float)_w[DriveIndex]; } }

        public float BaseLoadW { get { return (float)_w[BaseLoadIndex]; } }

        public float StartupWh { get { return (float)_w[StartupIndex]; } }

        public float HeatingScale { get { return (float)_w[HeatingIndex]; } }

        public float CoolingScale { get { return (float)_w[CoolingIndex]; } }

        /// <summary>Usable energy per SOC point relative to the preset's at 50 % SOC (1 with nothing learned; with the span being driven while it counts).</summary>
        public float UsableScale { get { return (float)_ua; } }

        /// <summary>Change of the usable-energy scale per 50 SOC points (0 with nothing learned).</summary>
        public float UsableSlope { get { return (float)_ub; } }

        /// <summary>
        /// Usable energy per SOC point relative to the preset's for SOC spent around this SOC (exactly 1 with nothing learned):
        /// the trips' line, with the SOC span being driven now as one more span once it is long enough (TrackSpan).
        /// </summary>
        public float UsableScaleAt(float socPercent)
        {
            if ((_socTrips == 0 && _spanSolvedDrop <= 0f) || float.IsNaN(socPercent))
            {
                return 1f;
            }

            double v = _ua + _ub * (socPercent - 50.0) / 50.0;
            return (float)(v < UsableMin ? UsableMin : (v > UsableMax ? UsableMax : v));
        }

        /// <summary>The preset's base load and start-up energy (the prior means); forgets everything learned.</summary>
        public void SetPrior(float auxBaseW, float startupWh)
        {
            _w0[DriveIndex] = 1.0;
            _w0[BaseLoadIndex] = Clamp(auxBaseW, BaseLoadIndex);
            _w0[StartupIndex] = Clamp(startupWh, StartupIndex);
            _w0[HeatingIndex] = 1.0;
            _w0[CoolingIndex] = 1.0;
            Reset();
        }

        public void Reset()
        {
            for (int i = 0; i < Count; i++)
            {
                _w[i] = _w0[i];
                for (int j = 0; j < Count; j++)
                {
                    _p[i * Count + j] = i == j ? PriorStd[i] * PriorStd[i] : 0.0;
                }
            }

            _uw = _uwx = _uwxx = _uwr = _uwxr = 0;
            _ua = 1.0;
            _ub = 0.0;
            _trips = 0;
            _socTrips = 0;
            _spanMs = -1;
            _spanSolvedDrop = 0f;
        }

        /// <summary>The trip energy the constants forecast for these parts, Wh.</summary>
        public double Predict(double driveWh, double hours, double startupShape, double heatingWh, double coolingWh)
        {
            return _w[DriveIndex] * driveWh + _w[BaseLoadIndex] * hours + _w[StartupIndex] * startupShape + _w[HeatingIndex] * heatingWh + _w[CoolingIndex] * coolingWh;
        }

        /// <summary>
        /// Learns one completed trip: the departure forecast's parts at the preset's constants (drive Wh, planned hours,
        /// start-up shape 0..1, heating Wh, cooling Wh) and the battery energy it took, Wh. False (nothing learned) when an
        /// input is not a finite number, the trip is too small to tell anything (under 100 Wh or 2 minutes) or its energy
        /// is more than ×3 off the forecast.
        /// </summary>
        public bool AddTrip(double driveWh, double hours, double startupShape, double heatingWh, double coolingWh, double measuredWh)
        {
            if (NotFinite(driveWh) || NotFinite(hours) || NotFinite(startupShape) || NotFinite(heatingWh) || NotFinite(coolingWh)
                || NotFinite(measuredWh) || driveWh < 0 || hours < 2.0 / 60.0 || startupShape < 0 || startupShape > 1
                || heatingWh < 0 || coolingWh < 0 || measuredWh < 100.0)
            {
                return false;
            }

            double predicted = Predict(driveWh, hours, startupShape, heatingWh, coolingWh);
            if (predicted <= 0 || measuredWh > MaxRatio * predicted || measuredWh * MaxRatio < predicted)
            {
                return false;
            }

            _x[DriveIndex] = driveWh;
            _x[BaseLoadIndex] = hours;
            _x[StartupIndex] = startupShape;
            _x[HeatingIndex] = heatingWh;
            _x[CoolingIndex] = coolingWh;
            Forget();

            double s = NoiseRel * predicted + NoiseWh;
            s *= s;
            for (int i = 0; i < Count; i++)
            {
                double v = 0;
                for (int j = 0; j < Count; j++)
                {
                    v += _p[i * Count + j] * _x[j];
                }

                _px[i] = v;
                s += _x[i] * v;
            }

            double innov = measuredWh - predicted;
            double limit = ClipSigma * DMath.Sqrt(s);
            innov = innov > limit ? limit : (innov < -limit ? -limit : innov);
            for (int i = 0; i < Count; i++)
            {
                _w[i] = Clamp(_w[i] + _px[i] / s * innov, i);
            }

            for (int i = 0; i < Count; i++)
            {
                for (int j = 0; j < Count; j++)
                {
                    _p[i * Count + j] -= _px[i] * _px[j] / s;
                }
            }

            _trips++;
            return true;
        }

        /// <summary>
        /// Learns the usable energy per SOC point from a trip's battery energy (Wh) and the SOC it started and ended at,
        /// against the preset's usable energy at the trip's pack temperature (Wh per 100 %). False for a drop under 3
        /// points or a ratio outside 0.5..2 (a SOC jump, a charge during the trip); the ratio is clipped to the bounds.
        /// </summary>
        public bool AddSocSpan(double measuredWh, double socStartPercent, double socEndPercent, double presetUsableWh)
        {
            double drop = socStartPercent - socEndPercent;
            if (NotFinite(measuredWh) || NotFinite(drop) || NotFinite(presetUsableWh) || drop < MinSocDrop
                || presetUsableWh <= 0 || socStartPercent > 100 || socEndPercent < 0)
            {
                return false;
            }

            double r = measuredWh / (drop / 100.0 * presetUsableWh);
            if (r < 0.5 || r > 2.0)
            {
                return false;
            }

            // The mean energy per point over the span is the line's value at the span's middle.
            r = r < UsableMin ? UsableMin : (r > UsableMax ? UsableMax : r);
            double x = ((socStartPercent + socEndPercent) / 2.0 - 50.0) / 50.0;
            _uw = _uw * Forgetting + drop;
            _uwx = _uwx * Forgetting + drop * x;
            _uwxx = _uwxx * Forgetting + drop * x * x;
            _uwr = _uwr * Forgetting + drop * r;
            _uwxr = _uwxr * Forgetting + drop * x * r;
            _socTrips++;
            SolveUsable();
            return true;
        }

        /// <summary>Least squares of r = a + b·x over the trips, with the priors a = 1 and b = UsableSlopePrior as pseudo-points.</summary>
        private void SolveUsable()
        {
            SolveUsable(0.0, 0.0, 0.0);
        }

        /// <summary>The line over the trips' sums plus one more span (weight <paramref name="drop"/> SOC points at x, ratio r).</summary>
        private void SolveUsable(double drop, double x, double r)
        {
            double w = UsablePriorPoints;
            double s11 = _uw + w + drop, s12 = _uwx + drop * x, s22 = _uwxx + w + drop * x * x;
            double r1 = _uwr + w * 1.0 + drop * r, r2 = _uwxr + w * UsableSlopePrior + drop * x * r;
            double det = s11 * s22 - s12 * s12;
            double a = (r1 * s22 - r2 * s12) / det, b = (s11 * r2 - s12 * r1) / det;
            _ua = a < UsableMin ? UsableMin : (a > UsableMax ? UsableMax : a);
            _ub = b < UsableSlopeMin ? UsableSlopeMin : (b > UsableSlopeMax ? UsableSlopeMax : b);
        }

        /// <summary>Covariance inflation by 1/Forgetting, each variance capped at its prior (correlations kept).</summary>
        private void Forget()
        {
            for (int i = 0; i < Count * Count; i++)
            {
                _p[i] /= Forgetting;
            }

            for (int i = 0; i < Count; i++)
            {
                double prior = PriorStd[i] * PriorStd[i];
                double v = _p[i * Count + i];
                if (v > prior)
                {
                    double f = DMath.Sqrt(prior / v);
                    for (int j = 0; j < Count; j++)
                    {
                        _p[i * Count + j] *= f;
                        _p[j * Count + i] *= f;
                    }
                }
            }
        }

        /// <summary>Standard deviation of a learned constant (its prior's with nothing learned).</summary>
        public double StdOf(int index)
        {
            double v = _p[index * Count + index];
            return v > 0 ? DMath.Sqrt(v) : 0.0;
        }

        private static double Clamp(double v, int i)
        {
            return v < Min[i] ? Min[i] : (v > Max[i] ? Max[i] : v);
        }

        private static bool NotFinite(double x)
        {
            return double.IsNaN(x) || double.IsInfinity(x);
        }
    }
}
