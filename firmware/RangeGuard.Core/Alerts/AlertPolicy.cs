using RangeGuard.Alerts.Rules;
using RangeGuard.Forecast;

namespace RangeGuard.Alerts
{
    /// <summary>
    /// The generic timing state machine every alert rule runs through: hysteresis (separate enter and stay conditions), a
    /// minimum dwell, immediate raise, clearing only after the condition has stayed clear for a while, a re-alert when a
    /// situation worsens by a step, and rate limits. What raises an alert and what it says is the rules' business
    /// (<see cref="AlertCatalog"/>). Allocates only when a text is (re)built on a raise or re-alert.
    /// </summary>
    public sealed class AlertPolicy
    {
        private readonly AlertConfig _cfg;
        private readonly AlertTable _table;
        private readonly AlertCondition _cond = new AlertCondition();
        private readonly int _degraded;

        public AlertPolicy(AlertConfig config, AlertTable table)
        {
            _cfg = config;
            _table = table;
            _degraded = table.IndexOf(DegradedRule.AlertCode);
        }

        public AlertConfig Config
        {
            get { return _cfg; }
        }

        /// <summary>Evaluates every rule in catalogue order and steps its slot's state machine.</summary>
        public void Evaluate(AlertContext c)
        {
            AlertSlot[] slots = _table.Slots;   // not Count and Slot(k) per rule: each a call on the interpreter
            for (int k = 0; k < slots.Length; k++)
            {
                Step(slots[k], c);
            }
        }

        /// <summary>Raises the degraded alert straight away after an exception in the tick (the normal path did not run).</summary>
        public void RaiseInternalError(AlertContext c)
        {
            c.InternalError = true;
            if (_degraded >= 0)
            {
                Step(_table.Slot(_degraded), c);
            }
        }

        /// <summary>
        /// After a plan change positions restart at the new plan's origin: the distance-based "worse" references of active
        /// alerts are re-taken at the next evaluation instead of comparing across the jump.
        /// </summary>
        public void RebasePositions()
        {
            for (int k = 0; k < _table.Count; k++)
            {
                _table.Slot(k).Rebase = true;
            }
        }

        private void Step(AlertSlot s, AlertContext c)
        {
            AlertCondition r = _cond;
            r.Evaluated = false;   // the verdict cleared here, not by a call on the interpreter
            r.Enter = false;
            r.Stay = false;
            r.Metric = 0f;
            r.Step = 0f;
            r.Reannounce = false;
            AlertRule rule = s.Rule;
            rule.Evaluate(c, r);
            if (!r.Evaluated)
            {
                return; // the rule cannot judge this tick: the alert holds its state
            }

            if (r.Reannounce && s.Active)
            {
                Announce(s, AlertEvent.Worsened, 0f, c);
                return;
            }

            Update(s, rule, r, c);
        }

        private void Update(AlertSlot s, AlertRule rule, AlertCondition r, AlertContext c)
        {
            long now = c.NowMs;
            if (!s.Active)
            {
                if (!r.Enter)
                {
                    return;
                }

                bool holdoff = rule.Latched && s.Severity < AlertSeverity.Critical && s.ClearedMs >= 0 && now - s.ClearedMs < _cfg.ReRaiseHoldoffMs;
                if (holdoff)
                {
                    return;
                }

                s.Active = true;
                s.Rebase = false;
                s.RaisedMs = now;
                s.RaiseCount++;
                s.ClearSinceMs = -1;
                s.FleetFlag = rule.FleetFlag;
                s.SmoothedMetric = r.Metric;
                Announce(s, AlertEvent.Raised, r.Metric, c);
                return;
            }

            if (r.Stay)
            {
                s.ClearSinceMs = -1;
                if (s.Rebase)
                {
                    s.Rebase = false;
                    s.SmoothedMetric = r.Metric;
                    s.AnnouncedMetric = r.Metric;
                    return;
                }

                s.SmoothedMetric = rule.Smooth ? s.SmoothedMetric + (r.Metric - s.SmoothedMetric) * _cfg.WorsenSmoothing : r.Metric;
                if (r.Step > 0f && s.SmoothedMetric >= s.AnnouncedMetric + r.Step && now - s.ChangedMs >= _cfg.MinRealertIntervalMs)
                {
                    Announce(s, AlertEvent.Worsened, r.Metric, c);
                }

                return;
            }

            if (rule.Latched)
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
            _table.Enqueue(s.Kind, AlertEvent.Cleared);
        }

        private void Announce(AlertSlot s, int ev, float metric, AlertContext c)
        {
            s.ChangedMs = c.NowMs;
            s.Acknowledged = false;
            s.AnnouncedMetric = ev == AlertEvent.Worsened ? s.SmoothedMetric : metric;
            s.PositionM = c.Trip.PositionM;
            ForecastResult f = c.Forecast;
            s.StrandAtM = f != null && f.StrandingDistanceM >= 0f ? c.Trip.PositionM + f.StrandingDistanceM : -1f;
            s.Text = s.Rule.Text(c);
            _table.Enqueue(s.Kind, ev);
        }
    }
}
