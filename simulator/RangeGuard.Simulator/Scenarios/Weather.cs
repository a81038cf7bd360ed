using System;
using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>
    /// Ambient conditions over time and place: a daily temperature profile (local hour) or a time series, plus offsets by route
    /// position and by elevation (lapse rate), wind by position, and sunshine for the cabin's solar gain.
    /// </summary>
    public sealed class Weather
    {
        public double ConstantC { get; init; } = 15;

        /// <summary>Temperature by local hour of day (0..24, wraps around midnight); null = not used.</summary>
        public Table1D? ByHourC { get; init; }
        public double[]? ByHourX { get; init; }

        /// <summary>Temperature by hours since the scenario start; overrides the daily profile when set.</summary>
        public Table1D? ByElapsedHoursC { get; init; }

        /// <summary>Added to the temperature by route position, km.</summary>
        public Table1D? OffsetByKmC { get; init; }

        /// <summary>°C lost per km of climb above the route's start elevation.</summary>
        public double LapseRateCPerKm { get; init; }
        public double StartElevationM { get; init; }

        public double HeadwindMps { get; init; }
        public Table1D? HeadwindByKmMps { get; init; }

        /// <summary>Peak solar gain factor (0 overcast/night .. 1 clear).</summary>
        public double Sunshine { get; init; } = 0.5;

        public double TemperatureC(double elapsedS, double localHour, double positionM, double elevationM)
        {
            double t = ConstantC;
            if (ByElapsedHoursC != null)
            {
                t = ByElapsedHoursC.Eval(elapsedS / 3600.0);
            }
            else if (ByHourC != null)
            {
                t = DailyProfile(localHour);
            }

            if (OffsetByKmC != null)
            {
                t += OffsetByKmC.Eval(positionM / 1000.0);
            }

            return t - LapseRateCPerKm * (elevationM - StartElevationM) / 1000.0;
        }

        public double HeadwindAt(double positionM)
            => HeadwindByKmMps != null ? HeadwindByKmMps.Eval(positionM / 1000.0) : HeadwindMps;

        /// <summary>Solar gain factor 0..1 by local hour: a half-sine between 06:00 and 18:00, scaled by the sunshine.</summary>
        public double SolarFactor(double localHour)
        {
            if (localHour <= 6 || localHour >= 18)
            {
                return 0;
            }

            return Sunshine * Math.Sin(Math.PI * (localHour - 6) / 12.0);
        }

        private double DailyProfile(double hour)
        {
            // Cyclic interpolation: between the last point of a day and the first of the next.
            double[] xs = ByHourX!;
            double first = xs[0];
            double last = xs[^1];
            if (hour < first || hour > last)
            {
                double a = ByHourC!.Eval(last);
                double b = ByHourC.Eval(first);
                double span = first + 24 - last;
                double h = hour < first ? hour + 24 : hour;
                return span <= 0 ? a : a + (b - a) * (h - last) / span;
            }

            return ByHourC!.Eval(hour);
        }
    }
}
