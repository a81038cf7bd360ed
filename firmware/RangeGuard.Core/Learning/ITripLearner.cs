namespace RangeGuard.Learning
{
    /// <summary>
    /// A forecaster that learns from whole trips (EnergyForecaster implements it): the agent ends a trip it has detected
    /// (Trip/TripEndDetector) and keeps the learned state across restarts. A separate interface, so forecasters that do not
    /// learn (test fakes) need nothing.
    /// </summary>
    public interface ITripLearner
    {
        /// <summary>Ends the open trip with the battery energy it took, kWh; true when something was learned.</summary>
        bool EndTrip(float measuredKwh, bool reachedDestination);

        /// <summary>Trips learned since start-up (save the state when it changes).</summary>
        int TripsLearned { get; }

        /// <summary>The learned state as one line of text (restores bit for bit).</summary>
        string SaveLearnedState();

        /// <summary>Restores a saved state; false (nothing changed) on any malformed part.</summary>
        bool TryLoadLearnedState(string state);
    }
}
