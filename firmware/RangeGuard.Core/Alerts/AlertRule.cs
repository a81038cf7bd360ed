namespace RangeGuard.Alerts
{
    /// <summary>
    /// One alert kind: its stable code, severity and behaviour, the condition that raises and keeps it, and its text.
    /// The <see cref="AlertPolicy"/> owns the generic timing (dwell, clear hold, re-alert, rate limits). Each agent gets its
    /// own rule instances (<see cref="AlertCatalog.Create"/>), so a rule may keep state of its own.
    /// </summary>
    public abstract class AlertRule
    {
        protected AlertRule(string code, int severity)
        {
            Code = code;
            Severity = severity;
            Latched = true;
            Smooth = true;
        }

        /// <summary>Stable code fleet tooling keys on ("RG-ARRIVE-LOW").</summary>
        public string Code { get; private set; }

        public int Severity { get; private set; }

        /// <summary>False for mirrors of another state machine (the preconditioning planner's): no dwell, hold or rate limit.</summary>
        public bool Latched { get; protected set; }

        /// <summary>Compare a moving average of the metric, so input noise alone never looks like "worse by a step".</summary>
        public bool Smooth { get; protected set; }

        /// <summary>Flag raises for the fleet service crew.</summary>
        public bool FleetFlag { get; protected set; }

        /// <summary>This tick's verdict; leave <paramref name="result"/> unevaluated to hold the alert's state.</summary>
        public abstract void Evaluate(AlertContext c, AlertCondition result);

        /// <summary>The dashboard text, built only on a raise or a re-alert (never in the steady-state tick).</summary>
        public abstract string Text(AlertContext c);
    }
}
