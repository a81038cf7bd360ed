using System;
using RangeGuard.Ports;

namespace RangeGuard.Firmware.Adapters
{
    /// <summary>The status message's device facts: the image version, time since boot, free managed heap.</summary>
    public sealed class Esp32DeviceInfo : IDeviceInfo
    {
        public Esp32DeviceInfo(string firmwareVersion)
        {
            FirmwareVersion = firmwareVersion;
        }

        public string FirmwareVersion { get; private set; }

        public long UptimeMs
        {
            get { return Environment.TickCount64; }
        }

        /// <summary>
        /// nanoFramework.Runtime.Native.GC.Run(false): a collection without compaction that returns the free bytes. Only
        /// asked when a status goes out (each (re)connect), so its cost does not touch the tick.
        /// </summary>
        public long FreeMemoryBytes
        {
            get { return nanoFramework.Runtime.Native.GC.Run(false); }
        }
    }
}
