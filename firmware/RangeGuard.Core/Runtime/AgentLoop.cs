using RangeGuard.Agents;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Messaging;
using RangeGuard.Ports;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// The one core loop the ESP32 firmware, the simulator's virtual board and the tests all run: pump CAN bytes from the
    /// SLCAN bridge through the signal dispatcher into the vehicle state (frames stamped with the agent clock), tick the
    /// agent at 1 Hz, then let the publisher turn what happened into messages. Allocates nothing per frame or tick beyond
    /// the message text the publisher builds.
    /// </summary>
    public sealed class AgentLoop
    {
        private readonly SlcanBridge _bridge;
        private readonly SignalDispatcher _dispatcher;
        private readonly Agent _agent;
        private readonly AgentPublisher _publisher;
        private readonly IClock _clock;
        private readonly long _tickPeriodMs;
        private long _nextTickMs = long.MinValue;

        /// <param name="bridge">The CAN source; null when a test feeds the vehicle state directly.</param>
        /// <param name="publisher">Null when nothing is published.</param>
        public AgentLoop(SlcanBridge bridge, SignalDispatcher dispatcher, Agent agent, AgentPublisher publisher, IClock clock, long tickPeriodMs)
        {
            _bridge = bridge;
            _dispatcher = dispatcher;
            _agent = agent;
            _publisher = publisher;
            _clock = clock;
            _tickPeriodMs = tickPeriodMs;
            if (publisher != null)
            {
                publisher.AttachCounters(bridge == null ? null : bridge.Receiver.Counters, dispatcher == null ? null : dispatcher.Counters);
            }
        }

        public Agent Agent
        {
            get { return _agent; }
        }

        public SlcanBridge Bridge
        {
            get { return _bridge; }
        }

        public SignalDispatcher Dispatcher
        {
            get { return _dispatcher; }
        }

        public AgentPublisher Publisher
        {
            get { return _publisher; }
        }

        /// <summary>Moves what the bridge has buffered into the vehicle state and samples the button; returns the frames decoded.</summary>
        public int Pump()
        {
            int frames = _bridge == null ? 0 : _bridge.Poll(_clock.UtcMilliseconds, _dispatcher);
            _agent.SampleAckButton();
            return frames;
        }

        /// <summary>One agent tick, then the publisher.</summary>
        public void Tick()
        {
            _agent.Tick();
            if (_publisher != null)
            {
                _publisher.AfterTick(_clock.UtcMilliseconds);
            }
        }

        /// <summary>
        /// One pass of the device's main loop at a monotonic time: pump, and tick when a period is due (a whole period late:
        /// skip, do not burst). Returns false when there was nothing to do, so the caller may sleep.
        /// </summary>
        public bool RunOnce(long monotonicMs)
        {
            int frames = Pump();
            if (_nextTickMs == long.MinValue)
            {
                _nextTickMs = monotonicMs;
            }

            if (monotonicMs < _nextTickMs)
            {
                return frames > 0;
            }

            Tick();
            _nextTickMs += _tickPeriodMs;
            if (_nextTickMs <= monotonicMs)
            {
                _nextTickMs = monotonicMs + _tickPeriodMs;
            }

            return true;
        }
    }
}
