using RangeGuard.Forecast;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// What the car has learned, as text, behind one pair of calls so its format can change in one place (the learners'
    /// own SaveState/TryLoadState today; only the consumption learner has one: the speed and kinetic factors are
    /// relearned within a few kilometres).
    /// </summary>
    public static class LearnedState
    {
        /// <summary>The learned state of the forecaster, or null when it keeps none.</summary>
        public static string Save(IRangeForecaster forecaster)
        {
            EnergyForecaster f = forecaster as EnergyForecaster;
            return f == null ? null : f.Learner.SaveState();
        }

        /// <summary>Restores a saved state; false (nothing changed) when it does not fit this forecaster.</summary>
        public static bool TryLoad(IRangeForecaster forecaster, string state)
        {
            EnergyForecaster f = forecaster as EnergyForecaster;
            return f != null && state != null && f.Learner.TryLoadState(state);
        }

        /// <summary>Hands what one forecaster learned to its replacement (the same car with corrected parameters).</summary>
        public static bool Transfer(IRangeForecaster from, IRangeForecaster to)
        {
            string s = Save(from);
            return s != null && TryLoad(to, s);
        }
    }
}
