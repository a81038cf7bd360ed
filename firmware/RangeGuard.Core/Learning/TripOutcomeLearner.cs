namespace RangeGuard.Learning
{
    /// <summary>
    /// Learns, trip after trip, how far the departure forecast of a whole trip is off for this car:
    /// r = ln(measured trip energy / departure forecast before correction), kept by departure ambient in 10 K bins
    /// (−10 … 30 °C, each trip split between the two nearest bins). The correction for a new departure is exp(mean r of
    /// its bins), shrunk towards 0 by a prior worth PriorTrips trips, so the first trip gets exactly the physics forecast,
    /// a single odd trip moves it only a little (r is also clipped to ±MaxLogRatio), and a temperature the car has not
    /// yet driven in keeps the physics forecast: on the i3 trips a preset's summer and winter errors have opposite signs
    /// (an all-temperature term learned in summer made the first winter trips worse, so there is none).
    /// Forgetting (per trip) lets it follow a car that changes (tyres, a new driver).
    /// What it captures is whatever the per-window learner cannot see at departure: base load, the car's cabin and
    /// start-up energy, the road-load scale of this car, the driver's stops on their usual roads.
    /// PriorTrips, MaxLogRatio and the bins were chosen on the 31 development trips (disclosed in prediction-validation.md).
    /// Fixed storage, no allocation except SaveState.
    /// </summary>
    public sealed class TripOutcomeLearner
    {
        public const int Bins = 5;
        public const float FirstBinC = -10f, BinStepC = 10f;

        /// <summary>Shrinkage prior, in trips (one trip moves the correction by a fifth of its error).</summary>
        public const double PriorTrips = 4.0;

        /// <summary>Weight kept per trip (about the last 20 trips count).</summary>
        public const double Forgetting = 0.95;

        public const double MaxLogRatio = 0.25;

        private readonly double[] _sum = new double[Bins];
        private readonly double[] _n = new double[Bins];
        private int _trips;

        public TripOutcomeLearner()
        {
            Reset();
        }

        /// <summary>Trips learned so far.</summary>
        public int TripCount { get { return _trips; } }

        public void Reset()
        {
            for (int i = 0; i < Bins; i++)
            {
                _sum[i] = 0;
                _n[i] = 0;
            }

            _trips = 0;
        }

        /// <summary>Multiplier for a departure forecast at this ambient (1 with nothing learned).</summary>
        public float Factor(float ambientC)
        {
            if (float.IsNaN(ambientC) || _trips == 0)
            {
                return 1f;
            }

            int b;
            double w;
            Split(ambientC, out b, out w);
            double s = (1 - w) * _sum[b] + w * _sum[b + 1];
            double n = (1 - w) * _n[b] + w * _n[b + 1];
            return (float)RangeGuard.Common.DMath.Exp(s / (PriorTrips + n));
        }

        /// <summary>Adds a finished trip: the uncorrected departure forecast and the measured energy, kWh.</summary>
        public bool AddTrip(float ambientC, float rawForecastKwh, float measuredKwh)
        {
            if (float.IsNaN(ambientC) || float.IsNaN(rawForecastKwh) || float.IsNaN(measuredKwh) || rawForecastKwh < 0.05f || measuredKwh < 0.05f)
            {
                return false;
            }

            double r = RangeGuard.Common.DMath.Log(measuredKwh / (double)rawForecastKwh);
            r = r > MaxLogRatio ? MaxLogRatio : (r < -MaxLogRatio ? -MaxLogRatio : r);
            int b;
            double w;
            Split(ambientC, out b, out w);
            for (int i = 0; i < Bins; i++)
            {
                _sum[i] *= Forgetting;
                _n[i] *= Forgetting;
            }

            _sum[b] += (1 - w) * r;
            _n[b] += 1 - w;
            _sum[b + 1] += w * r;
            _n[b + 1] += w;
            _trips++;
            return true;
        }

        /// <summary>Lower bin index (0..Bins−2) and the weight of the upper one.</summary>
        private static void Split(float ambientC, out int b, out double w)
        {
            double x = (ambientC - FirstBinC) / BinStepC;
            if (x <= 0)
            {
                b = 0;
                w = 0;
                return;
            }

            if (x >= Bins - 1)
            {
                b = Bins - 2;
                w = 1;
                return;
            }

            b = (int)x;
            if (b > Bins - 2)
            {
                b = Bins - 2;
            }

            w = x - b;
        }

        /// <summary>
        /// "rgo2;trips;sum0;n0;…": each real as the 16 hex digits of its IEEE 754 bits, so a saved state restores bit for bit
        /// on the device and the host alike (the same format as ConsumptionLearner's "rgl2"; see its SaveState).
        /// </summary>
        public string SaveState()
        {
            RangeGuard.Common.TextBuffer b = new RangeGuard.Common.TextBuffer(StateLength);
            b.Append("rgo2;");
            b.Append(_trips);
            for (int i = 0; i < Bins; i++)
            {
                b.Append(';');
                RangeGuard.Common.TextNumber.AppendBits(b, _sum[i]);
                b.Append(';');
                RangeGuard.Common.TextNumber.AppendBits(b, _n[i]);
            }

            return b.ToString();
        }

        // "rgo2;" + up to 11 characters of trips + 2 reals per bin as ";" + 16 hex digits.
        private const int StateLength = 5 + 11 + Bins * 2 * 17;

        /// <summary>Restores a saved state; false (state unchanged) on any malformed or out-of-range field.</summary>
        public bool TryLoadState(string state)
        {
            if (state == null)
            {
                return false;
            }

            string[] f = state.Split(';');
            if (f.Length != 2 + 2 * Bins || f[0] != "rgo2")
            {
                return false;
            }

            long trips;
            if (!RangeGuard.Common.TextNumber.TryParseLong(f[1], out trips) || trips < 0 || trips > int.MaxValue)
            {
                return false;
            }

            double[] sum = new double[Bins];
            double[] n = new double[Bins];
            for (int i = 0; i < Bins; i++)
            {
                if (!Num(f[2 + 2 * i], out sum[i]) || !Num(f[3 + 2 * i], out n[i]) || n[i] < 0 || n[i] > 1000
                    || sum[i] > MaxLogRatio * n[i] + 1e-9 || sum[i] < -MaxLogRatio * n[i] - 1e-9)
                {
                    return false;
                }
            }

            for (int i = 0; i < Bins; i++)
            {
                _sum[i] = sum[i];
                _n[i] = n[i];
            }

            _trips = (int)trips;
            return true;
        }

        private static bool Num(string s, out double v)
        {
            return RangeGuard.Common.TextNumber.TryParseBits(s, out v) && !double.IsNaN(v) && !double.IsInfinity(v);
        }
    }
}
