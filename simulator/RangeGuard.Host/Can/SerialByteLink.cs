using System;
using System.IO.Ports;

namespace RangeGuard.Host.Can
{
    /// <summary>
    /// SLCAN over a serial device (USB CDC adapters such as CANable/USBtin appear as /dev/ttyACM0 or /dev/ttyUSB0;
    /// socat ptys as /dev/pts/N). A read waits at most the short read timeout and then returns 0.
    /// </summary>
    public sealed class SerialByteLink : IHostByteLink
    {
        public const int DefaultBaud = 115200;
        public const int DefaultReadTimeoutMs = 20;

        private readonly SerialPort _port;

        public SerialByteLink(string path, int baud = DefaultBaud, int readTimeoutMs = DefaultReadTimeoutMs)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baud);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(readTimeoutMs);
            _port = new SerialPort(path, baud, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadTimeout = readTimeoutMs,
                WriteTimeout = 1000,
            };
            _port.Open();
            Description = $"serial:{path}@{baud}";
        }

        public string Description { get; }

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }

        public void Dispose()
        {
            _port.Dispose();
        }
    }
}
