using System;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// The connection side of <see cref="M2MqttLink"/>: its own thread connects, watches and reconnects; M2Mqtt's events
    /// (raised on its dispatch thread) fill the rings the loop polls. Behaviour taken from nanoFramework.M2Mqtt v5.1.220's
    /// MqttClient.cs: Connect throws MqttConnectionException when the socket, DNS or TLS fails and returns the CONNACK code
    /// otherwise; on a drop, the dispatch thread clears IsConnected, closes the client (its inflight queue is cleared), then
    /// raises ConnectionClosed; a QoS 1 publish without PUBACK is sent 3 times 1 s apart, then reported not published.
    /// </summary>
    public sealed partial class M2MqttLink
    {
        private void Run()
        {
            while (true)
            {
                long started = Environment.TickCount64;
                if (TryConnect())
                {
                    Log("mqtt: connected to " + _host + " (connection " + ConnectionId.ToString() + ")");
                    WhileConnected();

                    _backoff.ConnectionEnded(Environment.TickCount64 - started);
                }
                else
                {
                    Log("mqtt: " + LastError);
                }

                Thread.Sleep((int)_backoff.NextDelayMs(_random.NextDouble()));
            }
        }

        /// <summary>Returns when the connection has ended (ConnectionClosed, M2Mqtt saw the drop, or a publish failed).</summary>
        private void WhileConnected()
        {
            while (true)
            {
                MqttClient client;
                lock (_sync)
                {
                    if (!_connected)
                    {
                        return;
                    }

                    client = _client;
                }

                if (!client.IsConnected)
                {
                    // Also covers a drop between Connect and this client becoming the current one, whose ConnectionClosed
                    // OnClosed ignores.
                    Drop("connection lost");
                    return;
                }

                if (TakePublishFailed())
                {
                    Drop("a QoS 1 message got no PUBACK after M2Mqtt's retries; reconnecting so the outbox re-sends it");
                    return;
                }

                Thread.Sleep(500);
            }
        }

        private bool TryConnect()
        {
            // TLS checks the broker certificate's dates: wait until SNTP has set the clock (it starts in 1970 or 2000).
            if (_tls && DateTime.UtcNow.Year < MinClockYear)
            {
                LastError = "waiting for SNTP time before TLS";
                return false;
            }

            MqttClient client = null;
            try
            {
                client = new MqttClient(_host, _port, _tls, _caCert, _clientCert, _tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgPublishReceived += OnReceived;
                client.ConnectionClosed += OnClosed;
                // willRetain only with a will: M2Mqtt throws WillWrong for a retain flag without one (MqttMsgConnect.GetBytes).
                MqttReasonCode code = client.Connect(_clientId, _user, _password, _willTopic != null, MqttQoSLevel.AtLeastOnce, _willTopic != null,
                    _willTopic, _willPayload, false, KeepAliveS);
                if (code != MqttReasonCode.Success)
                {
                    LastError = "broker refused: " + code.ToString();
                    client.Close();
                    return false;
                }

                client.Subscribe(_subscriptions, _subscriptionQos);
                lock (_sync)
                {
                    _client = client;
                    _connected = true;
                    _publishFailed = false;
                    _connectionId++;
                }

                LastError = null;
                return true;
            }
            catch (Exception ex)
            {
                // MqttConnectionException wraps socket, DNS and TLS failures; MqttCommunicationException a CONNACK timeout.
                LastError = Describe(ex);
                if (client != null)
                {
                    try
                    {
                        client.Close();
                    }
                    catch (Exception)
                    {
                    }
                }

                return false;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client)
                {
                    return; // every client numbers its messages from 1: an older client's id is not this connection's token
                }

                if (!e.IsPublished)
                {
                    // No PUBACK after M2Mqtt's 3 sends 1 s apart (MqttSettings: AttemptsOnRetry, DelayOnRetry, not settable);
                    // a late PUBACK is then ignored, so the outbox would wait for this token for as long as the connection
                    // lasts, with it taking a place of its send window. Run() reconnects; the outbox re-sends on the new one.
                    _publishFailed = true;
                    return;
                }

                if (_deliveredCount < _delivered.Length)
                {
                    _delivered[_deliveredCount++] = e.MessageId;
                }
            }
        }

        private void OnReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (e.Retain)
            {
                return; // the contract: retained commands are ignored
            }

            lock (_sync)
            {
                if (_rxCount < RingSize)
                {
                    int tail = (_rxHead + _rxCount) % RingSize;
                    _rxTopics[tail] = e.Topic;
                    _rxPayloads[tail] = e.Message;
                    _rxCount++;
                }
            }
        }

        private void OnClosed(object sender, EventArgs e)
        {
            lock (_sync)
            {
                if (sender == _client)
                {
                    _connected = false; // a client that never became the current one (its Subscribe failed) closes late
                }
            }
        }

        private bool TakePublishFailed()
        {
            lock (_sync)
            {
                bool failed = _publishFailed;
                _publishFailed = false;
                return failed;
            }
        }

        /// <summary>
        /// Ends the current connection from this thread. Close raises no ConnectionClosed, and may run while M2Mqtt's dispatch
        /// thread closes the same client (Close tolerates that; anything it throws is ignored).
        /// </summary>
        private void Drop(string why)
        {
            MqttClient client;
            lock (_sync)
            {
                _connected = false;
                client = _client;
            }

            Log("mqtt: " + why);
            try
            {
                client.Close();
            }
            catch (Exception)
            {
                // Closing a broken connection may fail; the next attempt uses a new client anyway.
            }
        }

        private void Log(string message)
        {
            if (_log != null)
            {
                _log.Write(message);
            }
        }

        /// <summary>The exception's message and its cause's (M2Mqtt wraps socket and TLS errors).</summary>
        private static string Describe(Exception ex)
        {
            string text = ex.GetType().Name + ": " + ex.Message;
            if (ex.InnerException != null)
            {
                text += " <- " + ex.InnerException.GetType().Name + ": " + ex.InnerException.Message;
            }

            return text;
        }
    }
}
