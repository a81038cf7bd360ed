using System;
using System.Net.Sockets;

namespace RangeGuard.Host.Can
{
    /// <summary>
    /// SLCAN over TCP (serial-to-network bridges, ser2net, `socat TCP-LISTEN:5000 /dev/ttyACM0`, test peers).
    /// A read waits at most the short read timeout and then returns 0; a closed or reset connection makes
    /// <see cref="IsConnected"/> false and reads return 0 from then on (the bridge then looks silent).
    /// </summary>
    public sealed class TcpByteLink : IHostByteLink
    {
        public const int DefaultReadTimeoutMs = 20;

        private readonly Socket _socket;
        private readonly int _readTimeoutUs;

        /// <summary>Wraps an already connected socket (e.g. one accepted by a listener); takes ownership.</summary>
        public TcpByteLink(Socket connected, int readTimeoutMs = DefaultReadTimeoutMs, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(connected);
            ArgumentOutOfRangeException.ThrowIfNegative(readTimeoutMs);
            _socket = connected;
            _socket.NoDelay = true;
            _readTimeoutUs = readTimeoutMs * 1000;
            Description = description ?? $"tcp://{connected.RemoteEndPoint}";
        }

        public string Description { get; }

        public bool IsConnected { get; private set; } = true;

        /// <summary>Why the connection ended, or null while connected.</summary>
        public string? DisconnectReason { get; private set; }

        /// <summary>
        /// Connects to host:port within <paramref name="connectTimeoutMs"/>; throws <see cref="ByteLinkOpenException"/>
        /// (an IOException) naming the address and why: nothing listening, unknown host, no answer.
        /// </summary>
        public static TcpByteLink Connect(string host, int port, int connectTimeoutMs = 3000, int readTimeoutMs = DefaultReadTimeoutMs)
        {
            string address = $"tcp://{host}:{port}";
            var client = new TcpClient();
            try
            {
                if (!client.ConnectAsync(host, port).Wait(connectTimeoutMs))
                {
                    throw new ByteLinkOpenException(address, $"no answer within {connectTimeoutMs} ms (wrong address, or a firewall dropping the connection?)");
                }
            }
            catch (AggregateException ex) when (ex.InnerException is SocketException se)
            {
                client.Dispose();
                throw new ByteLinkOpenException(address, WhyNot(host, port, se), se);
            }
            catch
            {
                client.Dispose();
                throw;
            }

            return new TcpByteLink(client.Client, readTimeoutMs, address);
        }

        /// <summary>A failed connect in words.</summary>
        internal static string WhyNot(string host, int port, SocketException se) => se.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => $"connection refused: nothing listens on port {port} of {host} (is the bridge, ser2net or socat running?)",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"unknown host '{host}'",
            SocketError.TimedOut => "no answer (wrong address, or a firewall dropping the connection?)",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"{host} cannot be reached from here ({se.Message})",
            _ => se.Message,
        };

        public int Read(byte[] buffer, int offset, int count)
        {
            if (!IsConnected)
            {
                return 0;
            }

            try
            {
                if (!_socket.Poll(_readTimeoutUs, SelectMode.SelectRead))
                {
                    return 0;
                }

                int n = _socket.Receive(buffer, offset, count, SocketFlags.None);
                if (n == 0)
                {
                    Disconnected("closed by peer");
                }

                return n;
            }
            catch (SocketException ex)
            {
                Disconnected(ex.Message);
                return 0;
            }
            catch (ObjectDisposedException)
            {
                Disconnected("disposed");
                return 0;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (!IsConnected)
            {
                return;
            }

            try
            {
                while (count > 0)
                {
                    int n = _socket.Send(buffer, offset, count, SocketFlags.None);
                    offset += n;
                    count -= n;
                }
            }
            catch (SocketException ex)
            {
                Disconnected(ex.Message);
            }
        }

        public void Dispose()
        {
            IsConnected = false;
            _socket.Dispose();
        }

        private void Disconnected(string reason)
        {
            IsConnected = false;
            DisconnectReason ??= reason;
        }
    }
}
