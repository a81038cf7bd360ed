using RangeGuard.Ports;

namespace RangeGuard.Messaging.Outbox
{
    /// <summary>
    /// Store-and-forward queue between the agent and the MQTT link: fixed capacity in messages and characters, order kept,
    /// QoS 1 messages removed only when the broker acknowledged them, everything unacknowledged re-sent after a reconnect.
    /// Alerts get the per-vehicle seq and are written to an <see cref="AlertStore"/> before they are queued, so they and the
    /// seq survive a reboot. A newer retained message (status, forecast, alerts/active) replaces an older one still queued
    /// on its topic. Under pressure telemetry is thinned, then evicted; alerts, results and the latest retained messages are
    /// never evicted. Allocates nothing per message beyond what the caller built (the payload text).
    /// Single-threaded: call it from the core loop only.
    /// </summary>
    public sealed class MessageOutbox
    {
        /// <summary>Over this fill (in 1/4ths of capacity) telemetry is thinned.</summary>
        public const int ThinAboveQuarters = 3;

        /// <summary>While thinning, at most one telemetry message per this long.</summary>
        public const long ThinIntervalMs = 60000;

        private const int Queued = 0;
        private const int InFlight = 1;

        private readonly string[] _topics;
        private readonly string[] _payloads;
        private readonly int[] _class;
        private readonly int[] _seq;
        private readonly int[] _state;
        private readonly int[] _token;
        private readonly int[] _loadSeqs;
        private readonly string[] _loadPayloads;
        private readonly int _maxChars;
        private readonly AlertStore _store;
        private readonly IClock _clock;
        private int _count;
        private int _chars;
        private int _connectionId = -1;
        private long _lastTelemetryMs = long.MinValue;
        private int _lastSeq;

        /// <param name="capacity">Messages held at most.</param>
        /// <param name="maxChars">Payload characters held at most (the device's memory budget).</param>
        /// <param name="store">Durable alert store, or null to keep alerts in RAM only.</param>
        public MessageOutbox(int capacity, int maxChars, AlertStore store, IClock clock)
        {
            int n = capacity < 2 ? 2 : capacity;
            _topics = new string[n];
            _payloads = new string[n];
            _class = new int[n];
            _seq = new int[n];
            _state = new int[n];
            _token = new int[n];
            _loadSeqs = new int[n];
            _loadPayloads = new string[n];
            for (int i = 0; i < n; i++)
            {
                // Explicitly: unset entries of a new string[] are not null on nanoCLR (portable-code.md).
                _topics[i] = null;
                _payloads[i] = null;
                _loadPayloads[i] = null;
            }

            _maxChars = maxChars;
            _store = store;
            _clock = clock;
        }

        /// <summary>Topic the reloaded alerts are published on (set before <see cref="Open"/>).</summary>
        public string AlertTopic { get; set; }

        public int Count
        {
            get { return _count; }
        }

        public int Capacity
        {
            get { return _topics.Length; }
        }

        /// <summary>Messages refused or evicted since start.</summary>
        public int Dropped { get; private set; }

        /// <summary>Telemetry messages refused by thinning since start (also counted in <see cref="Dropped"/>).</summary>
        public int Thinned { get; private set; }

        public int StoreErrors { get; private set; }

        /// <summary>The seq the next alert gets: build its payload with it, then <see cref="PostAlert"/>.</summary>
        public int NextAlertSeq
        {
            get { return _lastSeq + 1; }
        }

        /// <summary>Reloads unacknowledged alerts and the seq from the store (call once at start-up, before posting).</summary>
        public int Open()
        {
            if (_store == null)
            {
                return 0;
            }

            int n;
            try
            {
                n = _store.Open(_loadSeqs, _loadPayloads);
                _lastSeq = _store.LastSeq;
            }
            catch (System.Exception)
            {
                StoreErrors++;
                return 0;
            }

            int loaded = 0;
            for (int i = 0; i < n; i++)
            {
                if (Enqueue(AlertTopic, _loadPayloads[i], MessageClass.Alert, _loadSeqs[i]))
                {
                    loaded++;
                }

                _loadPayloads[i] = null;
            }

            return loaded;
        }

        /// <summary>Queues a telemetry, retained or result message. False when refused (counted in <see cref="Dropped"/>).</summary>
        public bool Post(string topic, string payload, int messageClass)
        {
            if (messageClass == MessageClass.Alert)
            {
                return PostAlert(topic, NextAlertSeq, payload);
            }

            if (messageClass == MessageClass.Telemetry)
            {
                if (ThinTelemetry())
                {
                    return false;
                }

                if (!Enqueue(topic, payload, messageClass, 0))
                {
                    return false;
                }

                _lastTelemetryMs = _clock.UtcMilliseconds;
                return true;
            }

            if (messageClass == MessageClass.Retained)
            {
                Supersede(topic);
            }

            return Enqueue(topic, payload, messageClass, 0);
        }

        /// <summary>
        /// True (and counted as thinned and dropped) when a telemetry message posted now would be refused by thinning; the
        /// publisher asks before it builds the text, which costs more than anything else in a tick on the interpreter.
        /// </summary>
        public bool ThinTelemetry()
        {
            if (_count * 4 > _topics.Length * ThinAboveQuarters && _clock.UtcMilliseconds - _lastTelemetryMs < ThinIntervalMs)
            {
                Thinned++;
                Dropped++;
                return true;
            }

            return false;
        }

        /// <summary>
        /// Queues a retained message ahead of everything else (the status at a new connection: "online" goes first); an older
        /// one still queued on the topic is replaced.
        /// </summary>
        public bool PostFirst(string topic, string payload)
        {
            if (topic == null || payload == null)
            {
                return false;
            }

            Supersede(topic);
            if (!Enqueue(topic, payload, MessageClass.Retained, 0))
            {
                return false;
            }

            int last = _count - 1;
            for (int k = last; k > 0; k--)
            {
                Swap(k, k - 1);
            }

            return true;
        }

        /// <summary>Messages replaced by a newer retained one on the same topic (not counted as dropped).</summary>
        public int Superseded { get; private set; }

        /// <summary>
        /// Queues an alert built with <paramref name="seq"/> = <see cref="NextAlertSeq"/>: stored durably first, then queued.
        /// When refused the seq is not used up, so the next alert takes it and the fleet sees no gap.
        /// </summary>
        public bool PostAlert(string topic, int seq, string payload)
        {
            if (seq != NextAlertSeq || topic == null || payload == null || payload.Length > MessageClass.MaxChars(MessageClass.Alert)
                || !MakeRoom(payload.Length))
            {
                Dropped++;
                return false;
            }

            if (_store != null)
            {
                try
                {
                    if (!_store.AppendAlert(seq, payload))
                    {
                        StoreErrors++;
                    }
                }
                catch (System.Exception)
                {
                    StoreErrors++; // still sent from RAM; only a reboot before delivery would lose it
                }
            }

            _lastSeq = seq;
            return Enqueue(topic, payload, MessageClass.Alert, seq);
        }

        /// <summary>Topic and payload of queued message <paramref name="i"/> (0 = oldest), for status and tests.</summary>
        public string PayloadAt(int i)
        {
            return i >= 0 && i < _count ? _payloads[i] : null;
        }

        public string TopicAt(int i)
        {
            return i >= 0 && i < _count ? _topics[i] : null;
        }

        /// <summary>
        /// Moves messages to the link: takes acknowledgements, re-sends after a reconnect, publishes in order up to
        /// <paramref name="window"/> unacknowledged QoS 1 messages. Never blocks. Returns how many it handed over.
        /// </summary>
        public int Pump(IMqttLink link, int window)
        {
            int token;
            while (link.TryTakeDelivered(out token))
            {
                Delivered(token);
            }

            if (!link.IsConnected)
            {
                return 0;
            }

            if (link.ConnectionId != _connectionId)
            {
                _connectionId = link.ConnectionId;
                for (int i = 0; i < _count; i++)
                {
                    _state[i] = Queued;
                }
            }

            int inFlight = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_state[i] == InFlight)
                {
                    inFlight++;
                }
            }

            int k = 0;
            int sent = 0;
            while (k < _count && inFlight < window)
            {
                if (_state[k] != Queued)
                {
                    k++;
                    continue;
                }

                int cls = _class[k];
                int qos = cls == MessageClass.Telemetry ? 0 : 1;
                if (!link.TryPublish(_topics[k], _payloads[k], qos, cls == MessageClass.Retained, out token))
                {
                    return sent; // keep the order: nothing later goes before this one
                }

                sent++;
                if (qos == 0)
                {
                    RemoveAt(k);
                    continue;
                }

                _state[k] = InFlight;
                _token[k] = token;
                inFlight++;
                k++;
            }

            return sent;
        }

        private void Delivered(int token)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_state[i] == InFlight && _token[i] == token)
                {
                    bool alert = _class[i] == MessageClass.Alert;
                    RemoveAt(i);
                    if (alert)
                    {
                        RecordAcks();
                    }

                    return;
                }
            }
        }

        /// <summary>Stores "acknowledged through" = just below the oldest alert still queued (acks arrive in order anyway).</summary>
        private void RecordAcks()
        {
            if (_store == null)
            {
                return;
            }

            int through = _lastSeq;
            for (int i = 0; i < _count; i++)
            {
                if (_class[i] == MessageClass.Alert)
                {
                    through = _seq[i] - 1;
                    break;
                }
            }

            try
            {
                _store.AppendAck(through);
                if (_store.WantsCompaction)
                {
                    int n = 0;
                    for (int i = 0; i < _count; i++)
                    {
                        if (_class[i] == MessageClass.Alert)
                        {
                            _loadSeqs[n] = _seq[i];
                            _loadPayloads[n] = _payloads[i];
                            n++;
                        }
                    }

                    _store.Compact(_loadSeqs, _loadPayloads, n);
                    for (int i = 0; i < n; i++)
                    {
                        _loadPayloads[i] = null;
                    }
                }
            }
            catch (System.Exception)
            {
                StoreErrors++;
            }
        }

        private bool Enqueue(string topic, string payload, int cls, int seq)
        {
            if (payload.Length > MessageClass.MaxChars(cls) || !MakeRoom(payload.Length))
            {
                Dropped++;
                return false;
            }

            _topics[_count] = topic;
            _payloads[_count] = payload;
            _class[_count] = cls;
            _seq[_count] = seq;
            _state[_count] = Queued;
            _token[_count] = 0;
            _count++;
            _chars += payload.Length;
            return true;
        }

        /// <summary>Evicts (oldest telemetry first, then a superseded retained message) until one more message of this size fits.</summary>
        private bool MakeRoom(int chars)
        {
            if (chars > _maxChars)
            {
                return false;
            }

            while (_count >= _topics.Length || _chars + chars > _maxChars)
            {
                int victim = FindEvictable();
                if (victim < 0)
                {
                    return false;
                }

                RemoveAt(victim);
                Dropped++;
            }

            return true;
        }

        private int FindEvictable()
        {
            for (int i = 0; i < _count; i++)
            {
                if (_class[i] == MessageClass.Telemetry && _state[i] == Queued)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Removes a retained message on this topic that is queued but not yet handed to the link.</summary>
        private void Supersede(string topic)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_class[i] == MessageClass.Retained && _state[i] == Queued && _topics[i] == topic)
                {
                    RemoveAt(i);
                    Superseded++;
                    return;
                }
            }
        }

        private void Swap(int a, int b)
        {
            string t = _topics[a]; _topics[a] = _topics[b]; _topics[b] = t;
            string p = _payloads[a]; _payloads[a] = _payloads[b]; _payloads[b] = p;
            int c = _class[a]; _class[a] = _class[b]; _class[b] = c;
            c = _seq[a]; _seq[a] = _seq[b]; _seq[b] = c;
            c = _state[a]; _state[a] = _state[b]; _state[b] = c;
            c = _token[a]; _token[a] = _token[b]; _token[b] = c;
        }

        private void RemoveAt(int i)
        {
            _chars -= _payloads[i].Length;
            for (int k = i; k < _count - 1; k++)
            {
                _topics[k] = _topics[k + 1];
                _payloads[k] = _payloads[k + 1];
                _class[k] = _class[k + 1];
                _seq[k] = _seq[k + 1];
                _state[k] = _state[k + 1];
                _token[k] = _token[k + 1];
            }

            _count--;
            _topics[_count] = null;
            _payloads[_count] = null;
        }
    }
}
