using RangeGuard.Agents;
using RangeGuard.Forecast;
using RangeGuard.Trip;

namespace RangeGuard.Messaging.Payloads
{
    /// <summary>The retained <c>forecast</c> payload (hardware-docs/mqtt-contract.md, "forecast"; keep both in step).</summary>
    public static class ForecastPayload
    {
        /// <summary>Top causes listed at most.</summary>
        public const int MaxCauses = 3;

        /// <param name="planId">Request id of the cmd/route in force, or null for a plan set locally.</param>
        public static string Write(JsonWriter w, long nowMs, string planId, Agent a)
        {
            ForecastResult f = a.Forecast;
            TripContext trip = a.Trip;
            DriverAdvice advice = a.Advice;
            w.Begin();
            w.Prop("v", MqttContract.Version);
            w.Prop("t", nowMs);
            w.Prop("plan", planId);
            w.Prop("valid", f.Valid);
            w.Prop("degraded", f.Degraded);
            w.Prop("reason", f.Reason);
            w.Prop("pos_m", a.PositionM, 0);
            w.Prop("band", f.BandRelativeWidth, 3);
            if (f.Valid)
            {
                w.BeginObject("dest");
                w.Prop("name", trip.DestinationName);
                Arrival(w, ref f.Destination);
                w.EndObject();
            }
            else
            {
                w.PropNull("dest");
            }

            w.BeginArray("chargers");
            for (int k = 0; f.Valid && k < f.ChargersAhead; k++)
            {
                int i = f.AheadIndex[k];
                w.BeginItem();
                w.Prop("i", i);
                w.Prop("name", i < trip.ChargerCount ? trip.Plan.Chargers.Name[i] : null);
                Arrival(w, ref f.Ahead[k]);
                w.EndItem();
            }

            w.EndArray();
            w.BeginArray("causes");
            for (int k = 0; f.Valid && k < MaxCauses && k < f.TopCauses.Length; k++)
            {
                int cause = f.TopCauses[k];
                if (cause < 0)
                {
                    continue;
                }

                w.BeginItem();
                w.Prop("cause", LossCause.Name(cause));
                w.Prop("km", f.LossKmByCause[cause], 1);
                w.EndItem();
            }

            w.EndArray();
            w.Prop("strand_m", f.Valid ? f.StrandingDistanceM : -1f, 0);
            w.BeginObject("advice");
            // The forecaster's own convention: 0 = no cap needed, negative = no speed suffices.
            w.Prop("max_kmh", !f.Valid ? 0f : (f.AdviceMaxSpeedKmh < 0f ? -1f : f.AdviceMaxSpeedKmh), 0);
            w.Prop("charge_at", advice.ChargerIndex);
            w.Prop("charge_min", advice.ChargerIndex >= 0 ? advice.ChargeMinutes : 0f, 0);
            w.Prop("charge_to_pct", advice.ChargerIndex >= 0 ? advice.ChargeToSocPercent : 0f, 0);
            w.Prop("setpoint_gain_km", f.Valid ? f.AdviceSetpointGainKm : 0f, 1);
            w.Prop("plug_in", advice.PlugInWhenParked);
            w.Prop("precondition", MqttContract.PreconditionMode(a.Preconditioning.Mode));
            w.EndObject();
            return w.End();
        }

        /// <summary>The estimate by ref: on nanoFramework each field read of a struct passed by value copies it to the heap.</summary>
        private static void Arrival(JsonWriter w, ref ArrivalEstimate e)
        {
            w.Prop("dist_m", e.DistanceM, 0);
            w.Prop("eta_s", e.EtaSeconds, 0);
            w.Prop("p10", e.SocP10, 1);
            w.Prop("p50", e.SocP50, 1);
            w.Prop("p90", e.SocP90, 1);
            w.Prop("reserve_pct", e.ReservePercent, 1);
            w.Prop("p_short", e.ProbBelowReserve, 2);
            w.Prop("reachable", e.Reachable);
        }
    }
}
