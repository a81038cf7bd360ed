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

        // The member names, copied from one array made once per message: a call per name instead of one per character (the
        // arrival's are written for the destination and every charger ahead). Each member's offset and length below.
        private const string Names = "dist_meta_sp10p50p90reserve_pctp_shortreachableinamecausekmvtplanvaliddegradedreasonpos_mbanddestchargerscausesstrand_madvicemax_kmhcharge_atcharge_mincharge_to_pctsetpoint_gain_kmplug_inprecondition";

        /// <param name="planId">Request id of the cmd/route in force, or null for a plan set locally.</param>
        public static string Write(JsonWriter w, long nowMs, string planId, Agent a)
        {
            ForecastResult f = a.Forecast;
            TripContext trip = a.Trip;
            DriverAdvice advice = a.Advice;
            char[] names = Names.ToCharArray();
            w.Begin();
            w.Prop(names, 59, 1, MqttContract.Version);   // v
            w.Prop(names, 60, 1, nowMs);   // t
            w.Prop(names, 61, 4, planId);   // plan
            w.Prop(names, 65, 5, f.Valid);   // valid
            w.Prop(names, 70, 8, f.Degraded);   // degraded
            w.Prop(names, 78, 6, f.Reason);   // reason
            w.Prop(names, 84, 5, a.PositionM, 0);   // pos_m
            w.Prop(names, 89, 4, f.BandRelativeWidth, 3);   // band
            if (f.Valid)
            {
                w.BeginObject(names, 93, 4);   // dest
                w.Prop(names, 48, 4, trip.DestinationName);   // name
                Arrival(w, names, ref f.Destination);
                w.EndObject();
            }
            else
            {
                w.PropNull(names, 93, 4);   // dest
            }

            w.BeginArray(names, 97, 8);   // chargers
            for (int k = 0; f.Valid && k < f.ChargersAhead; k++)
            {
                int i = f.AheadIndex[k];
                w.BeginItem();
                w.Prop(names, 47, 1, i);   // i
                w.Prop(names, 48, 4, i < trip.ChargerCount ? trip.Plan.Chargers.Name[i] : null);   // name
                Arrival(w, names, ref f.Ahead[k]);
                w.EndItem();
            }

            w.EndArray();
            w.BeginArray(names, 105, 6);   // causes
            for (int k = 0; f.Valid && k < MaxCauses && k < f.TopCauses.Length; k++)
            {
                int cause = f.TopCauses[k];
                if (cause < 0)
                {
                    continue;
                }

                w.BeginItem();
                w.Prop(names, 52, 5, LossCause.Name(cause));   // cause
                w.Prop(names, 57, 2, f.LossKmByCause[cause], 1);   // km
                w.EndItem();
            }

            w.EndArray();
            w.Prop(names, 111, 8, f.Valid ? f.StrandingDistanceM : -1f, 0);   // strand_m
            w.BeginObject(names, 119, 6);   // advice
            // The forecaster's own convention: 0 = no cap needed, negative = no speed suffices.
            w.Prop(names, 125, 7, !f.Valid ? 0f : (f.AdviceMaxSpeedKmh < 0f ? -1f : f.AdviceMaxSpeedKmh), 0);   // max_kmh
            w.Prop(names, 132, 9, advice.ChargerIndex);   // charge_at
            w.Prop(names, 141, 10, advice.ChargerIndex >= 0 ? advice.ChargeMinutes : 0f, 0);   // charge_min
            w.Prop(names, 151, 13, advice.ChargerIndex >= 0 ? advice.ChargeToSocPercent : 0f, 0);   // charge_to_pct
            w.Prop(names, 164, 16, f.Valid ? f.AdviceSetpointGainKm : 0f, 1);   // setpoint_gain_km
            w.Prop(names, 180, 7, advice.PlugInWhenParked);   // plug_in
            w.Prop(names, 187, 12, MqttContract.PreconditionMode(a.Preconditioning.Mode));   // precondition
            w.EndObject();
            return w.End();
        }

        /// <summary>The estimate by ref: on nanoFramework each field read of a struct passed by value copies it to the heap.</summary>
        private static void Arrival(JsonWriter w, char[] names, ref ArrivalEstimate e)
        {
            w.Prop(names, 0, 6, e.DistanceM, 0);          // dist_m
            w.Prop(names, 6, 5, e.EtaSeconds, 0);         // eta_s
            w.Prop(names, 11, 3, e.SocP10, 1);            // p10
            w.Prop(names, 14, 3, e.SocP50, 1);            // p50
            w.Prop(names, 17, 3, e.SocP90, 1);            // p90
            w.Prop(names, 20, 11, e.ReservePercent, 1);   // reserve_pct
            w.Prop(names, 31, 7, e.ProbBelowReserve, 2);  // p_short
            w.Prop(names, 38, 9, e.Reachable);            // reachable
        }
    }
}
