using System;
using System.Collections.Generic;
using RangeGuard.Host.Trips;

namespace RangeGuard.Host.Evaluation.Planning
{
    /// <summary>
    /// What a navigation system knows about a trip before departure, and nothing else: the route's elevation and a
    /// road-level expected speed on a distance grid, and a weather forecast of the air temperature. It is the ONLY
    /// input of <see cref="NavPlanner"/>; it holds no reference to the log, so the planner cannot read the energy,
    /// SOC, temperatures after departure, or the time the driver spent (stops, traffic lights, queues).
    /// </summary>
    /// <remarks>
    /// The logs carry no map, so the road-level speed is taken from the drive itself, as the nearest stand-in for a
    /// router's per-road speeds: moving seconds only (stops removed), averaged over a window of RoadSpeedWindowM of
    /// distance (distance / moving time: the speed a router would quote for the stretch). The forecast air temperature is
    /// the car's ambient reading at departure plus a seeded error (see <see cref="ForecastError"/>).
    /// </remarks>
    public sealed class PreDepartureView
    {
        /// <summary>Distance grid step, m.</summary>
        public const double GridStepM = 50.0;

        /// <summary>Window of the road-speed average, m (the issue asks for at least 2 km).</summary>
        public const double RoadSpeedWindowM = 2000.0;

        /// <summary>Below this the car counts as stopped, km/h.</summary>
        public const double StoppedBelowKmh = 2.0;

        private PreDepartureView(string routeName, double[] distanceM, double[] elevationM, double[] roadSpeedKmh, double forecastAmbientC)
        {
            RouteName = routeName;
            DistanceM = distanceM;
            ElevationM = elevationM;
            RoadSpeedKmh = roadSpeedKmh;
            ForecastAmbientC = forecastAmbientC;
        }

        public string RouteName { get; }

        /// <summary>Grid points along the route, m (0 … route length).</summary>
        public IReadOnlyList<double> DistanceM { get; }

        /// <summary>Elevation at each grid point, m (map data).</summary>
        public IReadOnlyList<double> ElevationM { get; }

        /// <summary>Expected speed at each grid point, km/h (road-level information, no stops).</summary>
        public IReadOnlyList<double> RoadSpeedKmh { get; }

        /// <summary>Forecast air temperature for the trip, °C.</summary>
        public double ForecastAmbientC { get; }

        public double LengthM => DistanceM[DistanceM.Count - 1];

        /// <summary>Builds the view from a log: only distance, elevation, moving speeds and the departure ambient are read.</summary>
        public static PreDepartureView FromTrip(TripLog trip, ForecastError weather)
        {
            if (trip.Count < 2)
            {
                throw new ArgumentException($"{trip.Name}: fewer than 2 samples");
            }

            double[] pos = RouteFromTrip.Positions(trip);
            double total = pos[trip.Count];
            int n = Math.Max(2, (int)Math.Ceiling(total / GridStepM) + 1);
            var dist = new double[n];
            var elev = new double[n];
            for (int g = 0; g < n; g++)
            {
                dist[g] = Math.Min(total, g * GridStepM);
            }

            // Elevation: the log's value at the first sample reaching each grid point (map elevation by distance).
            int row = 0;
            for (int g = 0; g < n; g++)
            {
                while (row < trip.Count - 1 && pos[row + 1] <= dist[g])
                {
                    row++;
                }

                elev[g] = trip.ElevationM[row];
            }

            // Moving distance and moving time per grid cell; the road speed is their ratio over a ±window/2 distance window.
            var cellM = new double[n];
            var cellS = new double[n];
            for (int i = 0; i < trip.Count; i++)
            {
                if (trip.SpeedKmh[i] < StoppedBelowKmh)
                {
                    continue;
                }

                double dt = RouteFromTrip.Dt(trip, i);
                int g = Math.Min(n - 1, (int)(pos[i] / GridStepM));
                cellM[g] += trip.SpeedKmh[i] / 3.6 * dt;
                cellS[g] += dt;
            }

            var speed = new double[n];
            int half = (int)Math.Round(RoadSpeedWindowM / 2 / GridStepM);
            for (int g = 0; g < n; g++)
            {
                double m = 0, s = 0;
                for (int j = Math.Max(0, g - half); j <= Math.Min(n - 1, g + half); j++)
                {
                    m += cellM[j];
                    s += cellS[j];
                }

                speed[g] = s > 0 ? Math.Clamp(m / s * 3.6, 5.0, 250.0) : 30.0;
            }

            return new PreDepartureView(trip.Name, dist, elev, speed, weather.ForecastFor(trip.Name, trip.AmbientTempC[0]));
        }
    }
}
