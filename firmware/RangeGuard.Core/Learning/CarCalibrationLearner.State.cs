using RangeGuard.Common;

namespace RangeGuard.Learning
{
    public sealed partial class CarCalibrationLearner
    {
        public const string StateTag = "rgc1";

        // Fields: tag, trips, SOC trips, 5 constants, 15 covariance terms (upper triangle, row by row), 5 usable-energy sums.
        private const int StateFields = 3 + Count + Count * (Count + 1) / 2 + 5;

        // Tag + two counts of up to 11 characters + 25 reals as ";" + 16 hex digits.
        private const int StateLength = 4 + 2 * 12 + (StateFields - 3) * 17;

        /// <summary>
        /// "rgc1;trips;socTrips;s;p;e0;h;c;P00;P01;…;P44;Σw;Σwx;Σwx²;Σwr;Σwxr": each real as the 16 hex digits of its IEEE
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

            AppendReal(b, _uw);
            AppendReal(b, _uwx);
            AppendReal(b, _uwxx);
            AppendReal(b, _uwr);
            AppendReal(b, _uwxr);
            return b.ToString();
        }

        /// <summary>
        /// Restores a saved state; false (state unchanged) on any malformed field, a constant outside its bounds, a
        /// covariance that is not a covariance (variance not positive or above the prior, correlation beyond ±1) or usable-energy
        /// sums that no trips could give (negative weight, |x| beyond 1, a mean ratio outside the bounds).
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

            double uw, uwx, uwxx, uwr, uwxr;
            if (!Num(f[k++], out uw) || !Num(f[k++], out uwx) || !Num(f[k++], out uwxx) || !Num(f[k++], out uwr) || !Num(f[k], out uwxr)
                || uw < 0 || uw > 1e6 || uwxx < 0 || uwxx > uw * (1 + 1e-9) || uwx * uwx > uw * uwxx * (1 + 1e-9)
                || uwr < UsableMin * uw - 1e-9 || uwr > UsableMax * uw + 1e-9 || uwxr * uwxr > UsableMax * UsableMax * uw * uwxx * (1 + 1e-9))
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

            _uw = uw;
            _uwx = uwx;
            _uwxx = uwxx;
            _uwr = uwr;
            _uwxr = uwxr;
            _trips = (int)trips;
            _socTrips = (int)socTrips;
            _ua = 1.0;
            _ub = 0.0;
            _spanMs = -1;
            _spanSolvedDrop = 0f;
            if (_socTrips > 0)
            {
                SolveUsable();
            }

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
