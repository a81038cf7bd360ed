using System;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// PLACEHOLDER outbox until the MQTT issue replaces it with an M2Mqtt-backed one (nanoFramework.M2Mqtt 5.1.220
    /// is deliberately not referenced yet). Keeps the newest <c>capacity</c> messages in RAM and drops the oldest
    /// when full, so the agent never blocks and memory stays bounded. Nothing is sent anywhere.
    /// </summary>
    public sealed class RamOutbox : IOutbox
    {
        private readonly string[] _topics;
        private readonly string[] _payloads;
        private readonly object _sync = new object();
        private int _head;
        private int _count;

        public RamOutbox(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _topics = new string[capacity];
            _payloads = new string[capacity];
        }

        /// <summary>Messages overwritten because nobody took them in time.</summary>
        public int DroppedCount { get; private set; }

        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _count;
                }
            }
        }

        public bool Post(string topic, string payload)
        {
            if (topic == null || payload == null)
            {
                return false;
            }

            lock (_sync)
            {
                int capacity = _topics.Length;
                int tail = (_head + _count) % capacity;
                if (_count == capacity)
                {
                    _head = (_head + 1) % capacity;
                    DroppedCount++;
                }
                else
                {
                    _count++;
                }

                _topics[tail] = topic;
                _payloads[tail] = payload;
                return true;
            }
        }

        /// <summary>Oldest queued message, for the future publisher thread.</summary>
        public bool TryTake(out string topic, out string payload)
        {
            lock (_sync)
            {
                if (_count == 0)
                {
                    topic = null;
                    payload = null;
                    return false;
                }

                topic = _topics[_head];
                payload = _payloads[_head];
                _topics[_head] = null;
                _payloads[_head] = null;
                _head = (_head + 1) % _topics.Length;
                _count--;
                return true;
            }
        }
    }
}
