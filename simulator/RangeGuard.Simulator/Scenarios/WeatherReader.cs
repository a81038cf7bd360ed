using RangeGuard.Simulator.Physics;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Scenarios
{
    /// <summary>Reads the "weather" object of a scenario.</summary>
    internal static class WeatherReader
    {
        public static Weather Read(JsonCursor? w, Route route)
        {
            if (w == null)
            {
                return new Weather();
            }

            w.AllowOnly("temperatureC", "temperatureByHourC", "temperatureByElapsedHoursC", "offsetByKmC", "lapseRateCPerKm",
                "headwindMps", "headwindByKmMps", "sunshine");
            var byHour = w.Table("temperatureByHourC", false, -60, 60);
            if (byHour != null && (byHour.Value.X[0] < 0 || byHour.Value.X[^1] > 24))
            {
                w.Error("temperatureByHourC", "hours must be within 0..24 (local time of day)");
            }

            var byElapsed = w.Table("temperatureByElapsedHoursC", false, -60, 60);
            var offset = w.Table("offsetByKmC", false, -40, 40);
            var wind = w.Table("headwindByKmMps", false, -40, 40);
            if (!w.Has("temperatureC") && byHour == null && byElapsed == null)
            {
                w.Error("needs temperatureC, temperatureByHourC or temperatureByElapsedHoursC");
            }

            return new Weather
            {
                ConstantC = w.Number("temperatureC", 15, -60, 60),
                ByHourC = byHour == null ? null : new Table1D(byHour.Value.X, byHour.Value.Y),
                ByHourX = byHour?.X,
                ByElapsedHoursC = byElapsed == null ? null : new Table1D(byElapsed.Value.X, byElapsed.Value.Y),
                OffsetByKmC = offset == null ? null : new Table1D(offset.Value.X, offset.Value.Y),
                LapseRateCPerKm = w.Number("lapseRateCPerKm", 0, 0, 12),
                StartElevationM = route.Segments.Count > 0 ? route.Segments[0].StartElevationM : 0,
                HeadwindMps = w.Number("headwindMps", 0, -40, 40),
                HeadwindByKmMps = wind == null ? null : new Table1D(wind.Value.X, wind.Value.Y),
                Sunshine = w.Number("sunshine", 0.5, 0, 1),
            };
        }
    }
}
