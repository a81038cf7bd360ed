using RangeGuard.Forecast;
using RangeGuard.Messaging.Json;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>
    /// Staging copy of a <c>cmd/route</c> (fields in hardware-docs/mqtt-contract.md): the plan is parsed and checked here in
    /// full; the agent takes it (RoutePlan.CopyFrom / TrySetPlan) only when the whole command was valid.
    /// </summary>
    public sealed class RouteCommand
    {
        public const float DefaultAmbientC = 10f;
        public const long MinDepartureMs = 1577836800000L; // 2020-01-01
        public const long MaxDepartureMs = 4102444800000L; // 2100-01-01

        private static readonly string[] s_fields =
        {
            "id", "segments", "air_c", "chargers", "dest_name", "dest_reserve_pct", "charger_reserve_pct", "cabin_c", "depart_ms",
        };

        private static readonly string[] s_segmentFields = { "len_m", "climb_m", "speed_kmh", "limit_kmh", "air_c", "wind_mps", "pke_mps2" };
        private static readonly string[] s_chargerFields = { "pos_m", "kw", "kind", "name" };
        private static readonly string[] s_kinds = { "ac", "dc" };

        /// <summary>The fields the command accepts (top level, per segment, per charger): the contract test reads them.</summary>
        public static string[] Fields() { return Copy(s_fields); }

        public static string[] SegmentFields() { return Copy(s_segmentFields); }

        public static string[] ChargerFields() { return Copy(s_chargerFields); }

        public RouteCommand(int segmentCapacity)
        {
            Plan = new RoutePlan(segmentCapacity);
        }

        /// <summary>The staged plan (valid only after a successful parse).</summary>
        public RoutePlan Plan { get; private set; }

        public string RequestId { get; private set; }

        /// <summary>Departure time, ms since epoch; -1 when the command sets none.</summary>
        public long DepartureMs { get; private set; }

        /// <summary>Parses the document the reader stands on (its root object). <paramref name="carAmbientC"/> fills segments without an air temperature when the route gives none (NaN: 10 °C).</summary>
        internal bool Parse(CommandReader r, float carAmbientC)
        {
            RoutePlan p = Plan;
            p.Clear();
            p.ChargerReservePercent = 10f;
            p.DestinationReservePercent = 15f;
            p.CabinSetpointC = 21f;
            p.DestinationName = null;
            RequestId = null;
            DepartureMs = -1;
            float routeAir = float.NaN;
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_fields, ref seen);
                if (f == -1)
                {
                    break;
                }

                if (f == -2)
                {
                    return false;
                }

                string id;
                long l;
                bool ok;
                switch (f)
                {
                    case 0: ok = r.String("id", CommandParser.MaxIdChars, false, out id); RequestId = id; break;
                    case 1: ok = ReadSegments(r); break;
                    case 2: ok = r.Number("air_c", -60, 60, out routeAir); break;
                    case 3: ok = ReadChargers(r); break;
                    case 4: ok = r.String("dest_name", CommandParser.MaxNameChars, true, out id); p.DestinationName = id; break;
                    case 5: ok = r.Number("dest_reserve_pct", 0, 100, out p.DestinationReservePercent); break;
                    case 6: ok = r.Number("charger_reserve_pct", 0, 100, out p.ChargerReservePercent); break;
                    case 7: ok = r.Number("cabin_c", 5, 35, out p.CabinSetpointC); break;
                    default: ok = r.Integer("depart_ms", MinDepartureMs, MaxDepartureMs, out l); DepartureMs = l; break;
                }

                if (!ok)
                {
                    return false;
                }
            }

            if ((seen & 2) == 0)
            {
                return r.FailField("segments", "required");
            }

            float air = !float.IsNaN(routeAir) ? routeAir : (float.IsNaN(carAmbientC) ? DefaultAmbientC : carAmbientC);
            float total = 0f;
            for (int i = 0; i < p.SegmentCount; i++)
            {
                if (float.IsNaN(p.Segments[i].AmbientTempC))
                {
                    p.Segments[i].AmbientTempC = air;
                }

                total += p.Segments[i].LengthM;
            }

            float last = 0f;
            for (int i = 0; i < p.ChargerCount; i++)
            {
                float pos = p.Chargers[i].PositionM;
                if (pos > total)
                {
                    return FailCharger(r, i, "pos_m", CommandReader.NumberText(pos) + " is beyond the end of the route (" + CommandReader.NumberText(total) + " m)");
                }

                if (pos < last)
                {
                    return FailCharger(r, i, "pos_m", "chargers must be in route order");
                }

                last = pos;
            }

            // The forecaster's own check is the last word (it is what TrySetPlan applies).
            string problem = PlanValidator.Check(p, p.Segments.Length);
            return problem == null || r.FailField("segments", problem);
        }

        private bool ReadSegments(CommandReader r)
        {
            if (!r.ExpectArray("segments"))
            {
                return false;
            }

            RoutePlan p = Plan;
            r.Push("segments");
            int i = 0;
            while (true)
            {
                int t = r.Json.Read();
                if (t == JsonToken.EndArray)
                {
                    break;
                }

                r.PushIndex(i);
                if (t != JsonToken.BeginObject)
                {
                    return r.Json.Token == JsonToken.Error ? r.SyntaxError() : r.Fail("expected an object, found " + JsonToken.Describe(t));
                }

                if (i >= p.Segments.Length)
                {
                    r.Pop();
                    return r.Fail("more than " + p.Segments.Length.ToString() + " segments (this car holds " + p.Segments.Length.ToString() + ")");
                }

                RouteSegment s;
                if (!ReadSegment(r, out s))
                {
                    return false;
                }

                p.AddSegment(s);
                r.Pop();
                i++;
            }

            r.Pop();
            return i > 0 || r.FailField("segments", "at least one segment is required");
        }

        private static bool ReadSegment(CommandReader r, out RouteSegment s)
        {
            s = new RouteSegment();
            s.AmbientTempC = float.NaN;
            int seen = 0;
            while (true)
            {
                int f = r.NextField(s_segmentFields, ref seen);
                if (f == -1)
                {
                    break;
                }

                bool ok;
                switch (f)
                {
                    case -2: return false;
                    case 0: ok = r.Number("len_m", 1, PlanValidator.MaxSegmentLengthM, out s.LengthM); break;
                    case 1: ok = r.Number("climb_m", -30000, 30000, out s.ElevationChangeM); break;
                    case 2: ok = r.Number("speed_kmh", 1, PlanValidator.MaxSpeedKmh, out s.ExpectedSpeedKmh); break;
                    case 3: ok = r.Number("limit_kmh", 0, PlanValidator.MaxSpeedKmh, out s.SpeedLimitKmh); break;
                    case 4: ok = r.Number("air_c", -60, 60, out s.AmbientTempC); break;
                    case 5: ok = r.Number("wind_mps", -50, 50, out s.HeadwindMps); break;
                    default: ok = r.Number("pke_mps2", 0, 3, out s.PositiveKineticMps2); break;
                }

                if (!ok)
                {
                    return false;
                }
            }

            if ((seen & 1) == 0)
            {
                return r.FailField("len_m", "required");
            }

            if ((seen & 4) == 0)
            {
                return r.FailField("speed_kmh", "required");
            }

            float limit = s.LengthM * PlanValidator.MaxGrade;
            if (s.ElevationChangeM > limit || s.ElevationChangeM < -limit)
            {
                return r.FailField("climb_m", "grade " + CommandReader.NumberText(100.0 * s.ElevationChangeM / s.LengthM) + " % is steeper than 30 %");
            }

            return true;
        }

        private bool ReadChargers(CommandReader r)
        {
            if (!r.ExpectArray("chargers"))
            {
                return false;
            }

            RoutePlan p = Plan;
            r.Push("chargers");
            int i = 0;
            while (true)
            {
                int t = r.Json.Read();
                if (t == JsonToken.EndArray)
                {
                    break;
                }

                r.PushIndex(i);
                if (t != JsonToken.BeginObject)
                {
                    return r.Json.Token == JsonToken.Error ? r.SyntaxError() : r.Fail("expected an object, found " + JsonToken.Describe(t));
                }

                if (i >= p.Chargers.Length)
                {
                    r.Pop();
                    return r.Fail("more than " + p.Chargers.Length.ToString() + " chargers");
                }

                RouteCharger c = new RouteCharger();
                int seen = 0;
                while (true)
                {
                    int f = r.NextField(s_chargerFields, ref seen);
                    if (f == -1)
                    {
                        break;
                    }

                    bool ok;
                    int kind;
                    switch (f)
                    {
                        case -2: return false;
                        case 0: ok = r.Number("pos_m", 0, 1e7, out c.PositionM); break;
                        case 1: ok = r.Number("kw", 0.5, 1000, out c.PowerKw); break;
                        case 2: ok = r.Choice("kind", s_kinds, out kind); c.IsDc = kind == 1; break;
                        default: ok = r.String("name", CommandParser.MaxNameChars, true, out c.Name); break;
                    }

                    if (!ok)
                    {
                        return false;
                    }
                }

                if ((seen & 1) == 0)
                {
                    return r.FailField("pos_m", "required");
                }

                if ((seen & 2) == 0)
                {
                    return r.FailField("kw", "required");
                }

                if ((seen & 4) == 0)
                {
                    return r.FailField("kind", "required (ac or dc)");
                }

                p.AddCharger(c);
                r.Pop();
                i++;
            }

            r.Pop();
            return true;
        }

        private static string[] Copy(string[] a)
        {
            return RangeGuard.Common.Strings.Copy(a);
        }

        private static bool FailCharger(CommandReader r, int index, string field, string reason)
        {
            r.Push("chargers");
            r.PushIndex(index);
            r.FailField(field, reason);
            r.Pop();
            r.Pop();
            return false;
        }
    }
}
