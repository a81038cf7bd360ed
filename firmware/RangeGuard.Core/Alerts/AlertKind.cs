namespace RangeGuard.Alerts
{
    /// <summary>
    /// The alerts RangeGuard can raise: one fixed slot each in the <see cref="AlertTable"/>.
    /// Codes are stable (fleet tooling keys on them); severities are fixed per kind.
    /// </summary>
    public static class AlertKind
    {
        public const int ArriveLow = 0;
        public const int ChargeRequired = 1;
        public const int PointOfNoReturn = 2;
        public const int NothingReachable = 3;
        public const int ColdSoak = 4;
        public const int PrecondOn = 5;
        public const int PrecondStopped = 6;
        public const int PrecondDeclined = 7;
        public const int Degraded = 8;
        public const int Count = 9;

        public const string CodeArriveLow = "RG-ARRIVE-LOW";
        public const string CodeChargeRequired = "RG-CHARGE-REQ";
        public const string CodePointOfNoReturn = "RG-PONR";
        public const string CodeNothingReachable = "RG-STRANDED";
        public const string CodeColdSoak = "RG-COLD-SOAK";
        public const string CodePrecondOn = "RG-PRECOND-ON";
        public const string CodePrecondStopped = "RG-PRECOND-OFF";
        public const string CodePrecondDeclined = "RG-PRECOND-DECLINED";
        public const string CodeDegraded = "RG-DEGRADED";

        private static readonly string[] s_codes =
        {
            CodeArriveLow, CodeChargeRequired, CodePointOfNoReturn, CodeNothingReachable, CodeColdSoak,
            CodePrecondOn, CodePrecondStopped, CodePrecondDeclined, CodeDegraded,
        };

        private static readonly int[] s_severities =
        {
            AlertSeverity.Advisory, AlertSeverity.Warning, AlertSeverity.Critical, AlertSeverity.Critical, AlertSeverity.Advisory,
            AlertSeverity.Info, AlertSeverity.Info, AlertSeverity.Advisory, AlertSeverity.Advisory,
        };

        public static string Code(int kind)
        {
            return kind >= 0 && kind < Count ? s_codes[kind] : "RG-UNKNOWN";
        }

        public static int Severity(int kind)
        {
            return kind >= 0 && kind < Count ? s_severities[kind] : AlertSeverity.None;
        }

        /// <summary>Index of a code, or -1.</summary>
        public static int FromCode(string code)
        {
            for (int i = 0; i < Count; i++)
            {
                if (s_codes[i] == code)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
