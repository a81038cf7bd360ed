using System;
using RangeGuard.Forecast;
using RangeGuard.Host.Trips;

namespace RangeGuard.Host.Evaluation
{
    /// <summary>
    /// Turns a recorded trip into the "planned route": its own distance, elevation and speed profile aggregated into
    /// segments of about SegmentLengthM. Expected speed = segment length / time spent (stops included); stop-and-go
    /// intensity = positive kinetic energy per metre; ambient = the temperature at departure (the "forecast");
    /// speed limit unknown (0), no wind, no chargers.
    /// </summary>
    public static class RouteFromTrip
    {
        public const float SegmentLengthM = 300f;

        /// <summary>Distance at the start of each sample, m (each 1 Hz row is the mean speed over its second).</summary>
        public static double[] Positions(TripLog trip)
        {
            var pos = new double[trip.Count + 1];
            for (int i = 0; i < trip.Count; i++)
            {
                pos[i + 1] = pos[i] + trip.SpeedKmh[i] / 3.6 * Dt(trip, i);
            }

            return pos;
        }

        /// <summary>Duration of sample i, s (the last sample lasts as long as the one before).</summary>
        public static double Dt(TripLog trip, int i)
        {
            if (i + 1 < trip.Count)
            {
                return trip.TimeS[i + 1] - trip.TimeS[i];
            }

            return trip.Count > 1 ? trip.TimeS[i] - trip.TimeS[i - 1] : 1.0;
        }

        /// <summary>
        /// 5-sample centred moving average of the speed: the logged 1 Hz speed jitters by a few tenths of a m/s at
        /// highway speed, and Σ max(0, v·Δv) of the raw signal would count that noise as acceleration energy.
        /// </summary>
        public static double[] SmoothedSpeedKmh(TripLog trip)
        {
            var s = new double[trip.Count];
            for (int i = 0; i < trip.Count; i++)
            {
                int a = Math.Max(0, i - 2), b = Math.Min(trip.Count - 1, i + 2);
                double sum = 0;
                for (int j = a; j <= b; j++)
                {
                    sum += trip.SpeedKmh[j];
                }

                s[i] = sum / (b - a + 1);
            }

            return s;
        }

        /// <summary>Fills plan (cleared first); returns the number of grades clamped to ±29 %.</summary>
        public static int Build(TripLog trip, RoutePlan plan, float cabinSetpointC = 21f)
        {
            plan.Clear();
            plan.CabinSetpointC = cabinSetpointC;
            plan.DestinationName = trip.Name;
            double[] pos = Positions(trip);
            double[] smooth = SmoothedSpeedKmh(trip);
            double total = pos[trip.Count];
            int count = (int)Math.Max(1, Math.Round(total / SegmentLengthM));
            count = Math.Min(count, RoutePlan.MaxSegments);
            double segLen = total / count;
            float ambient = (float)trip.AmbientTempC[0];
            int clamped = 0;
            int row = 0;
            for (int s = 0; s < count; s++)
            {
                double end = s == count - 1 ? double.PositiveInfinity : (s + 1) * segLen;
                double time = 0, pke = 0;
                int first = row;
                while (row < trip.Count && pos[row] < end)
                {
                    time += Dt(trip, row);
                    if (row > 0)
                    {
                        double dv2 = (smooth[row] * smooth[row] - smooth[row - 1] * smooth[row - 1]) / (3.6 * 3.6) / 2;
                        pke += dv2 > 0 ? dv2 : 0;
                    }

                    row++;
                }

                double length = Math.Max(1.0, (s == count - 1 ? total : end) - s * segLen);
                double dh = trip.ElevationM[Math.Min(row, trip.Count - 1)] - trip.ElevationM[Math.Min(first, trip.Count - 1)];
                double maxDh = 0.29 * length;
                if (Math.Abs(dh) > maxDh)
                {
                    dh = Math.Sign(dh) * maxDh;
                    clamped++;
                }

                double speed = time > 0 ? length / time * 3.6 : 1;
                plan.AddSegment(new RouteSegment
                {
                    LengthM = (float)length,
                    ElevationChangeM = (float)dh,
                    ExpectedSpeedKmh = (float)Math.Clamp(speed, 1, 250),
                    SpeedLimitKmh = 0f,
                    AmbientTempC = ambient,
                    HeadwindMps = 0f,
                    PositiveKineticMps2 = (float)Math.Clamp(pke / length, 0, 3),
                });
            }

            return clamped;
        }
    }
}
