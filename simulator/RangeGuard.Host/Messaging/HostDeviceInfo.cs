using System.Reflection;
using RangeGuard.Ports;

namespace RangeGuard.Host.Messaging;

/// <summary>The status message's device facts on the host: the agent's version, uptime on the agent clock, no heap figure.</summary>
public sealed class HostDeviceInfo : IDeviceInfo
{
    private readonly IClock _clock;
    private readonly long _startMs;

    public HostDeviceInfo(IClock clock)
    {
        _clock = clock;
        _startMs = clock.UtcMilliseconds;
    }

    /// <summary>"host-" and the core assembly's version.</summary>
    public string FirmwareVersion { get; } = "host-" + (typeof(RangeGuard.Agents.Agent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>Time on the agent clock since this was made (simulated time in the simulator).</summary>
    public long UptimeMs => _clock.UtcMilliseconds - _startMs;

    /// <summary>Unknown on the host (the managed heap of a desktop process says nothing about a car): null in the status.</summary>
    public long FreeMemoryBytes => -1;
}
