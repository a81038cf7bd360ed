using RangeGuard.Forecast;
using RangeGuard.Messaging.Json;

namespace RangeGuard.Messaging.Commands
{
    /// <summary>
    /// Staging copy of a <c>cmd/route</c> (fields in hardware-docs/mqtt-contract.md): the plan is parsed and checked here in
    /// full; the agent takes it over (<see cref="TakePlan"/>, Agent.TryAdoptPlan: no copy) only when the whole command was
    /// valid. The staging plan is allocated when a route arrives and let go after it, so between commands the car keeps
    /// one route: the plan in force.
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

        private readonly int _segmentCapacity;
        private readonly int _chargerCapacity;

        public RouteCommand(int segmentCapacity) : this(segmentCapacity, RoutePlan.MaxChargers)
        {
        }

        public RouteCommand(int segmentCapacity, int chargerCapacity)
        {
            _segmentCapacity = segmentCapacity;
            _chargerCapacity = chargerCapacity;
        }

        /// <summary>The staged plan (valid only after a successful parse; null before the first parse and after <see cref="TakePlan"/>).</summary>
        public RoutePlan Plan { get; private set; }

        /// <summary>Segments a route may have (the staging plan's capacity).</summary>
        public int SegmentCapacity
        {
            get { return _segmentCapacity; }
        }

        /// <summary>Hands the staged plan over (to the agent, which keeps it) or lets it go; the next route gets a new one.</summary>
        public RoutePlan TakePlan()
        {
            RoutePlan p = Plan;
            Plan = null;
            return p;
        }

        public string RequestId { get; private set; }

        /// <summary>Departure time, ms since epoch; -1 when the command sets none.</summary>
        public long DepartureMs { get; private set; }

        /// <summary><see cref="Step"/>: more to read, the route is valid and staged, the route is refused (the reader has why).</summary>
        public const int Reading = 0;
        public const int Valid = 1;
        public const int Invalid = 2;

        // Where a stepped parse stands: top-level fields, inside "segments", then the checks over the whole route.
        private const int AtFields = 0;
        private const int InSegments = 1;
        private const int FillingAir = 2;
        private const int CheckingChargers = 3;
        private const int CheckingSegments = 4;

        private int _state;
        private int _seen;
        private int _i;
        private float _routeAir;
        private float _carAir;
        private float _total;

        /// <summary>Parses the document the reader stands on (its root object) in one go (see <see cref="Begin"/>).</summary>
        internal bool Parse(CommandReader r, float carAmbientC)
        {
            Begin(carAmbientC);
            int step;
            do
            {
                step = Step(r, int.MaxValue);
            }
            while (step == Reading);
            return step == Valid;
        }

        /// <summary>
        /// Starts parsing the document the reader stands on (its root object); <see cref="Step"/> reads it a few segments at
        /// a time, so a long route never stalls the loop. <paramref name="carAmbientC"/> fills segments without an air
        /// temperature when the route gives none (NaN: 10 °C).
        /// </summary>
        internal void Begin(float carAmbientC)
        {
            if (Plan == null)
            {
                Plan = new RoutePlan(_segmentCapacity, _chargerCapacity);
            }

            RoutePlan p = Plan;
            p.Clear();
            p.ChargerReservePercent = 10f;
            p.DestinationReservePercent = 15f;
            p.CabinSetpointC = 21f;
            p.DestinationName = null;
            RequestId = null;
            DepartureMs = -1;
            _routeAir = float.NaN;
            _carAir = carAmbientC;
            _seen = 0;
            _state = AtFields;
        }

        /// <summary>Reads and checks at most <paramref name="segments"/> more segments (fields and chargers between them). Returns Reading, Valid or Invalid.</summary>
        internal int Step(CommandReader r, int segments)
        {
            RoutePlan p = Plan;
            int budget = segments;
            while (true)
            {
                switch (_state)
                {
                    case AtFields:
                        int f = r.NextField(s_fields, ref _seen);
                        if (f == -1)
                        {
                            if ((_seen & 2) == 0)
                            {
                                return Refused(r.FailField("segments", "required"));
                            }

                            _state = FillingAir;
                            _i = 0;
                            _total = 0f;
                            continue;
                        }

                        if (f == -2 || !ReadField(r, f))
                        {
                            return Invalid;
                        }

                        continue;
                    case InSegments:
                        if (budget-- <= 0)
                        {
                            return Reading;
                        }

                        int t = r.Json.Read();
                        if (t == JsonToken.EndArray)
                        {
                            r.Pop();
                            if (_i == 0)
                            {
                                return Refused(r.FailField("segments", "at least one segment is required"));
                            }

                            _state = AtFields;
                            continue;
                        }

                        if (!ReadSegmentAt(r, t))
                        {
                            return Invalid;
                        }

                        continue;
                    case FillingAir:
                        float air = !float.IsNaN(_routeAir) ? _routeAir : (float.IsNaN(_carAir) ? DefaultAmbientC : _carAir);
                        float[] segAir = p.Segments.AmbientTempC;
                        float[] len = p.Segments.LengthM;
                        for (; _i < p.SegmentCount; _i++)
                        {
                            if (budget-- <= 0)
                            {
                                return Reading;
                            }

                            if (float.IsNaN(segAir[_i]))
                            {
                                segAir[_i] = air;
                            }

                            _total += len[_i];
                        }

                        _state = CheckingChargers;
                        continue;
                    case CheckingChargers:
                        if (!CheckChargerPlaces(r, p, _total))
                        {
                            return Invalid;
                        }

                        // The forecaster's own checks are the last word (it applies the same ones when it takes the plan).
                        string problem = PlanValidator.CheckHeader(p, p.Segments.Length);
                        if (problem != null)
                        {
                            return Refused(r.FailField("segments", problem));
                        }

                        _state = CheckingSegments;
                        _i = 0;
                        _total = 0f;
                        continue;
                    default:
                        for (; _i < p.SegmentCount; _i++)
                        {
                            if (budget-- <= 0)
                            {
                                return Reading;
                            }

                            problem = PlanValidator.CheckSegment(p.Segments, _i);
                            if (problem != null)
                            {
                                return Refused(r.FailField("segments", problem));
                            }

                            _total += p.Segments.LengthM[_i];
                        }

                        problem = PlanValidator.CheckChargers(p, _total);
                        return problem == null ? Valid : Refused(r.FailField("segments", problem));
                }
            }
        }

        private static int Refused(bool recorded)
        {
            return Invalid;
        }

        /// <summary>Reads top-level field <paramref name="f"/>; "segments" only opens the array (<see cref="Step"/> reads it).</summary>
        private bool ReadField(CommandReader r, int f)
        {
            RoutePlan p = Plan;
            string id;
            long l;
            switch (f)
            {
                case 0: bool ok = r.String("id", CommandParser.MaxIdChars, false, out id); RequestId = id; return ok;
                case 1:
                    if (!r.ExpectArray("segments"))
                    {
                        return false;
                    }

                    r.Push("segments");
                    _i = 0;
                    _state = InSegments;
                    return true;
                case 2: return r.Number("air_c", -60, 60, out _routeAir);
                case 3: return ReadChargers(r);
                case 4: ok = r.String("dest_name", CommandParser.MaxNameChars, true, out id); p.DestinationName = id; return ok;
                case 5: return r.Number("dest_reserve_pct", 0, 100, out p.DestinationReservePercent);
                case 6: return r.Number("charger_reserve_pct", 0, 100, out p.ChargerReservePercent);
                case 7: return r.Number("cabin_c", 5, 35, out p.CabinSetpointC);
                default: ok = r.Integer("depart_ms", MinDepartureMs, MaxDepartureMs, out l); DepartureMs = l; return ok;
            }
        }

        /// <summary>One element of "segments" (the reader stands on its first token <paramref name="t"/>).</summary>
        private bool ReadSegmentAt(CommandReader r, int t)
        {
            RoutePlan p = Plan;
            r.PushIndex(_i);
            if (t != JsonToken.BeginObject)
            {
                return r.Json.Token == JsonToken.Error ? r.SyntaxError() : r.Fail("expected an object, found " + JsonToken.Describe(t));
            }

            if (_i >= p.Segments.Length)
            {
                r.Pop();
                return r.Fail("more than " + p.Segments.Length.ToString() + " segments (this car holds " + p.Segments.Length.ToString() + ")");
            }

            if (!ReadSegment(r, p.Segments, _i))
            {
                return false;
            }

            p.SegmentCount = _i + 1;
            r.Pop();
            _i++;
            return true;
        }

        /// <summary>Chargers on the route (not beyond its end) and in route order.</summary>
        private static bool CheckChargerPlaces(CommandReader r, RoutePlan p, float total)
        {
            float last = 0f;
            for (int i = 0; i < p.ChargerCount; i++)
            {
                float pos = p.Chargers.PositionM[i];
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

            return true;
        }

        /// <summary>Reads segment <paramref name="i"/> into the plan's columns (no struct copies: each would box on the device).</summary>
        private static bool ReadSegment(CommandReader r, RouteSegments s, int i)
        {
            s.LengthM[i] = 0f;
            s.ElevationChangeM[i] = 0f;
            s.ExpectedSpeedKmh[i] = 0f;
            s.SpeedLimitKmh[i] = 0f;
            s.AmbientTempC[i] = float.NaN;
            s.HeadwindMps[i] = 0f;
            s.PositiveKineticMps2[i] = 0f;
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
                    case 0: ok = r.Number("len_m", 1, PlanValidator.MaxSegmentLengthM, out s.LengthM[i]); break;
                    case 1: ok = r.Number("climb_m", -30000, 30000, out s.ElevationChangeM[i]); break;
                    case 2: ok = r.Number("speed_kmh", 1, PlanValidator.MaxSpeedKmh, out s.ExpectedSpeedKmh[i]); break;
                    case 3: ok = r.Number("limit_kmh", 0, PlanValidator.MaxSpeedKmh, out s.SpeedLimitKmh[i]); break;
                    case 4: ok = r.Number("air_c", -60, 60, out s.AmbientTempC[i]); break;
                    case 5: ok = r.Number("wind_mps", -50, 50, out s.HeadwindMps[i]); break;
                    default: ok = r.Number("pke_mps2", 0, 3, out s.PositiveKineticMps2[i]); break;
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

            float limit = s.LengthM[i] * PlanValidator.MaxGrade;
            float climb = s.ElevationChangeM[i];
            if (climb > limit || climb < -limit)
            {
                return r.FailField("climb_m", "grade " + CommandReader.NumberText(100.0 * climb / s.LengthM[i]) + " % is steeper than 30 %");
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

                RouteChargers c = p.Chargers;
                c.PositionM[i] = 0f;
                c.PowerKw[i] = 0f;
                c.IsDc[i] = false;
                c.Name[i] = null;
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
                        case 0: ok = r.Number("pos_m", 0, 1e7, out c.PositionM[i]); break;
                        case 1: ok = r.Number("kw", 0.5, 1000, out c.PowerKw[i]); break;
                        case 2: ok = r.Choice("kind", s_kinds, out kind); c.IsDc[i] = kind == 1; break;
                        default: ok = r.String("name", CommandParser.MaxNameChars, true, out c.Name[i]); break;
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

                p.ChargerCount = i + 1;
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
