using RangeGuard.Forecast;
using RangeGuard.Vehicle;

namespace RangeGuard.DecisionProbe
{
    /// <summary>Decides what the agent decides: must be rejected with RS0030.</summary>
    public static class Probe
    {
        public static float PlugInAdvice(VehicleParams vp, ForecastResult f)
        {
            ColdSoakResult r = ColdSoak.Estimate(vp, 50f, 10f, -10f, 8f, 21f, 100f);
            return r.RangeLostKm + f.AdviceMaxSpeedKmh;
        }
    }
}
