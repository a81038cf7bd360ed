using System;
using System.Collections.Generic;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>One stretch of road with uniform grade and speed.</summary>
    public sealed record RoadSegment(double StartM, double LengthM, double StartElevationM, double EndElevationM,
        double SpeedLimitKmh, double TypicalSpeedKmh, string? Name)
    {
        public double EndM => StartM + LengthM;
        public double Grade => (EndElevationM - StartElevationM) / LengthM;
    }

    /// <summary>
    /// The path the car drives, as distance from the start (a path, not geography: a trip that doubles back is listed in the
    /// order driven). Either road segments, or a speed-vs-time trace of concatenated drive cycles.
    /// Lookups cache the last segment index, so a forward-moving car finds its segment in O(1) without allocating.
    /// </summary>
    public sealed class Route
    {
        private readonly RoadSegment[] _segments;
        private int _cursor;

        public Route(IReadOnlyList<RoadSegment> segments, double[]? cycleSpeedsMps, string? cycleDescription)
        {
            _segments = new RoadSegment[segments.Count];
            for (int i = 0; i < segments.Count; i++)
            {
                _segments[i] = segments[i];
            }

            CycleSpeedsMps = cycleSpeedsMps;
            CycleDescription = cycleDescription;
            if (cycleSpeedsMps != null)
            {
                double d = 0;
                for (int i = 1; i < cycleSpeedsMps.Length; i++)
                {
                    d += 0.5 * (cycleSpeedsMps[i] + cycleSpeedsMps[i - 1]);
                }

                LengthM = d;
            }
            else
            {
                LengthM = _segments.Length == 0 ? 0 : _segments[^1].EndM;
            }
        }

        public IReadOnlyList<RoadSegment> Segments => _segments;

        /// <summary>1 Hz speed trace when the route is made of drive cycles; null for a segment route.</summary>
        public double[]? CycleSpeedsMps { get; }
        public string? CycleDescription { get; }
        public bool IsCycle => CycleSpeedsMps != null;
        public double LengthM { get; }

        public int SegmentIndexAt(double positionM)
        {
            if (_segments.Length == 0)
            {
                return -1;
            }

            int i = _cursor;
            if (i >= _segments.Length)
            {
                i = _segments.Length - 1;
            }

            while (i > 0 && positionM < _segments[i].StartM)
            {
                i--;
            }

            while (i < _segments.Length - 1 && positionM >= _segments[i].EndM)
            {
                i++;
            }

            _cursor = i;
            return i;
        }

        public double ElevationAt(double positionM)
        {
            int i = SegmentIndexAt(positionM);
            if (i < 0)
            {
                return 0;
            }

            RoadSegment s = _segments[i];
            double f = Math.Clamp((positionM - s.StartM) / s.LengthM, 0, 1);
            return s.StartElevationM + f * (s.EndElevationM - s.StartElevationM);
        }

        public double GradeAt(double positionM)
        {
            int i = SegmentIndexAt(positionM);
            return i < 0 ? 0 : _segments[i].Grade;
        }

        /// <summary>Cycle target speed at a time since the start of the drive (linear between the 1 Hz samples).</summary>
        public double CycleSpeedAt(double tS)
        {
            double[] v = CycleSpeedsMps!;
            if (tS <= 0)
            {
                return v[0];
            }

            int i = (int)tS;
            if (i >= v.Length - 1)
            {
                return v[^1];
            }

            double f = tS - i;
            return v[i] + f * (v[i + 1] - v[i]);
        }

        public double CycleDurationS => CycleSpeedsMps == null ? 0 : CycleSpeedsMps.Length - 1;
    }
}
