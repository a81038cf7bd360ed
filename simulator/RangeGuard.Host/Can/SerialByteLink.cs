using System;
using System.IO;
using System.IO.Ports;

namespace RangeGuard.Host.Can
{
    /// <summary>
    /// SLCAN over a serial device (USB CDC adapters such as CANable/USBtin appear as /dev/ttyACM0 or /dev/ttyUSB0;
    /// socat ptys as /dev/pts/N). A read waits at most the short read timeout and then returns 0. A device that cannot be
    /// opened throws <see cref="ByteLinkOpenException"/> saying why (missing, no permission, busy, not a serial device).
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
            Description = $"serial:{path}@{baud}";
            string? missing = OperatingSystem.IsWindows() ? null : Missing(path);
            if (missing != null)
            {
                throw new ByteLinkOpenException(Description, missing);
            }

            _port = new SerialPort(path, baud, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadTimeout = readTimeoutMs,
                WriteTimeout = 1000,
            };
            try
            {
                _port.Open();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                _port.Dispose();
                throw new ByteLinkOpenException(Description, WhyNot(path, ex), ex);
            }
        }

        /// <summary>Why <paramref name="path"/> cannot be a serial device before trying it, or null if it is there.</summary>
        internal static string? Missing(string path)
        {
            if (Directory.Exists(path))
            {
                return $"{path} is a directory, not a serial device";
            }

            return File.Exists(path)
                ? null
                : $"{path} does not exist: is the adapter plugged in? USB adapters appear as /dev/ttyUSB0 or /dev/ttyACM0 (ls /dev/ttyUSB* /dev/ttyACM*)";
        }

        /// <summary>
        /// The OS error behind a failed open, in words. On Unix System.IO.Ports reports every failure as "Access to the port
        /// is denied" and puts the errno in the inner exception's HResult.
        /// </summary>
        internal static string WhyNot(string path, Exception ex)
        {
            Exception os = ex.InnerException ?? ex;
            return os.HResult switch
            {
                Errno.NoEntry => Missing(path) ?? $"{path} disappeared while opening it (adapter unplugged?)",
                Errno.Access or Errno.Permission => $"permission denied: add your user to the group that owns {path} (usually dialout: sudo usermod -aG dialout $USER, then log in again)",
                Errno.Busy => $"{path} is busy: another program has it open (a serial monitor, ModemManager, slcand?)",
                Errno.NotTty => $"{path} is not a serial device (the file exists, but it is not a terminal device)",
                Errno.IsDirectory => $"{path} is a directory, not a serial device",
                _ => $"cannot open {path}: {os.Message}",
            };
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

        /// <summary>errno values (Linux and macOS agree on these) the open can fail with.</summary>
        private static class Errno
        {
            public const int Permission = 1;
            public const int NoEntry = 2;
            public const int Access = 13;
            public const int Busy = 16;
            public const int IsDirectory = 21;
            public const int NotTty = 25;
        }
    }
}
