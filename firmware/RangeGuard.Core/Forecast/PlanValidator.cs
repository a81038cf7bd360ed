namespace RangeGuard.Forecast
{
    /// <summary>Checks a route plan before it replaces the one in force. Errors name the item, the field and the reason.</summary>
    public static class PlanValidator
    {
        public const float MaxGrade = 0.30f;
        public const float MaxSegmentLengthM = 100000f;
        public const float MaxSpeedKmh = 250f;

        /// <summary>Null when the plan is usable, else the reason (<see cref="CheckHeader"/>, every segment, the chargers).</summary>
        public static string Check(RoutePlan plan, int capacity)
        {
            string problem = CheckHeader(plan, capacity);
            if (problem != null)
            {
                return problem;
            }

            RouteSegments g = plan.Segments;
            float total = 0f;
            for (int i = 0; i < plan.SegmentCount; i++)
            {
                problem = CheckSegment(g, i);
                if (problem != null)
                {
                    return problem;
                }

                total += g.LengthM[i];
            }

            return CheckChargers(plan, total);
        }

        /// <summary>The checks that do not depend on the route's length: counts, capacity, reserves, setpoint.</summary>
        public static string CheckHeader(RoutePlan plan, int capacity)
        {
            if (plan == null)
            {
                return "plan is null";
            }

            if (plan.SegmentCount < 1)
            {
                return "plan has no segments";
            }

            if (plan.SegmentCount > capacity || plan.SegmentCount > RoutePlan.MaxSegments)
            {
                return "too many segments: " + plan.SegmentCount.ToString() + " > " + capacity.ToString();
            }

            if (plan.ChargerCount < 0 || plan.ChargerCount > RoutePlan.MaxChargers)
            {
                return "charger count " + plan.ChargerCount.ToString() + " outside 0.." + RoutePlan.MaxChargers.ToString();
            }

            if (!In(plan.ChargerReservePercent, 0f, 100f) || !In(plan.DestinationReservePercent, 0f, 100f))
            {
                return "reserve percent outside 0..100";
            }

            if (!In(plan.CabinSetpointC, 5f, 35f))
            {
                return "cabin setpoint outside 5..35 °C";
            }

            return null;
        }

        /// <summary>Null when segment <paramref name="i"/> is usable, else the reason.</summary>
        public static string CheckSegment(RouteSegments g, int i)
        {
            float len = g.LengthM[i];
            if (!In(len, 0f, MaxSegmentLengthM) || len <= 0f)
            {
                return Item("segment ", i) + "length " + RangeGuard.Common.TextNumber.General(len) + " m must be > 0 and <= 100 km";
            }

            float climb = g.ElevationChangeM[i];
            if (!In(climb, -len * MaxGrade, len * MaxGrade))
            {
                return Item("segment ", i) + "grade " + RangeGuard.Common.TextNumber.Fixed(100f * climb / len, 1) + " % exceeds 30 % (or is not a number)";
            }

            if (!In(g.ExpectedSpeedKmh[i], 1f, MaxSpeedKmh))
            {
                return Item("segment ", i) + "expected speed " + RangeGuard.Common.TextNumber.General(g.ExpectedSpeedKmh[i]) + " km/h outside 1..250";
            }

            if (!In(g.SpeedLimitKmh[i], 0f, MaxSpeedKmh))
            {
                return Item("segment ", i) + "speed limit " + RangeGuard.Common.TextNumber.General(g.SpeedLimitKmh[i]) + " km/h outside 0..250 (0 = unknown)";
            }

            if (!In(g.AmbientTempC[i], -60f, 60f))
            {
                return Item("segment ", i) + "ambient " + RangeGuard.Common.TextNumber.General(g.AmbientTempC[i]) + " °C outside -60..60";
            }

            if (!In(g.HeadwindMps[i], -50f, 50f))
            {
                return Item("segment ", i) + "head wind " + RangeGuard.Common.TextNumber.General(g.HeadwindMps[i]) + " m/s outside -50..50";
            }

            if (!In(g.PositiveKineticMps2[i], 0f, 3f))
            {
                return Item("segment ", i) + "positive kinetic energy " + RangeGuard.Common.TextNumber.General(g.PositiveKineticMps2[i]) + " m/s² outside 0..3";
            }

            return null;
        }

        /// <summary>Null when the chargers lie in order on a route of <paramref name="totalM"/> with a usable power, else the reason.</summary>
        public static string CheckChargers(RoutePlan plan, float totalM)
        {
            RouteChargers c = plan.Chargers;
            float last = -1f;
            for (int i = 0; i < plan.ChargerCount; i++)
            {
                float pos = c.PositionM[i];
                if (!In(pos, 0f, totalM))
                {
                    return Item("charger ", i) + "position " + RangeGuard.Common.TextNumber.General(pos) + " m is not on the route (0.." + RangeGuard.Common.TextNumber.Fixed(totalM, 0) + " m)";
                }

                if (!In(c.PowerKw[i], 0f, 1000f) || c.PowerKw[i] <= 0f)
                {
                    return Item("charger ", i) + "power " + RangeGuard.Common.TextNumber.General(c.PowerKw[i]) + " kW missing or outside 0..1000";
                }

                if (pos < last)
                {
                    return Item("charger ", i) + "chargers must be in route order";
                }

                last = pos;
            }

            return null;
        }

        /// <summary>Error prefix, built only when there is an error (validation of a good plan allocates nothing).</summary>
        private static string Item(string kind, int index)
        {
            return kind + index.ToString() + ": ";
        }

        /// <summary>True for a finite value in [min, max] (NaN fails every comparison).</summary>
        private static bool In(float v, float min, float max)
        {
            return v >= min && v <= max;
        }
    }
}
