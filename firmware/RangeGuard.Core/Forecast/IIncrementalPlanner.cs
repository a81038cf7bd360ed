namespace RangeGuard.Forecast
{
    /// <summary>
    /// A forecaster that can prepare a new plan a slice at a time while it goes on forecasting with the plan in force, so a
    /// long route never stalls the loop (Agent.TryBeginPlan / ContinuePlan drive it).
    /// </summary>
    public interface IIncrementalPlanner
    {
        /// <summary>
        /// Starts preparing <paramref name="plan"/> (checks what does not depend on its length; O(1)). The plan must not
        /// change until the build ends. False: refused at once. A build under way is abandoned.
        /// </summary>
        bool TryBeginPlan(RoutePlan plan, out string error);

        /// <summary>
        /// Checks and prepares at most <paramref name="segments"/> more segments. Returns an <see cref="IncrementalPlan"/>
        /// state: building, done (the new plan is in force), failed (<paramref name="error"/>; the plan in force stays).
        /// </summary>
        int ContinuePlan(int segments, out string error);

        /// <summary>Abandons a build under way (the plan in force stays).</summary>
        void CancelPlan();
    }

    /// <summary>States of <see cref="IIncrementalPlanner.ContinuePlan"/>.</summary>
    public static class IncrementalPlan
    {
        public const int Building = 0;
        public const int Done = 1;
        public const int Failed = 2;
    }
}
