using System;
using System.IO;

namespace RangeGuard.Host.Can
{
    /// <summary>
    /// A bridge that cannot be opened, with the address and the reason in words a user can act on ("/dev/ttyUSB0 does not
    /// exist: is the adapter plugged in?"), not the OS's generic text. An IOException, so callers that catch those still do.
    /// </summary>
    public sealed class ByteLinkOpenException : IOException
    {
        public ByteLinkOpenException(string address, string reason, Exception? inner = null)
            : base($"{address}: {reason}", inner)
        {
            Address = address;
            Reason = reason;
        }

        /// <summary>The bridge address as given (serial:/dev/ttyUSB0@115200, tcp://host:port).</summary>
        public string Address { get; }

        /// <summary>Why it could not be opened, and what to try.</summary>
        public string Reason { get; }
    }
}
