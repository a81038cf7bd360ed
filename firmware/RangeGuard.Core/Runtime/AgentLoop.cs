using RangeGuard.Agents;
using RangeGuard.Can.Slcan;
using RangeGuard.Dbc;
using RangeGuard.Ports;

namespace RangeGuard.Runtime
{
    /// <summary>
    /// The one core loop the ESP32 firmware, the simulator's virtual board and the tests all run: pump CAN bytes from the
    /// SLCAN bridge through the signal dispatcher into the vehicle state (frames stamped with the agent clock), take the
    /// fleet's commands and move queued messages to the MQTT link, tick the agent at 1 Hz, then publish what happened.
    /// Allocates nothing per frame or tick beyond the message text the publisher builds.
    /// </summary>
    public sealed class AgentLoop
    {
        private readonly SlcanBridge _bridge;
        private readonly Agent _agent;
        private readonly AgentMessaging _messaging;
        private readonly IClock _clock;
        private readonly long _tickPeriodMs;
        private SignalDispatcher _dispatcher;
        private long _nextTickMs = long.MinValue;

        /// <param name="bridge">The CAN source; null when a test feeds the vehicle state directly.</param>
        /// <param name="messaging">The MQTT side (publisher, commands, outbox pump); null when nothing is published.</param>
        public AgentLoop(SlcanBridge bridge, SignalDispatcher dispatcher, Agent agent, AgentMessaging messaging, IClock clock, long tickPeriodMs)
        {
            _bridge = bridge;
            _dispatcher = dispatcher;
            _agent = agent;
            _messaging = messaging;
            _clock = clock;
            _tickPeriodMs = tickPeriodMs;
            FilterCan();
            if (messaging != null)
            {
                messaging.Bind(this, clock);
                AttachCounters();
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

        /// <summary>The signal decoder in force (a cmd/config signal profile replaces it).</summary>
        public SignalDispatcher Dispatcher
        {
            get { return _dispatcher; }
        }

        public AgentMessaging Messaging
        {
            get { return _messaging; }
        }

        /// <summary>
        /// Moves what the bridge has buffered into the vehicle state, samples the button and prepares one slice of a route
        /// being planned (Agent.ContinuePlan); returns the frames decoded.
        /// </summary>
        public int Pump()
        {
            int frames = _bridge == null ? 0 : _bridge.Poll(_clock.UtcMilliseconds, _dispatcher);
            _agent.SampleAckButton();
            _agent.ContinuePlan();
            return frames;
        }

        /// <summary>The MQTT side only: commands in, queued messages out (also between ticks, so PUBACKs are taken promptly).</summary>
        public void PollMessaging()
        {
            if (_messaging != null)
            {
                _messaging.Poll();
            }
        }

        /// <summary>One slice of a route being planned, one agent tick (on the plan in force), then its messages.</summary>
        public void Tick()
        {
            _agent.ContinuePlan();
            _agent.Tick();
            if (_messaging != null)
            {
                _messaging.AfterTick(_clock.UtcMilliseconds);
            }
        }

        /// <summary>
        /// One pass of the device's main loop at a monotonic time: pump CAN and messaging, and tick when a period is due (a
        /// whole period late: skip, do not burst). Returns false when there was nothing to do, so the caller may sleep.
        /// </summary>
        public bool RunOnce(long monotonicMs)
        {
            int frames = Pump();
            PollMessaging();
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

        /// <summary>A new signal profile from the fleet: frames decode through it from the next pump on.</summary>
        internal void ReplaceDispatcher(SignalDispatcher dispatcher)
        {
            _dispatcher = dispatcher;
            FilterCan();
            if (_messaging != null)
            {
                _messaging.Publisher.ProfileName = dispatcher.Map.ProfileName;
                AttachCounters();
            }
        }

        /// <summary>Everything a command can change, as text: the agent's state, the decoder and the telemetry cadence.</summary>
        public string DescribeState()
        {
            string s = _agent.DescribeState() + "\ndecoder:" + (_dispatcher == null ? "none" : _dispatcher.Map.ProfileName + "," + _dispatcher.GetHashCode().ToString());
            if (_messaging != null)
            {
                s += "\ncadence:" + _messaging.Publisher.Telemetry.DrivingEveryS.ToString() + "," + _messaging.Publisher.Telemetry.ParkedEveryS.ToString()
                    + "\nplan id:" + _messaging.Publisher.PlanId;
            }

            return s;
        }

        /// <summary>
        /// Tells the bridge the ids the decoder maps, so an adapter that can filter passes only those to the UART
        /// (SlcanBridge.AcceptIds); an open bridge reopens with the new filter.
        /// </summary>
        private void FilterCan()
        {
            if (_bridge == null || _dispatcher == null || !_bridge.Sja1000Filtering)
            {
                return;
            }

            SignalMap map = _dispatcher.Map;
            uint[] keys = new uint[map.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = map.KeyAt(i);
            }

            _bridge.AcceptIds(keys, keys.Length);
            if (_bridge.IsOpen)
            {
                _bridge.Reopen();
            }
        }

        private void AttachCounters()
        {
            _messaging.Publisher.AttachCounters(_bridge == null ? null : _bridge.Receiver.Counters, _dispatcher == null ? null : _dispatcher.Counters);
        }
    }
}
