using System.Collections;
using RangeGuard.Ports;

namespace RangeGuard.Tests.Fakes
{
    /// <summary>
    /// A broker that is always there (unless <see cref="IsConnected"/> is set false): acknowledges every QoS 1 message at
    /// once, records everything published, and delivers the commands a test queues.
    /// </summary>
    public sealed class RecordingMqttLink : IMqttLink
    {
        public readonly ArrayList Topics = new ArrayList();
        public readonly ArrayList Payloads = new ArrayList();
        public readonly ArrayList Retained = new ArrayList();
        private readonly ArrayList _acks = new ArrayList();
        private readonly ArrayList _inTopics = new ArrayList();
        private readonly ArrayList _inPayloads = new ArrayList();
        private int _nextToken = 1;

        public RecordingMqttLink()
        {
            IsConnected = true;
            ConnectionId = 1;
        }

        public bool IsConnected { get; set; }

        public int ConnectionId { get; set; }

        /// <summary>Drops and restores the connection (the outbox re-sends what was not acknowledged).</summary>
        public void Reconnect()
        {
            IsConnected = true;
            ConnectionId++;
        }

        public bool TryPublish(string topic, string payload, int qos, bool retain, out int token)
        {
            token = 0;
            if (!IsConnected)
            {
                return false;
            }

            Topics.Add(topic);
            Payloads.Add(payload);
            Retained.Add(retain);
            if (qos > 0)
            {
                token = _nextToken++;
                _acks.Add(token);
            }

            return true;
        }

        public bool TryTakeDelivered(out int token)
        {
            token = 0;
            if (_acks.Count == 0)
            {
                return false;
            }

            token = (int)_acks[0];
            _acks.RemoveAt(0);
            return true;
        }

        /// <summary>Queues a command as if the fleet had published it.</summary>
        public void Deliver(string topic, string json)
        {
            _inTopics.Add(topic);
            _inPayloads.Add(System.Text.Encoding.UTF8.GetBytes(json));
        }

        public bool TryReceive(out string topic, out byte[] payload)
        {
            topic = null;
            payload = null;
            if (_inTopics.Count == 0)
            {
                return false;
            }

            topic = (string)_inTopics[0];
            payload = (byte[])_inPayloads[0];
            _inTopics.RemoveAt(0);
            _inPayloads.RemoveAt(0);
            return true;
        }

        /// <summary>Number of messages on <paramref name="topic"/> whose payload contains every given fragment.</summary>
        public int Count(string topic, string fragment1, string fragment2)
        {
            int n = 0;
            for (int i = 0; i < Topics.Count; i++)
            {
                string p = (string)Payloads[i];
                if ((string)Topics[i] == topic && (fragment1 == null || p.IndexOf(fragment1) >= 0) && (fragment2 == null || p.IndexOf(fragment2) >= 0))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>All payloads on a topic, one per line (assert messages).</summary>
        public string Dump(string topic)
        {
            string all = string.Empty;
            for (int i = 0; i < Topics.Count; i++)
            {
                if ((string)Topics[i] == topic)
                {
                    all = all + "\n" + (string)Payloads[i];
                }
            }

            return all;
        }

        /// <summary>The latest payload on <paramref name="topic"/> containing <paramref name="fragment"/>, or null.</summary>
        public string Last(string topic, string fragment)
        {
            for (int i = Topics.Count - 1; i >= 0; i--)
            {
                string p = (string)Payloads[i];
                if ((string)Topics[i] == topic && (fragment == null || p.IndexOf(fragment) >= 0))
                {
                    return p;
                }
            }

            return null;
        }
    }
}
