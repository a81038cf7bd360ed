using System;
using RangeGuard.Forecast;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Running
{
    /// <summary>
    /// Turns a scenario into the agent's <see cref="RoutePlan"/> (what a real driver's navigation would hand over): the route as
    /// segments of at most <see cref="MaxPieceM"/>, expected speeds, the forecast temperature at the expected time of passage
    /// (truth + the scenario's forecast error), head wind, chargers, reserves and setpoint. For a board's Start.
    /// </summary>
    public static class RoutePlanBuilder
    {
        public const double MaxPieceM = 2000;

        /// <summary>Fills <paramref name="plan"/> for the whole route; false if it does not fit (then the plan is cleared).</summary>
        public static bool Fill(Scenario s, RoutePlan plan)
        {
            plan.Clear();
            plan.ChargerReservePercent = (float)s.ChargerReservePercent;
            plan.DestinationReservePercent = (float)s.DestinationReservePercent;
            plan.CabinSetpointC = double.IsNaN(s.CabinSetpointC) ? 21f : (float)s.CabinSetpointC;
            plan.DestinationName = s.DestinationName;
            bool ok = s.Route.IsCycle ? AddCycle(s, plan) : AddSegments(s, plan);
            foreach (ChargerSpec c in s.Chargers)
            {
                ok &= plan.AddCharger(new RouteCharger { PositionM = (float)c.PositionM, PowerKw = (float)c.PowerKw, IsDc = c.IsDc, Name = c.Name });
            }

            if (!ok)
            {
                plan.Clear();
            }

            return ok;
        }

        private static bool AddSegments(Scenario s, RoutePlan plan)
        {
            double etaS = 0;
            foreach (RoadSegment seg in s.Route.Segments)
            {
                int pieces = Math.Max(1, (int)Math.Ceiling(seg.LengthM / MaxPieceM));
                double len = seg.LengthM / pieces;
                double speedKmh = seg.TypicalSpeedKmh * s.Driver.SpeedFactor;
                for (int i = 0; i < pieces; i++)
                {
                    double mid = seg.StartM + (i + 0.5) * len;
                    if (!plan.AddSegment(Piece(s, len, seg.Grade * len, speedKmh, seg.SpeedLimitKmh, mid, etaS)))
                    {
                        return false;
                    }

                    etaS += len / (speedKmh / 3.6);
                }
            }

            return true;
        }

        private static bool AddCycle(Scenario s, RoutePlan plan)
        {
            double[] v = s.Route.CycleSpeedsMps!;
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
                    if (!plan.AddSegment(Piece(s, pieceM, 0, Math.Max(5, speedKmh), Math.Max(5, vmax), pos + pieceM / 2, i)))
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
                AmbientTempC = (float)(s.Weather.TemperatureC(etaS, hour, midM, elevation) + s.Perturb.ForecastTempErrorC),
                HeadwindMps = (float)(s.Weather.HeadwindAt(midM) + s.Perturb.HeadwindMps),
            };
        }
    }
}
