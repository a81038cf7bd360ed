using RangeGuard.Forecast;
using RangeGuard.Preconditioning;

namespace RangeGuard.Alerts
{
    /// <summary>
    /// Turns forecast and agent state into alerts, with hysteresis (separate enter and stay conditions), a minimum dwell,
    /// immediate raise, clearing only after the condition has stayed clear for a while, a re-alert when a situation
    /// worsens by a step, and rate limits. Allocates only when a text is (re)built on a raise or re-alert.
    /// </summary>
    public sealed class AlertPolicy
    {
        private readonly AlertConfig _cfg;
        private readonly AlertTable _table;
        private int _seenPlannerEvent;

        public AlertPolicy(AlertConfig config, AlertTable table)
        {
            _cfg = config;
            _table = table;
        }

        public AlertConfig Config
        {
            get { return _cfg; }
        }

        public void Evaluate(AlertInputs a)
        {
            ForecastResult f = a.Forecast;

            // Forecast-based alerts hold their state while there is no valid forecast (the degraded alert says why).
            if (a.PlanSet && f != null && f.Valid)
            {
                EvaluateRange(a, f);
            }

            EvaluateColdSoak(a);
            EvaluatePreconditioning(a);
            EvaluateDegraded(a);
        }

        /// <summary>Raises the degraded alert straight away after an exception in the tick (the normal path did not run).</summary>
        public void RaiseInternalError(AlertInputs a)
        {
            a.InternalError = true;
            Update(AlertKind.Degraded, true, true, 4f, 1f, a, true, false);
        }

        private void EvaluateRange(AlertInputs a, ForecastResult f)
        {
            float h = _cfg.ReserveHysteresisPct;
            float p50 = f.Destination.SocP50;
            float p10 = f.Destination.SocP10;
            float res = a.DestinationReservePct;
            // Plugged in, the car stands at a charger still charging: an arrival figure from the SOC of the moment is
            // noise next to the charge advice (RG-CHARGE-REQ says how long to charge); it is judged at departure.
            bool atCharger = a.PluggedIn;
            Update(AlertKind.ArriveLow, !atCharger && p50 < res, !atCharger && p50 < res + h, res - p50, _cfg.WorsenStepPct, a, true, true);

            bool needEnter = p10 < _cfg.ChargeRequiredP10Pct;
            bool needStay = p10 < _cfg.ChargeRequiredP10Pct + h;
            bool chargerAhead = f.AdviceChargerIndex >= 0 || f.NextCharger.Exists;
            Update(AlertKind.ChargeRequired, needEnter && f.AdviceChargerIndex >= 0, needStay && chargerAhead, -p10, _cfg.WorsenStepPct, a, true, true);

            // Plugged in, the car stands at a charger: there is no point of no return to pass, and nothing to strand on.
            bool lastOk = f.LastReachableChargerIndex >= 0;
            float ponrKm = f.PointOfNoReturnM / 1000f;
            // Parked with a known departure ahead (the overnight stop), the decision is still to come: RG-COLD-SOAK and
            // RG-ARRIVE-LOW speak then; a critical alarm all night would be crying wolf. The criticals are raised when the car
            // moves off (an unknown speed counts as moving), and once up they stay through stops until the car parks for a
            // planned departure or plugs in.
            bool standing = a.SpeedKmh < 1f;
            bool waiting = a.DepartureUtcMs > a.NowMs && (float.IsNaN(a.SpeedKmh) || a.SpeedKmh < 1f);   // IsNaN: see portable-code.md
            bool driving = !a.PluggedIn && !waiting;
            bool movingOff = driving && !standing;
            // "Worse" compares where the point lies on the route (position + distance), not the distance itself, which
            // shrinks by every kilometre driven and would re-alert every WorsenStepKm without anything getting worse.
            Update(AlertKind.PointOfNoReturn,
                movingOff && needEnter && lastOk && ponrKm < _cfg.PonrWarnKm,
                driving && needStay && lastOk && ponrKm < _cfg.PonrWarnKm + _cfg.PonrHysteresisKm,
                -(a.PositionM / 1000f + ponrKm), _cfg.WorsenStepKm, a, true, true);

            // Nothing reachable: the destination fails at the median and no charger is reachable with its reserve.
            bool chargerMarginal = !lastOk || (f.NextCharger.Exists && f.NextCharger.SocP10 < a.ChargerReservePct + h);
            float strandAtKm = f.StrandingDistanceM < 0f ? 1e6f : (a.PositionM + f.StrandingDistanceM) / 1000f;
            // Plugged in, the car is charging at a charger: "nothing reachable" is not true of where it stands (arriving
            // below the charger reserve makes the charger itself count as unreachable to the forecast).
            // A slower pace that still arrives (AdviceMaxSpeedKmh > 0) means something IS reachable: RG-ARRIVE-LOW and
            // RG-CHARGE-REQ carry that advice; a critical "nothing reachable" next to "stay below 70 km/h" would contradict it.
            bool slowerArrives = f.AdviceMaxSpeedKmh > 0f;
            Update(AlertKind.NothingReachable, movingOff && !f.Destination.Reachable && !lastOk && !slowerArrives,
                driving && p50 < h && chargerMarginal && !slowerArrives,
                -strandAtKm, _cfg.WorsenStepKm, a, true, true);
        }

        private void EvaluateColdSoak(AlertInputs a)
        {
            float t = a.ColdSoakPackTempC;
            Update(AlertKind.ColdSoak,
                a.ColdSoakApplicable && t < _cfg.ColdSoakPackTempC,
                a.ColdSoakApplicable && t < _cfg.ColdSoakPackTempC + _cfg.ColdSoakHysteresisC,
                -t, _cfg.WorsenStepC, a, true, true);
        }

        private void EvaluatePreconditioning(AlertInputs a)
        {
            PreconditioningPlanner p = a.Planner;
            if (p == null)
            {
                return;
            }

            // These mirror the planner's state, which has its own hysteresis: no dwell or hold here.
            Update(AlertKind.PrecondOn, p.HeaterOn, p.HeaterOn, 0f, 0f, a, false, false);
            Update(AlertKind.PrecondDeclined, p.Mode == PreconditioningPlanner.ModeDeclined,
                p.Mode == PreconditioningPlanner.ModeDeclined, 0f, 0f, a, false, false);

            bool newStop = p.EventSequence != _seenPlannerEvent && p.LastEvent == PreconditioningPlanner.EventStopped;
            _seenPlannerEvent = p.EventSequence;
            AlertSlot stopped = _table.Slot(AlertKind.PrecondStopped);
            if (newStop && stopped.Active)
            {
                Announce(stopped, AlertEvent.Worsened, 0f, a);
                return;
            }

            bool showStop = p.LastEvent == PreconditioningPlanner.EventStopped && a.NowMs - p.EventMs < _cfg.EventHoldMs;
            Update(AlertKind.PrecondStopped, newStop || showStop, showStop, 0f, 0f, a, false, false);
        }

        private void EvaluateDegraded(AlertInputs a)
        {
            ForecastResult f = a.Forecast;
            bool forecastOn = a.PlanSet && f != null && f.Valid;
            float rank = 0f;
            if (a.InternalError)
            {
                rank = 4f;
            }
            else if (a.CanSilent)
            {
                rank = 3f;
            }
            else if (a.StaleInput >= 0)
            {
                rank = 2f;
            }
            else if (forecastOn && Matters(a, f) && (f.Degraded || f.BandRelativeWidth > _cfg.UncertainBandEnter))
            {
                rank = 1f;
            }

            bool stay = rank > 0f || (forecastOn && Matters(a, f) && f.BandRelativeWidth > _cfg.UncertainBandExit);
            Update(AlertKind.Degraded, rank > 0f, stay, rank, 1f, a, true, false);
        }

        /// <summary>
        /// An uncertain forecast is worth a "degraded" only when the uncertainty could change the driver's decision: when
        /// even the pessimistic (P10) arrival is above the reserve (plus hysteresis), the driver arrives fine either way.
        /// </summary>
        private bool Matters(AlertInputs a, ForecastResult f)
        {
            return f.Destination.SocP10 < a.DestinationReservePct + _cfg.ReserveHysteresisPct;
        }

        /// <summary>
        /// After a plan change positions restart at the new plan's origin: the distance-based "worse" references of active
        /// alerts are re-taken at the next evaluation instead of comparing across the jump.
        /// </summary>
        public void RebasePositions()
        {
            for (int k = 0; k < AlertKind.Count; k++)
            {
                _table.Slot(k).Rebase = true;
            }
        }

        /// <summary>
        /// One slot's state machine. <paramref name="enter"/>: raise now; <paramref name="stay"/>: still past the exit level;
        /// <paramref name="metric"/>: how bad (bigger is worse), re-alert when it grows by <paramref name="step"/> (0 = never).
        /// <paramref name="latched"/> = false for mirrors of other state machines (no dwell, no hold, no rate limit).
        /// <paramref name="smooth"/>: compare a moving average of the metric, so input noise alone never looks like "worse by a step".
        /// </summary>
        private void Update(int kind, bool enter, bool stay, float metric, float step, AlertInputs a, bool latched, bool smooth)
        {
            AlertSlot s = _table.Slot(kind);
            long now = a.NowMs;
            if (!s.Active)
            {
                if (!enter)
                {
                    return;
                }

                bool holdoff = latched && s.Severity < AlertSeverity.Critical && s.ClearedMs >= 0 && now - s.ClearedMs < _cfg.ReRaiseHoldoffMs;
                if (holdoff)
                {
                    return;
                }

                s.Active = true;
                s.Rebase = false;
                s.RaisedMs = now;
                s.RaiseCount++;
                s.ClearSinceMs = -1;
                s.FleetFlag = kind == AlertKind.NothingReachable;
                s.SmoothedMetric = metric;
                Announce(s, AlertEvent.Raised, metric, a);
                return;
            }

            if (stay)
            {
                s.ClearSinceMs = -1;
                if (s.Rebase)
                {
                    s.Rebase = false;
                    s.SmoothedMetric = metric;
                    s.AnnouncedMetric = metric;
                    return;
                }

                s.SmoothedMetric = smooth ? s.SmoothedMetric + (metric - s.SmoothedMetric) * _cfg.WorsenSmoothing : metric;
                if (step > 0f && s.SmoothedMetric >= s.AnnouncedMetric + step && now - s.ChangedMs >= _cfg.MinRealertIntervalMs)
                {
                    Announce(s, AlertEvent.Worsened, metric, a);
                }

                return;
            }

            if (latched)
            {
                if (s.ClearSinceMs < 0)
                {
                    s.ClearSinceMs = now;
                }

                if (now - s.ClearSinceMs < _cfg.ClearHoldMs || now - s.RaisedMs < _cfg.MinDwellMs)
                {
                    return;
                }
            }

            s.Active = false;
            s.Acknowledged = false;
            s.ClearedMs = now;
            s.ClearSinceMs = -1;
            _table.Enqueue(kind, AlertEvent.Cleared);
        }

        private void Announce(AlertSlot s, int ev, float metric, AlertInputs a)
        {
            s.ChangedMs = a.NowMs;
            s.Acknowledged = false;
            s.AnnouncedMetric = ev == AlertEvent.Worsened ? s.SmoothedMetric : metric;
            s.PositionM = a.PositionM;
            ForecastResult f = a.Forecast;
            s.StrandAtM = f != null && f.StrandingDistanceM >= 0f ? a.PositionM + f.StrandingDistanceM : -1f;
            s.Text = AlertTexts.Build(s.Kind, a, _cfg);
            _table.Enqueue(s.Kind, ev);
        }
    }
}
