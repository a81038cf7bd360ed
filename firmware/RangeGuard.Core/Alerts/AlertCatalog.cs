using RangeGuard.Alerts.Rules;

namespace RangeGuard.Alerts
{
    /// <summary>
    /// The alert kinds RangeGuard knows. To add one: write its rule (a class in Alerts/Rules) and register it below.
    /// The order is the slot order: the order rules are evaluated in each tick and the dashboard's tie-break.
    /// </summary>
    public static class AlertCatalog
    {
        private static string[] s_codes;

        /// <summary>True if a registered rule has this code (e.g. to validate an "ack" command before applying it).</summary>
        public static bool IsKnownCode(string code)
        {
            if (s_codes == null)
            {
                AlertRule[] rules = Create();
                string[] codes = new string[rules.Length];
                for (int i = 0; i < rules.Length; i++)
                {
                    codes[i] = rules[i].Code;
                }

                s_codes = codes;
            }

            for (int i = 0; i < s_codes.Length; i++)
            {
                if (s_codes[i] == code)
                {
                    return true;
                }
            }

            return false;
        }

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
