using RangeGuard.Forecast;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// What the car has learned, as text, behind one pair of calls so its format can change in one place:
    /// "&lt;car&gt;#&lt;trip&gt;" — the car's constants and trip-outcome correction learned over completed trips
    /// (EnergyForecaster.SaveLearnedState: "rgc1;…|rgo2;…"), then the current trip's per-window consumption learner
    /// ("rgl2;…": a reboot mid-trip keeps what this trip taught; it starts afresh at the next trip anyway). Every real is
    /// written as IEEE bits, so a state restores bit for bit. The speed and kinetic factors are relearned within a few km.
    /// </summary>
    public static class LearnedState
    {
        private const char Separator = '#';

        /// <summary>The learned state of the forecaster, or null when it keeps none.</summary>
        public static string Save(IRangeForecaster forecaster)
        {
            EnergyForecaster f = forecaster as EnergyForecaster;
            return f == null ? null : f.SaveLearnedState() + Separator + f.Learner.SaveState();
        }

        /// <summary>Restores a saved state; false (nothing changed) when any part does not fit this forecaster.</summary>
        public static bool TryLoad(IRangeForecaster forecaster, string state)
        {
            EnergyForecaster f = forecaster as EnergyForecaster;
            if (f == null || state == null)
            {
                return false;
            }

            int cut = state.IndexOf(Separator);
            if (cut < 0)
            {
                return false;
            }

            string car = state.Substring(0, cut);
            string trip = state.Substring(cut + 1);
            string before = f.SaveLearnedState();
            if (!f.TryLoadLearnedState(car))
            {
                return false;
            }

            if (!f.Learner.TryLoadState(trip))
            {
                f.TryLoadLearnedState(before); // all or nothing
                return false;
            }

            return true;
        }

        /// <summary>Hands what one forecaster learned to its replacement (the same car with corrected parameters).</summary>
        public static bool Transfer(IRangeForecaster from, IRangeForecaster to)
        {
            string s = Save(from);
            return s != null && TryLoad(to, s);
        }
    }
}
