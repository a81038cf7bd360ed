using System;
using RangeGuard.Forecast;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>
    /// Turns a scenario into the agent's <see cref="RoutePlan"/> (what a real driver's navigation would hand over): the route as
    /// segments of at most <see cref="MaxPieceM"/>, the road's typical speeds (not the driver's), the forecast temperature at the
    /// expected time of passage (the scenario's forecast weather + its forecast error) and the forecast head wind (never the
    /// truth's), chargers at their rated power, reserves and setpoint.
    /// </summary>
    public static class RoutePlanBuilder
    {
        public const double MaxPieceM = 2000;

        /// <summary>Fills <paramref name="plan"/> for the whole route; false if it does not fit (then the plan is cleared).</summary>
        public static bool Fill(Scenario s, RoutePlan plan) => Fill(s, plan, 0, 0, null);

        /// <summary>As <see cref="Fill(Scenario, RoutePlan, double, double, int[])"/>, but the plan ends at <paramref name="endM"/> (a stop named <paramref name="endName"/>).</summary>
        public static bool Fill(Scenario s, RoutePlan plan, double originM, double startElapsedS, int[]? chargerMap, double endM, string endName)
        {
            if (!Fill(s, plan, originM, startElapsedS, chargerMap))
            {
                return false;
            }

            if (endM >= s.Route.LengthM - 1)
            {
                return true;
            }

            // Cut the segments at the end point and drop the chargers beyond it.
            double len = 0;
            int n = 0;
            while (n < plan.SegmentCount && len + plan.Segments[n].LengthM < endM - originM - 0.5)
            {
                len += plan.Segments[n].LengthM;
                n++;
            }

            if (n < plan.SegmentCount)
            {
                float keep = (float)(endM - originM - len);
                RouteSegment last = plan.Segments[n];
                if (keep >= 1f)
                {
                    last.ElevationChangeM *= keep / last.LengthM;
                    last.LengthM = keep;
                    plan.Segments[n] = last;
                    n++;
                }
            }

            plan.SegmentCount = n;
            float total = 0f;
            for (int i = 0; i < n; i++)
            {
                total += plan.Segments[i].LengthM;
            }

            int c = 0;
            for (int i = 0; i < plan.ChargerCount; i++)
            {
                if (plan.Chargers[i].PositionM <= endM - originM + 1)
                {
                    if (chargerMap != null)
                    {
                        chargerMap[c] = chargerMap[i];
                    }

                    RouteCharger ch = plan.Chargers[i];
                    ch.PositionM = Math.Min(ch.PositionM, total); // the stop itself: exactly at the end (float sums)
                    plan.Chargers[c++] = ch;
                }
            }

            plan.ChargerCount = c;
            plan.DestinationName = endName;
            plan.DestinationReservePercent = (float)s.ChargerReservePercent;
            return n > 0;
        }

        /// <summary>
        /// Fills <paramref name="plan"/> for the rest of the route from <paramref name="originM"/> (route distance; the plan's
        /// position 0), with forecast temperatures for passage times counted from <paramref name="startElapsedS"/> (simulated
        /// seconds since the scenario start). Only chargers ahead of the origin are included; <paramref name="chargerMap"/>
        /// (if given, at least RoutePlan.MaxChargers long) receives each plan charger's index in Scenario.Chargers.
        /// False if nothing is left or it does not fit (then the plan is cleared).
        /// </summary>
        public static bool Fill(Scenario s, RoutePlan plan, double originM, double startElapsedS, int[]? chargerMap)
        {
            plan.Clear();
            plan.ChargerReservePercent = (float)s.ChargerReservePercent;
            plan.DestinationReservePercent = (float)s.DestinationReservePercent;
            plan.CabinSetpointC = double.IsNaN(s.CabinSetpointC) ? 21f : (float)s.CabinSetpointC;
            plan.DestinationName = s.DestinationName;
            bool ok = s.Route.IsCycle ? AddCycle(s, plan, originM, startElapsedS) : AddSegments(s, plan, originM, startElapsedS);
            float total = 0f;
            for (int i = 0; i < plan.SegmentCount; i++)
            {
                total += plan.Segments[i].LengthM;
            }

            for (int i = 0; i < s.Chargers.Count; i++)
            {
                ChargerSpec c = s.Chargers[i];
                if (c.PositionM - originM <= 0)
                {
                    continue;
                }

                if (chargerMap != null && plan.ChargerCount < chargerMap.Length)
                {
                    chargerMap[plan.ChargerCount] = i;
                }

                // A charger at the route's end lands a few mm past the float sum of the segment lengths: put it exactly at the end.
                float at = (float)(c.PositionM - originM);
                at = at > total && at <= total + 1f ? total : at;
                ok &= plan.AddCharger(new RouteCharger { PositionM = at, PowerKw = (float)c.PowerKw, IsDc = c.IsDc, Name = c.Name });
            }

            if (!ok || plan.SegmentCount == 0)
            {
                plan.Clear();
            }

            return ok;
        }

        private static bool AddSegments(Scenario s, RoutePlan plan, double originM, double startElapsedS)
        {
            double etaS = startElapsedS;
            foreach (RoadSegment seg in s.Route.Segments)
            {
                double from = Math.Max(seg.StartM, originM);
                double remaining = seg.EndM - from;
                if (remaining < 1.0)
                {
                    continue;
                }

                int pieces = Math.Max(1, (int)Math.Ceiling(remaining / MaxPieceM));
                double len = remaining / pieces;
                // What a navigation system knows: the road's typical speed, not this driver's bias.
                double speedKmh = seg.TypicalSpeedKmh;
                for (int i = 0; i < pieces; i++)
                {
                    double mid = from + (i + 0.5) * len;
                    if (!plan.AddSegment(Piece(s, len, seg.Grade * len, speedKmh, seg.SpeedLimitKmh, mid, etaS)))
                    {
                        return false;
                    }

                    etaS += len / (speedKmh / 3.6);
                }
            }

            return true;
        }

        private static bool AddCycle(Scenario s, RoutePlan plan, double originM, double startElapsedS)
        {
            double[] v = s.Route.CycleSpeedsMps!;
            double t0 = startElapsedS - (originM > 0 ? CycleTimeAt(v, originM) : 0);
            double pieceM = 0, pieceS = 0, pos = 0, vmax = 0;
            for (int i = 1; i < v.Length; i++)
            {
                double d = 0.5 * (v[i] + v[i - 1]);
                pieceM += d;
                pieceS += 1;
                vmax = Math.Max(vmax, v[i] * 3.6);
                bool last = i == v.Length - 1;
                if (pieceM >= 500 || (last && pieceM > 0))
                {
                    double speedKmh = pieceM / pieceS * 3.6;
                    double keptM = pos + pieceM - Math.Max(pos, originM);
                    if (keptM >= 1.0 && !plan.AddSegment(Piece(s, keptM, 0, Math.Max(5, speedKmh), Math.Max(5, vmax), pos + pieceM - keptM / 2,
                        t0 + i)))
                    {
                        return false;
                    }

                    pos += pieceM;
                    pieceM = 0;
                    pieceS = 0;
                    vmax = 0;
                }
            }

            return true;
        }

        /// <summary>Seconds into the cycle at which it has covered <paramref name="distanceM"/>.</summary>
        private static double CycleTimeAt(double[] v, double distanceM)
        {
            double d = 0;
            for (int i = 1; i < v.Length; i++)
            {
                d += 0.5 * (v[i] + v[i - 1]);
                if (d >= distanceM)
                {
                    return i;
                }
            }

            return v.Length - 1;
        }

        private static RouteSegment Piece(Scenario s, double lengthM, double climbM, double speedKmh, double limitKmh, double midM, double etaS)
        {
            double hour = (s.Start.TimeOfDay.TotalHours + etaS / 3600) % 24;
            double elevation = s.Route.ElevationAt(midM);
            return new RouteSegment
            {
                LengthM = (float)lengthM,
                ElevationChangeM = (float)climbM,
                ExpectedSpeedKmh = (float)speedKmh,
                SpeedLimitKmh = (float)limitKmh,
                AmbientTempC = (float)(s.ForecastWeather.TemperatureC(etaS, hour, midM, elevation) + s.Perturb.ForecastTempErrorC),
                HeadwindMps = (float)s.ForecastWeather.HeadwindAt(midM),
            };
        }
    }
}
