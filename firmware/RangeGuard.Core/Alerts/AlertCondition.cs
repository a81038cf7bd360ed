namespace RangeGuard.Alerts
{
    /// <summary>
    /// A rule's verdict for one tick, read by the policy's timing state machine. Left unevaluated, the alert holds its state
    /// (e.g. no valid forecast to judge by).
    /// </summary>
    public sealed class AlertCondition
    {
        public bool Evaluated;

        /// <summary>Raise now (the enter level is passed).</summary>
        public bool Enter;

        /// <summary>Still past the exit level (hysteresis: an active alert stays while this holds).</summary>
        public bool Stay;

        /// <summary>How bad (bigger is worse); a re-alert comes when it grows by <see cref="Step"/> (0 = never).</summary>
        public float Metric;
        public float Step;

        /// <summary>Announce an active alert again now, whatever the metric (a new event of the same kind).</summary>
        public bool Reannounce;

        public void Set(bool enter, bool stay, float metric, float step)
        {
            Evaluated = true;
            Enter = enter;
            Stay = stay;
            Metric = metric;
            Step = step;
        }
    }
}
