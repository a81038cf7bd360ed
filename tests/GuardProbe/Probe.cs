namespace RangeGuard.GuardProbe
{
    public static class Probe
    {
        // Must be rejected by BannedApiAnalyzers (RS0030): stable nanoFramework has no generic collections.
        public static int Count()
        {
            var list = new System.Collections.Generic.List<int>();
            list.Add(1);
            int? maybe = list.Count;
            return maybe.Value;
        }
    }
}
