using System;
using RangeGuard.Forecast;

namespace RangeGuard.Host.Evaluation.Planning
{
    /// <summary>
    /// The plan a navigation system would hand the forecaster: ~300 m segments of the route with their elevation change,
    /// the road-level expected speed, the forecast air temperature, and nothing the drive itself revealed: no stop-and-go
    /// energy (PKE 0, so the forecaster uses its typical value for the speed), no time spent standing, no wind, no limit.
    /// Its only input is a <see cref="PreDepartureView"/>.
    /// </summary>
    public static class NavPlanner
    {
        public static void Build(PreDepartureView view, RoutePlan plan, float cabinSetpointC = 21f)
        {
            plan.Clear();
            plan.CabinSetpointC = cabinSetpointC;
            plan.DestinationName = view.RouteName;
            double total = view.LengthM;
            int count = (int)Math.Max(1, Math.Round(total / RouteFromTrip.SegmentLengthM));
            count = Math.Min(count, RoutePlan.MaxSegments);
            double segLen = total / count;
            int g = 0;
            for (int s = 0; s < count; s++)
            {
                double start = s * segLen, end = s == count - 1 ? total : (s + 1) * segLen;
                double length = Math.Max(1.0, end - start);
                double dh = ElevationAt(view, end) - ElevationAt(view, start);
                double maxDh = 0.29 * length;
                if (Math.Abs(dh) > maxDh)
                {
                    dh = Math.Sign(dh) * maxDh;
                }

                // Expected speed: distance / time through the segment at the grid's road speeds.
                double time = 0;
                while (g + 1 < view.DistanceM.Count && view.DistanceM[g + 1] <= start)
                {
                    g++;
                }

                for (int j = g; j + 1 < view.DistanceM.Count && view.DistanceM[j] < end; j++)
                {
                    double a = Math.Max(start, view.DistanceM[j]), b = Math.Min(end, view.DistanceM[j + 1]);
                    if (b > a)
                    {
                        time += (b - a) / (view.RoadSpeedKmh[j] / 3.6);
                    }
                }

                double speed = time > 0 ? length / time * 3.6 : view.RoadSpeedKmh[g];
                plan.AddSegment(new RouteSegment
                {
                    LengthM = (float)length,
                    ElevationChangeM = (float)dh,
                    ExpectedSpeedKmh = (float)Math.Clamp(speed, 1, 250),
                    SpeedLimitKmh = 0f,
                    AmbientTempC = (float)view.ForecastAmbientC,
                    HeadwindMps = 0f,
                    PositiveKineticMps2 = 0f,
                });
            }
        }

        private static double ElevationAt(PreDepartureView view, double x)
        {
            var d = view.DistanceM;
            if (x <= d[0])
            {
                return view.ElevationM[0];
            }

            for (int j = 1; j < d.Count; j++)
            {
                if (d[j] >= x)
                {
                    double span = d[j] - d[j - 1];
                    double f = span > 0 ? (x - d[j - 1]) / span : 1;
                    return view.ElevationM[j - 1] + f * (view.ElevationM[j] - view.ElevationM[j - 1]);
                }
            }

            return view.ElevationM[d.Count - 1];
        }
    }
}
