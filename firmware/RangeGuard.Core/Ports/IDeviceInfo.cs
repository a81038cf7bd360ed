namespace RangeGuard.Ports
{
    /// <summary>What the car reports about itself in its retained status message.</summary>
    public interface IDeviceInfo
    {
        /// <summary>Firmware / agent version ("0.5.0").</summary>
        string FirmwareVersion { get; }

        /// <summary>Time since boot, ms (monotonic: not the agent clock, which SNTP may step).</summary>
        long UptimeMs { get; }

        /// <summary>Free managed memory, bytes; negative when the platform cannot tell.</summary>
        long FreeMemoryBytes { get; }
    }
}
