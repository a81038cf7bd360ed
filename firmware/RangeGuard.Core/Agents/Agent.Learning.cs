// Agent: learning from completed trips (Trip/TripEndDetector decides when) and the learned state for persistence.
using RangeGuard.Common;
using RangeGuard.Learning;
using RangeGuard.Trip;

namespace RangeGuard.Agents
{
    public sealed partial class Agent
    {
        private readonly TripEndDetector _tripEnd = new TripEndDetector();

        /// <summary>When the trip along the plan is complete (learning happens then, once per trip).</summary>
        public TripEndDetector TripEnd
        {
            get { return _tripEnd; }
        }

        /// <summary>
        /// Trips the forecaster has learned from since start-up: when it changes, <see cref="LearnedState"/> has changed
        /// and should be saved. 0 with a forecaster that does not learn from trips.
        /// </summary>
        public int TripsLearned
        {
            get
            {
                ITripLearner l = _forecaster as ITripLearner;
                return l == null ? 0 : l.TripsLearned;
            }
        }

        /// <summary>
        /// What the device keeps across restarts: one line of text ("rgc1;…|rgo2;…": the car's learned constants and the
        /// trip-outcome correction, every real as its IEEE bits), or null with a forecaster that does not learn from trips.
        /// Allocates the text: read it when <see cref="TripsLearned"/> changes, not every tick.
        /// </summary>
        public string LearnedState
        {
            get
            {
                ITripLearner l = _forecaster as ITripLearner;
                return l == null ? null : l.SaveLearnedState();
            }
        }

        /// <summary>Restores <see cref="LearnedState"/>'s text (at start-up); false, with nothing changed, if it is refused.</summary>
        public bool TryRestoreLearnedState(string state)
        {
            ITripLearner l = _forecaster as ITripLearner;
            return l != null && l.TryLoadLearnedState(state);
        }

        /// <summary>After the forecast: a completed trip is learned once (a forecaster that does not learn is left alone).</summary>
        private void LearnAtTripEnd(long now, long dtMs)
        {
            ITripLearner learner = _forecaster as ITripLearner;
            if (learner != null && _trip.PlanSet && _tripEnd.Update(now, dtMs, _trip.PositionM, RemainingM(), _readings.SpeedFresh,
                _readings.SpeedKmh, _readings.Parked, _readings.PluggedIn, _readings.PowerFresh, _inputs.BatteryPowerW))
            {
                Learn(learner);
            }
        }

        /// <summary>A new plan is about to replace the old one: a trip that has reached the old destination is learned first.</summary>
        private void LearnBeforeNewPlan()
        {
            ITripLearner learner = _forecaster as ITripLearner;
            if (learner != null && _trip.PlanSet && _tripEnd.CompleteOnNewPlan(_trip.PositionM, RemainingM()))
            {
                Learn(learner);
            }
        }

        private float RemainingM()
        {
            return _forecast.Valid && _forecast.Destination.Exists ? _forecast.Destination.DistanceM : -1f;
        }

        private void Learn(ITripLearner learner)
        {
            bool learned = learner.EndTrip(_tripEnd.MeasuredKwh, _tripEnd.ReachedDestination);
            // Once per trip: the text is built then only.
            TextBuffer b = new TextBuffer(96);
            b.Append(learned ? "trip learned: " : "trip not learned: ");
            TextNumber.AppendFixed(b, _tripEnd.MeasuredKwh, 2);
            b.Append(" kWh");
            b.Append(_tripEnd.ReachedDestination ? " to the destination" : " to a stop on the way");
            _log.Write(b.ToString());
        }
    }
}
