namespace RangeGuard.Simulator.Commands
{
    /// <summary>Process exit codes, stable for scripts and CI.</summary>
    public static class ExitCodes
    {
        public const int Ok = 0;
        public const int CheckFailed = 1;
        public const int BadInput = 2;
    }
}
