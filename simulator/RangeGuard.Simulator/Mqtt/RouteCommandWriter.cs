using System;
using RangeGuard.Forecast;
using RangeGuard.Messaging;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Mqtt
{
    /// <summary>
    /// A scenario's route as a <c>cmd/route</c> payload (hardware-docs/mqtt-contract.md): the plan the board would hand its
    /// agent (<see cref="RoutePlanBuilder"/>: expected speeds, forecast air at the time of passage, head wind, chargers,
    /// reserves, setpoint), with neighbouring 2 km pieces of like conditions merged so the command stays well under 32 KiB.
    /// </summary>
    public static class RouteCommandWriter
    {
        public const float MaxSegmentM = 100000f;
        public const float AirStepC = 1f;
        public const float WindStepMps = 0.5f;

        /// <param name="departMs">Departure time to send, ms since the epoch; negative: none.</param>
        public static string Write(Scenario s, string requestId, long departMs)
        {
            var plan = new RoutePlan();
            if (!RoutePlanBuilder.Fill(s, plan))
            {
                throw new InvalidOperationException($"scenario {s.Name}: its route does not fit a plan");
            }

            var w = new JsonWriter(32768);
            w.Begin();
            w.Prop("id", requestId);
            w.BeginArray("segments");
            int i = 0;
            while (i < plan.SegmentCount)
            {
                RouteSegment a = plan.Segments[i];
                double len = a.LengthM, climb = a.ElevationChangeM, air = a.AmbientTempC * a.LengthM, wind = a.HeadwindMps * a.LengthM;
                int j = i + 1;
                while (j < plan.SegmentCount && Like(a, plan.Segments[j]) && len + plan.Segments[j].LengthM <= MaxSegmentM)
                {
                    RouteSegment b = plan.Segments[j];
                    len += b.LengthM;
                    climb += b.ElevationChangeM;
                    air += b.AmbientTempC * b.LengthM;
                    wind += b.HeadwindMps * b.LengthM;
                    j++;
                }

                w.BeginItem();
                w.Prop("len_m", (float)len, 1);
                w.Prop("climb_m", (float)climb, 1);
                w.Prop("speed_kmh", a.ExpectedSpeedKmh, 1);
                w.Prop("limit_kmh", a.SpeedLimitKmh, 1);
                w.Prop("air_c", (float)(air / len), 1);
                w.Prop("wind_mps", (float)(wind / len), 1);
                if (a.PositiveKineticMps2 > 0f)
                {
                    w.Prop("pke_mps2", a.PositiveKineticMps2, 4);
                }

                w.EndItem();
                i = j;
            }

            w.EndArray();
            w.BeginArray("chargers");
            for (int c = 0; c < plan.ChargerCount; c++)
            {
                RouteCharger ch = plan.Chargers[c];
                w.BeginItem();
                w.Prop("pos_m", ch.PositionM, 0);
                w.Prop("kw", ch.PowerKw, 1);
                w.Prop("kind", ch.IsDc ? "dc" : "ac");
                w.Prop("name", Cut(ch.Name));
                w.EndItem();
            }

            w.EndArray();
            w.Prop("dest_name", Cut(plan.DestinationName));
            w.Prop("dest_reserve_pct", plan.DestinationReservePercent, 1);
            w.Prop("charger_reserve_pct", plan.ChargerReservePercent, 1);
            w.Prop("cabin_c", Math.Clamp(plan.CabinSetpointC, 5f, 35f), 1);
            if (departMs >= 0)
            {
                w.Prop("depart_ms", departMs);
            }

            return w.End();
        }

        private static bool Like(RouteSegment a, RouteSegment b)
            => a.ExpectedSpeedKmh == b.ExpectedSpeedKmh && a.SpeedLimitKmh == b.SpeedLimitKmh && a.PositiveKineticMps2 == b.PositiveKineticMps2
               && Math.Abs(a.AmbientTempC - b.AmbientTempC) < AirStepC && Math.Abs(a.HeadwindMps - b.HeadwindMps) < WindStepMps;

        private static string? Cut(string? name) => name == null || name.Length <= MqttTopics.MaxVehicleIdChars ? name : name[..MqttTopics.MaxVehicleIdChars];
    }
}
