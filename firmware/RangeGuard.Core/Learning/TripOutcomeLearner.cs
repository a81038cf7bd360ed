namespace RangeGuard.Learning
{
    /// <summary>
    /// Learns, trip after trip, how far the departure forecast of a whole trip is off for this car:
    /// r = ln(measured trip energy / departure forecast before correction), kept by departure ambient in 10 K bins
    /// (−10 … 30 °C, each trip split between the two nearest bins) plus one all-temperature term. The correction for a new
    /// departure is exp(global + bin deviation), both shrunk towards 0 by a prior worth PriorTrips trips, so the first
    /// trip gets exactly the physics forecast and a single odd trip moves it only a little; r is clipped to ±MaxLogRatio.
    /// Forgetting (per trip) lets it follow a car that changes (tyres, a new driver).
    /// What it captures is whatever the per-window learner cannot see at departure: base load, the car's cabin and
    /// start-up energy, the road-load scale of this car, the driver's stops on their usual roads.
    /// Fixed storage, no allocation except SaveState.
    /// </summary>
    public sealed class TripOutcomeLearner
    {
        public const int Bins = 5;
        public const float FirstBinC = -10f, BinStepC = 10f;

        /// <summary>Shrinkage prior, in trips (a priori, not fitted: one trip never counts for more than half).</summary>
        public const double PriorTrips = 1.0;

        /// <summary>Weight kept per trip (about the last 20 trips count).</summary>
        public const double Forgetting = 0.95;

        public const double MaxLogRatio = 0.4;

        private readonly double[] _sum = new double[Bins];
        private readonly double[] _n = new double[Bins];
        private double _gSum, _gN;
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

            _gSum = 0;
            _gN = 0;
            _trips = 0;
        }

        /// <summary>Multiplier for a departure forecast at this ambient (1 with nothing learned).</summary>
        public float Factor(float ambientC)
        {
            if (float.IsNaN(ambientC) || _trips == 0)
            {
                return 1f;
            }

            double g = _gSum / (PriorTrips + _gN);
            int b;
            double w;
            Split(ambientC, out b, out w);
            double s = (1 - w) * _sum[b] + w * _sum[b + 1];
            double n = (1 - w) * _n[b] + w * _n[b + 1];
            // Bin sums hold r − g as it was when the trip was added: the deviation of this temperature from the car's mean.
            double d = s / (PriorTrips + n);
            return (float)System.Math.Exp(g + d);
        }

        /// <summary>Adds a finished trip: the uncorrected departure forecast and the measured energy, kWh.</summary>
        public bool AddTrip(float ambientC, float rawForecastKwh, float measuredKwh)
        {
            if (float.IsNaN(ambientC) || float.IsNaN(rawForecastKwh) || float.IsNaN(measuredKwh) || rawForecastKwh < 0.05f || measuredKwh < 0.05f)
            {
                return false;
            }

            double r = System.Math.Log(measuredKwh / (double)rawForecastKwh);
            r = r > MaxLogRatio ? MaxLogRatio : (r < -MaxLogRatio ? -MaxLogRatio : r);
            double g = _gSum / (PriorTrips + _gN);
            _gSum = _gSum * Forgetting + r;
            _gN = _gN * Forgetting + 1;
            int b;
            double w;
            Split(ambientC, out b, out w);
            for (int i = 0; i < Bins; i++)
            {
                _sum[i] *= Forgetting;
                _n[i] *= Forgetting;
            }

            _sum[b] += (1 - w) * (r - g);
            _n[b] += 1 - w;
            _sum[b + 1] += w * (r - g);
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

        /// <summary>"rgo1;trips;gSum;gN;sum0;n0;…" (invariant decimal text).</summary>
        public string SaveState()
        {
            string s = "rgo1;" + _trips.ToString() + ";" + _gSum.ToString("G17") + ";" + _gN.ToString("G17");
            for (int i = 0; i < Bins; i++)
            {
                s += ";" + _sum[i].ToString("G17") + ";" + _n[i].ToString("G17");
            }

            return s;
        }

        /// <summary>Restores a saved state; false (state unchanged) on any malformed or out-of-range field.</summary>
        public bool TryLoadState(string state)
        {
            if (state == null)
            {
                return false;
            }

            string[] f = state.Split(';');
            if (f.Length != 4 + 2 * Bins || f[0] != "rgo1")
            {
                return false;
            }

            int trips;
            double gSum, gN;
            if (!int.TryParse(f[1], out trips) || trips < 0 || !Num(f[2], out gSum) || !Num(f[3], out gN) || gN < 0 || gN > 1000
                || gSum > MaxLogRatio * gN + 1e-9 || gSum < -MaxLogRatio * gN - 1e-9)
            {
                return false;
            }

            double[] sum = new double[Bins];
            double[] n = new double[Bins];
            for (int i = 0; i < Bins; i++)
            {
                if (!Num(f[4 + 2 * i], out sum[i]) || !Num(f[5 + 2 * i], out n[i]) || n[i] < 0 || n[i] > 1000
                    || sum[i] > 2 * MaxLogRatio * n[i] + 1e-9 || sum[i] < -2 * MaxLogRatio * n[i] - 1e-9)
                {
                    return false;
                }
            }

            for (int i = 0; i < Bins; i++)
            {
                _sum[i] = sum[i];
                _n[i] = n[i];
            }

            _gSum = gSum;
            _gN = gN;
            _trips = trips;
            return true;
        }

        private static bool Num(string s, out double v)
        {
            return double.TryParse(s, out v) && !double.IsNaN(v) && !double.IsInfinity(v);
        }
    }
}
