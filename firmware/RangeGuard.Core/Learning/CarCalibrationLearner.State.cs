using RangeGuard.Common;

namespace RangeGuard.Learning
{
    public sealed partial class CarCalibrationLearner
    {
        public const string StateTag = "rgc1";

        // Fields: tag, trips, SOC trips, 5 constants, 15 covariance terms (upper triangle, row by row), usable sum and weight.
        private const int StateFields = 3 + Count + Count * (Count + 1) / 2 + 2;

        // Tag + two counts of up to 11 characters + 22 reals as ";" + 16 hex digits.
        private const int StateLength = 4 + 2 * 12 + (StateFields - 3) * 17;

        /// <summary>
        /// "rgc1;trips;socTrips;s;p;e0;h;c;P00;P01;…;P44;usableSum;usableWeight": each real as the 16 hex digits of its IEEE
        /// 754 bits, so a saved state restores bit for bit on the device and the host alike (the format of ConsumptionLearner's
        /// "rgl2"). The prior means are not saved: they come from the vehicle preset the learner is built with.
        /// </summary>
        public string SaveState()
        {
            TextBuffer b = new TextBuffer(StateLength);
            b.Append(StateTag);
            b.Append(';');
            b.Append(_trips);
            b.Append(';');
            b.Append(_socTrips);
            for (int i = 0; i < Count; i++)
            {
                AppendReal(b, _w[i]);
            }

            for (int i = 0; i < Count; i++)
            {
                for (int j = i; j < Count; j++)
                {
                    AppendReal(b, _p[i * Count + j]);
                }
            }

            AppendReal(b, _usableSum);
            AppendReal(b, _usableWeight);
            return b.ToString();
        }

        /// <summary>
        /// Restores a saved state; false (state unchanged) on any malformed field, a constant outside its bounds, a
        /// covariance that is not a covariance (variance not positive or above the prior, correlation beyond ±1) or a usable
        /// scale outside its bounds.
        /// </summary>
        public bool TryLoadState(string state)
        {
            if (state == null)
            {
                return false;
            }

            string[] f = state.Split(';');
            if (f.Length != StateFields || f[0] != StateTag)
            {
                return false;
            }

            long trips, socTrips;
            if (!TextNumber.TryParseLong(f[1], out trips) || !TextNumber.TryParseLong(f[2], out socTrips)
                || trips < 0 || trips > int.MaxValue || socTrips < 0 || socTrips > int.MaxValue)
            {
                return false;
            }

            double[] w = new double[Count];
            double[] p = new double[Count * Count];
            int k = 3;
            for (int i = 0; i < Count; i++)
            {
                if (!Num(f[k++], out w[i]) || w[i] < Min[i] || w[i] > Max[i])
                {
                    return false;
                }
            }

            for (int i = 0; i < Count; i++)
            {
                for (int j = i; j < Count; j++)
                {
                    double v;
                    if (!Num(f[k++], out v))
                    {
                        return false;
                    }

                    p[i * Count + j] = v;
                    p[j * Count + i] = v;
                }
            }

            for (int i = 0; i < Count; i++)
            {
                double v = p[i * Count + i];
                if (v <= 0 || v > PriorStd[i] * PriorStd[i] * (1 + 1e-9))
                {
                    return false;
                }

                for (int j = 0; j < i; j++)
                {
                    double c = p[i * Count + j];
                    if (c * c > v * p[j * Count + j] * (1 + 1e-9))
                    {
                        return false;
                    }
                }
            }

            double sum, weight;
            if (!Num(f[k++], out sum) || !Num(f[k], out weight) || weight < 0 || weight > 1e6
                || sum < UsableMin * weight - 1e-9 || sum > UsableMax * weight + 1e-9)
            {
                return false;
            }

            for (int i = 0; i < Count; i++)
            {
                _w[i] = w[i];
            }

            for (int i = 0; i < Count * Count; i++)
            {
                _p[i] = p[i];
            }

            _usableSum = sum;
            _usableWeight = weight;
            _trips = (int)trips;
            _socTrips = (int)socTrips;
            return true;
        }

        private static void AppendReal(TextBuffer b, double v)
        {
            b.Append(';');
            TextNumber.AppendBits(b, v);
        }

        private static bool Num(string s, out double v)
        {
            return TextNumber.TryParseBits(s, out v) && !double.IsNaN(v) && !double.IsInfinity(v);
        }
    }
}
