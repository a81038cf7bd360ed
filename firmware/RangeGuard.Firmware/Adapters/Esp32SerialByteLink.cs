using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>
    /// The CAN bridge's UART as an <see cref="IByteLink"/>: ESP32 UART1, which nanoFramework calls COM2
    /// (COM1 is the debugger). COM2 has no default pins, so they are routed before the port opens.
    /// Reads never block: only what is already buffered is copied.
    /// </summary>
    public sealed class Esp32SerialByteLink : IByteLink, IDisposable
    {
        /// <summary>Driver buffer (one shared RX/TX buffer in nanoFramework): ~180 ms of 115200 baud, so a slow tick loses nothing.</summary>
        public const int DefaultBufferSize = 2048;

        private const string PortName = "COM2";

        private readonly SerialPort _port;

        public Esp32SerialByteLink(int rxPin, int txPin, int baudRate)
            : this(rxPin, txPin, baudRate, DefaultBufferSize)
        {
        }

        public Esp32SerialByteLink(int rxPin, int txPin, int baudRate, int bufferSize)
        {
            Configuration.SetPinFunction(rxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(txPin, DeviceFunction.COM2_TX);

            _port = new SerialPort(PortName, baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadBufferSize = bufferSize;   // must be set before Open
            _port.ReadTimeout = 10;              // defaults are Timeout.Infinite; never hang the loop
            _port.WriteTimeout = 100;            // set-up commands are a few bytes
            _port.Open();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0 || count <= 0)
            {
                return 0;
            }

            if (count > available)
            {
                count = available;
            }

            try
            {
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                // SerialPort.Read throws when nothing could be read; the contract says "return 0".
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
