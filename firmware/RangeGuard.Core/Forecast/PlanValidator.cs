namespace RangeGuard.Forecast
{
    /// <summary>Checks a route plan before it replaces the one in force. Errors name the item, the field and the reason.</summary>
    public static class PlanValidator
    {
        public const float MaxGrade = 0.30f;
        public const float MaxSegmentLengthM = 100000f;
        public const float MaxSpeedKmh = 250f;

        /// <summary>Null when the plan is usable, else the reason.</summary>
        public static string Check(RoutePlan plan, int capacity)
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

            float total = 0f;
            for (int i = 0; i < plan.SegmentCount; i++)
            {
                RouteSegment s = plan.Segments[i];
                if (!In(s.LengthM, 0f, MaxSegmentLengthM) || s.LengthM <= 0f)
                {
                    return Item("segment ", i) + "length " + RangeGuard.Common.TextNumber.General(s.LengthM) + " m must be > 0 and <= 100 km";
                }

                if (!In(s.ElevationChangeM, -s.LengthM * MaxGrade, s.LengthM * MaxGrade))
                {
                    return Item("segment ", i) + "grade " + RangeGuard.Common.TextNumber.Fixed(100f * s.ElevationChangeM / s.LengthM, 1) + " % exceeds 30 % (or is not a number)";
                }

                if (!In(s.ExpectedSpeedKmh, 1f, MaxSpeedKmh))
                {
                    return Item("segment ", i) + "expected speed " + RangeGuard.Common.TextNumber.General(s.ExpectedSpeedKmh) + " km/h outside 1..250";
                }

                if (!In(s.SpeedLimitKmh, 0f, MaxSpeedKmh))
                {
                    return Item("segment ", i) + "speed limit " + RangeGuard.Common.TextNumber.General(s.SpeedLimitKmh) + " km/h outside 0..250 (0 = unknown)";
                }

                if (!In(s.AmbientTempC, -60f, 60f))
                {
                    return Item("segment ", i) + "ambient " + RangeGuard.Common.TextNumber.General(s.AmbientTempC) + " °C outside -60..60";
                }

                if (!In(s.HeadwindMps, -50f, 50f))
                {
                    return Item("segment ", i) + "head wind " + RangeGuard.Common.TextNumber.General(s.HeadwindMps) + " m/s outside -50..50";
                }

                if (!In(s.PositiveKineticMps2, 0f, 3f))
                {
                    return Item("segment ", i) + "positive kinetic energy " + RangeGuard.Common.TextNumber.General(s.PositiveKineticMps2) + " m/s² outside 0..3";
                }

                total += s.LengthM;
            }

            float last = -1f;
            for (int i = 0; i < plan.ChargerCount; i++)
            {
                RouteCharger c = plan.Chargers[i];
                if (!In(c.PositionM, 0f, total))
                {
                    return Item("charger ", i) + "position " + RangeGuard.Common.TextNumber.General(c.PositionM) + " m is not on the route (0.." + RangeGuard.Common.TextNumber.Fixed(total, 0) + " m)";
                }

                if (!In(c.PowerKw, 0f, 1000f) || c.PowerKw <= 0f)
                {
                    return Item("charger ", i) + "power " + RangeGuard.Common.TextNumber.General(c.PowerKw) + " kW missing or outside 0..1000";
                }

                if (c.PositionM < last)
                {
                    return Item("charger ", i) + "chargers must be in route order";
                }

                last = c.PositionM;
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
