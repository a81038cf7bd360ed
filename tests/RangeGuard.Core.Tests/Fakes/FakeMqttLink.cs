using RangeGuard.Ports;

namespace RangeGuard.Tests.Fakes
{
    /// <summary>Records what is published; the test decides when the broker acknowledges and when the link drops.</summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        public readonly string[] Topics = Check.Strings(256);
        public readonly string[] Payloads = Check.Strings(256);
        public readonly int[] Qos = new int[256];
        public readonly bool[] Retain = new bool[256];
        public readonly int[] Tokens = new int[256];
        public int Published;

        /// <summary>Publishes accepted before the client's queue is "full" (negative: unlimited).</summary>
        public int AcceptLimit = -1;

        private readonly int[] _delivered = new int[256];
        private int _deliveredCount;
        private int _nextToken = 1;

        public bool IsConnected { get; set; }

        public int ConnectionId { get; set; }

        public void Connect()
        {
            IsConnected = true;
            ConnectionId++;
        }

        public bool TryPublish(string topic, string payload, int qos, bool retain, out int token)
        {
            token = 0;
            if (!IsConnected || AcceptLimit == 0 || Published >= Topics.Length)
            {
                return false;
            }

            if (AcceptLimit > 0)
            {
                AcceptLimit--;
            }

            token = qos > 0 ? _nextToken++ : 0;
            Topics[Published] = topic;
            Payloads[Published] = payload;
            Qos[Published] = qos;
            Retain[Published] = retain;
            Tokens[Published] = token;
            Published++;
            return true;
        }

        /// <summary>The broker acknowledges publication number <paramref name="index"/>.</summary>
        public void Acknowledge(int index)
        {
            _delivered[_deliveredCount++] = Tokens[index];
        }

        public bool TryTakeDelivered(out int token)
        {
            token = 0;
            if (_deliveredCount == 0)
            {
                return false;
            }

            token = _delivered[0];
            for (int i = 1; i < _deliveredCount; i++)
            {
                _delivered[i - 1] = _delivered[i];
            }

            _deliveredCount--;
            return true;
        }

        public bool TryReceive(out string topic, out byte[] payload)
        {
            topic = null;
            payload = null;
            return false;
        }
    }
}
