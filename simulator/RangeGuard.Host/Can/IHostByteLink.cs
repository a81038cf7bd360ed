using System;
using RangeGuard.Ports;

namespace RangeGuard.Host.Can
{
    /// <summary>A host byte link that owns an OS resource (port, socket) and so must be disposed.</summary>
    public interface IHostByteLink : IByteLink, IDisposable
    {
        /// <summary>What the link is connected to, for messages (e.g. "serial:/dev/ttyACM0@115200").</summary>
        string Description { get; }
    }
}
