namespace RangeGuard.Alerts
{
    /// <summary>
    /// Every alert threshold and timing, with defaults chosen so SOC noise of ±1 %, temperature ±1 °C and speed ±5 km/h
    /// do not make alerts flap (see AlertNoFlappingTests).
    /// </summary>
    public sealed class AlertConfig
    {
        /// <summary>Exit level above an SOC enter level, % (hysteresis on every SOC threshold).</summary>
        public float ReserveHysteresisPct = 2f;

        /// <summary>"Charge required" when the pessimistic (P10) destination arrival SOC is below this, %.</summary>
        public float ChargeRequiredP10Pct = 0f;

        /// <summary>
        /// A median arrival forecast below this SOC counts as not arriving for the critical RG-STRANDED, %. A car does not run to
        /// exactly 0 %: the BMS stops it a little above the displayed 0 (a cold pack higher), which the forecast's SOC
        /// arithmetic does not model; the sweep's near-misses stopped at 0.7-2 % with a median forecast of 0.5-3 %.
        /// </summary>
        public float StrandMarginPct = 2f;

        /// <summary>"Point of no return" once the last reachable charger's point of no return is this close, km.</summary>
        public float PonrWarnKm = 15f;

        public float PonrHysteresisKm = 3f;

        /// <summary>
        /// Prediction too uncertain when the relative 10-90 % band is wider than this (enter) ... The fitted band is about
        /// ±19-22 % at the start of a 150-200 km leg (prediction-validation.md: route and arrival noise, a trip-local learner
        /// starting afresh), which is what the arrival band already shows; "degraded" is kept for a band unusually wide for
        /// the trip (0.30 raised it at nearly every departure and charging stop of broder-2013: crying wolf).
        /// </summary>
        public float UncertainBandEnter = 0.50f;

        /// <summary>... and trusted again only below this (exit).</summary>
        public float UncertainBandExit = 0.45f;

        /// <summary>Cold-soak risk when the pack is predicted below this at departure (unplugged), °C.</summary>
        public float ColdSoakPackTempC = 0f;

        public float ColdSoakHysteresisC = 2f;

        /// <summary>Re-alert (buzzer re-armed) when an active alert worsens by this many SOC % ...</summary>
        public float WorsenStepPct = 5f;

        /// <summary>... or km (point of no return, stranding distance) or °C (cold soak).</summary>
        public float WorsenStepKm = 5f;

        public float WorsenStepC = 5f;

        /// <summary>Weight of the newest value in the per-tick moving average the "worse by a step" test uses (0..1, 1 = raw).</summary>
        public float WorsenSmoothing = 0.1f;

        /// <summary>An alert stays raised at least this long.</summary>
        public long MinDwellMs = 30000;

        /// <summary>De-escalation: the condition must stay clear (past its exit level) this long before the alert clears.</summary>
        public long ClearHoldMs = 60000;

        /// <summary>Rate limit: a non-critical alert is not raised again within this time after it cleared.</summary>
        public long ReRaiseHoldoffMs = 120000;

        /// <summary>Rate limit: at most one "worse" re-alert per alert within this time.</summary>
        public long MinRealertIntervalMs = 60000;

        /// <summary>How long an event alert ("preconditioning stopped") stays on the dashboard.</summary>
        public long EventHoldMs = 60000;

        /// <summary>Buzzer duration after a raise or re-alert, per severity; 0 = until acknowledged.</summary>
        public long BuzzAdvisoryMs = 3000;

        public long BuzzWarningMs = 20000;

        public long BuzzCriticalMs = 0;

        /// <summary>Acknowledge button: a level must hold this long to count.</summary>
        public long DebounceMs = 30;

        /// <summary>Local time offset from UTC for clock times in alert texts ("by 08:30"), minutes.</summary>
        public int UtcOffsetMinutes = 0;

        /// <summary>No input at all for this long: the CAN bridge is silent.</summary>
        public long CanSilentMs = 10000;
    }
}
