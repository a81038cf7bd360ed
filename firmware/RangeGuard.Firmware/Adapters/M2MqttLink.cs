using System;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using RangeGuard.Messaging;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IMqttLink"/> over nanoFramework.M2Mqtt 5.1.x (MQTT 3.1.1), written against its source (v5.1.220): the
    /// constructor with CA and client certificates, <c>Connect</c> with user, password and a retained QoS 1 last will and
    /// clean session off, <c>Publish(topic, bytes, null, null, qos, retain)</c>, <c>Subscribe(string[], MqttQoSLevel[])</c>,
    /// <c>MqttMsgPublished</c> for PUBACKs, <c>MqttMsgPublishReceived</c> for commands and <c>ConnectionClosed</c>.
    /// A thread of its own connects and reconnects with <see cref="ReconnectBackoff"/>, so the 1 Hz tick never waits for the
    /// network; events from M2Mqtt's dispatch thread only fill small locked rings that the loop polls. Every connection is a
    /// new MqttClient: M2Mqtt's dispatch thread closes a dropped one itself before it raises ConnectionClosed.
    /// </summary>
    public sealed partial class M2MqttLink : IMqttLink
    {
        private const int RingSize = 8;
        // The contract's keep-alive: the broker publishes the will after 1.5 × this without a packet from the car.
        private const ushort KeepAliveS = (ushort)MqttContract.KeepAliveSeconds;
        private const int MinClockYear = 2024;

        private readonly object _sync = new object();
        private readonly string _host;
        private readonly int _port;
        private readonly bool _tls;
        private readonly X509Certificate _caCert;
        private readonly X509Certificate _clientCert;
        private readonly string _clientId;
        private readonly string _user;
        private readonly string _password;
        private readonly string _willTopic;
        private readonly string _willPayload;
        private readonly string[] _subscriptions;
        private readonly MqttQoSLevel[] _subscriptionQos;
        private readonly int[] _delivered = new int[RingSize * 4];
        private readonly string[] _rxTopics = new string[RingSize];
        private readonly byte[][] _rxPayloads = new byte[RingSize][];
        private readonly ReconnectBackoff _backoff = new ReconnectBackoff();
        private readonly Random _random = new Random();
        private readonly ILogSink _log;
        private MqttClient _client;
        private Thread _thread;
        private bool _connected;
        private bool _publishFailed;
        private int _connectionId;
        private int _deliveredCount;
        private int _rxHead;
        private int _rxCount;

        /// <param name="caCertPem">PEM of the broker's CA (TLS), or null for plain MQTT.</param>
        /// <param name="clientCertPem">Optional client certificate (PEM) and its key (PEM).</param>
        /// <exception cref="Exception">A certificate or key that mbedTLS cannot parse (see <see cref="PemCertificates"/>).</exception>
        public M2MqttLink(string host, int port, byte[] caCertPem, byte[] clientCertPem, byte[] clientKeyPem, string clientId, string user,
            string password, string willTopic, string willPayload, string[] subscriptions, ILogSink log)
        {
            _host = host;
            _port = port;
            _tls = caCertPem != null;
            _caCert = caCertPem == null ? null : PemCertificates.Ca(caCertPem);
            _clientCert = PemCertificates.Client(clientCertPem, clientKeyPem);
            _log = log;
            _clientId = clientId;
            _user = user;
            _password = password;
            _willTopic = willTopic;
            _willPayload = willPayload;
            _subscriptions = subscriptions;
            _subscriptionQos = new MqttQoSLevel[subscriptions.Length];
            for (int i = 0; i < subscriptions.Length; i++)
            {
                _subscriptionQos[i] = MqttQoSLevel.AtLeastOnce;
            }
        }

        public bool IsConnected
        {
            get
            {
                lock (_sync)
                {
                    return _connected;
                }
            }
        }

        public int ConnectionId
        {
            get
            {
                lock (_sync)
                {
                    return _connectionId;
                }
            }
        }

        /// <summary>Why the latest attempt failed (for the log).</summary>
        public string LastError { get; private set; }

        /// <summary>Starts the connect/reconnect thread (call after Wi-Fi and SNTP: TLS needs the time).</summary>
        public void Start()
        {
            if (_thread == null)
            {
                _thread = new Thread(Run);
                _thread.Start();
            }
        }

        public bool TryPublish(string topic, string payload, int qos, bool retain, out int token)
        {
            token = 0;
            MqttClient client;
            lock (_sync)
            {
                if (!_connected)
                {
                    return false;
                }

                client = _client;
            }

            if (!client.IsConnected)
            {
                // M2Mqtt clears IsConnected as soon as it sees the drop, a moment before ConnectionClosed (it first closes
                // the client, joining its threads): a message handed over now would be cleared with the inflight queue.
                return false;
            }

            try
            {
                // Publish queues the message in M2Mqtt's inflight queue and returns its message id at once.
                ushort id = client.Publish(topic, Encoding.UTF8.GetBytes(payload), null, null,
                    qos > 0 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce, retain);
                token = qos > 0 ? id : 0;
                return true;
            }
            catch (Exception ex)
            {
                // InflightQueueFull or a dropped socket: the outbox keeps the message and tries again.
                LastError = ex.Message;
                return false;
            }
        }

        public bool TryTakeDelivered(out int token)
        {
            lock (_sync)
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
        }

        public bool TryReceive(out string topic, out byte[] payload)
        {
            lock (_sync)
            {
                topic = null;
                payload = null;
                if (_rxCount == 0)
                {
                    return false;
                }

                topic = _rxTopics[_rxHead];
                payload = _rxPayloads[_rxHead];
                _rxTopics[_rxHead] = null;
                _rxPayloads[_rxHead] = null;
                _rxHead = (_rxHead + 1) % RingSize;
                _rxCount--;
                return true;
            }
        }
    }
}
