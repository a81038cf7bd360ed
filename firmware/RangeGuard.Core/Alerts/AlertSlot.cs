namespace RangeGuard.Alerts
{
    /// <summary>State of one alert kind. Allocated once per kind; the text is rebuilt only when the alert is raised or worsens.</summary>
    public sealed class AlertSlot
    {
        internal AlertSlot(int kind, AlertRule rule)
        {
            Kind = kind;
            Rule = rule;
            Code = rule.Code;
            Severity = rule.Severity;
            Text = string.Empty;
            RaisedMs = -1;
            ChangedMs = -1;
            ClearedMs = -1;
            ClearSinceMs = -1;
        }

        /// <summary>Index of the slot (the rule's place in the catalogue).</summary>
        public int Kind { get; }

        public AlertRule Rule { get; }

        public string Code { get; }

        public int Severity { get; }

        public bool Active { get; internal set; }

        /// <summary>Acknowledged: the buzzer is silent for it; it stays displayed.</summary>
        public bool Acknowledged { get; internal set; }

        /// <summary>Flagged for the fleet service crew (the rule's <see cref="AlertRule.FleetFlag"/> at raise).</summary>
        public bool FleetFlag { get; internal set; }

        /// <summary>Dashboard text of the latest raise/re-alert.</summary>
        public string Text { get; internal set; }

        public long RaisedMs { get; internal set; }

        /// <summary>Time of the latest raise or re-alert (the buzzer duration counts from here).</summary>
        public long ChangedMs { get; internal set; }

        public long ClearedMs { get; internal set; }

        /// <summary>How many times raised (not counting re-alerts).</summary>
        public int RaiseCount { get; internal set; }

        /// <summary>Position and expected stranding point at raise time, m from route start (-1 if not applicable).</summary>
        public float PositionM { get; internal set; }

        public float StrandAtM { get; internal set; }

        internal long ClearSinceMs;
        internal float AnnouncedMetric;
        internal float SmoothedMetric;

        /// <summary>Set on a plan change: re-take the "worse" reference at the next evaluation (positions restarted).</summary>
        internal bool Rebase;
    }
}
