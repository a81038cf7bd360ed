namespace RangeGuard.Messaging.Commands
{
    /// <summary>
    /// The last few request ids and the result each got, so a QoS 1 redelivery is answered again and not applied twice.
    /// </summary>
    public sealed class RecentRequests
    {
        private readonly string[] _ids;
        private readonly string[] _commands;
        private readonly string[] _results;
        private int _next;

        public RecentRequests(int capacity)
        {
            int n = capacity < 1 ? 1 : capacity;
            _ids = new string[n];
            _commands = new string[n];
            _results = new string[n];
            for (int i = 0; i < n; i++)
            {
                _ids[i] = string.Empty; // nanoFramework: a new string[] is not null-filled
                _commands[i] = string.Empty;
                _results[i] = string.Empty;
            }
        }

        /// <summary>The result already sent for this command and id, or null.</summary>
        public string Find(string command, string requestId)
        {
            if (requestId == null || requestId.Length == 0)
            {
                return null;
            }

            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == requestId && _commands[i] == command)
                {
                    return _results[i];
                }
            }

            return null;
        }

        public void Remember(string command, string requestId, string result)
        {
            if (requestId == null || requestId.Length == 0)
            {
                return;
            }

            _ids[_next] = requestId;
            _commands[_next] = command;
            _results[_next] = result;
            _next = (_next + 1) % _ids.Length;
        }
    }
}
