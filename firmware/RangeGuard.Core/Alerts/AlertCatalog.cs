using RangeGuard.Alerts.Rules;

namespace RangeGuard.Alerts
{
    /// <summary>
    /// The alert kinds RangeGuard knows. To add one: write its rule (a class in Alerts/Rules) and register it below.
    /// The order is the slot order: the order rules are evaluated in each tick and the dashboard's tie-break.
    /// </summary>
    public static class AlertCatalog
    {
        /// <summary>Fresh rule instances for one agent (rules may keep state of their own).</summary>
        public static AlertRule[] Create()
        {
            return new AlertRule[]
            {
                new ArriveLowRule(),
                new ChargeRequiredRule(),
                new PointOfNoReturnRule(),
                new NothingReachableRule(),
                new ColdSoakRule(),
                new PreconditioningOnRule(),
                new PreconditioningDeclinedRule(),
                new PreconditioningStoppedRule(),
                new DegradedRule(),
            };
        }
    }
}
