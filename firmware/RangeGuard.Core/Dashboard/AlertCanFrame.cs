using RangeGuard.Alerts;
using RangeGuard.Can;

namespace RangeGuard.Dashboard
{
    /// <summary>
    /// Optional: the dashboard state as one classic CAN frame for an aftermarket display. Nothing sends it unless the
    /// integrator configures a transmitting bridge (the bridge stays listen-only by default).
    /// Layout (little-endian): byte 0 top severity (0..4); byte 1 top alert kind + 1 (0 = none); byte 2 flags
    /// (bit 0 acknowledged, bit 1 fleet flag, bit 2 heater on); byte 3 active alert count; bytes 4-5 median destination
    /// arrival SOC × 10 as int16 (0x8000 = unknown); byte 6 a counter that changes with every frame; byte 7 reserved (0).
    /// </summary>
    public static class AlertCanFrame
    {
        /// <summary>Suggested standard identifier (low priority, outside the reference vehicle's map).</summary>
        public const uint DefaultId = 0x6F0;

        public const short UnknownSoc = short.MinValue;

        public static CanFrame Encode(uint id, AlertTable table, bool heaterOn, bool socKnown, float destinationSocP50, byte counter)
        {
            CanFrame f = new CanFrame();
            f.Id = id;
            f.Length = 8;
            f.TimestampMs = -1;
            int top = table.TopKind;
            AlertSlot s = top >= 0 ? table.Slot(top) : null;
            f.SetByte(0, (byte)(s == null ? 0 : s.Severity));
            f.SetByte(1, (byte)(top + 1));
            int flags = 0;
            if (s != null && s.Acknowledged)
            {
                flags |= 1;
            }

            if (s != null && s.FleetFlag)
            {
                flags |= 2;
            }

            if (heaterOn)
            {
                flags |= 4;
            }

            f.SetByte(2, (byte)flags);
            f.SetByte(3, (byte)table.ActiveCount);
            short soc = UnknownSoc;
            if (socKnown && !float.IsNaN(destinationSocP50))
            {
                double scaled = RangeGuard.Common.DMath.Round(destinationSocP50 * 10.0);
                soc = (short)(scaled > 32767 ? 32767 : scaled < -32767 ? -32767 : scaled);
            }

            f.SetByte(4, (byte)(soc & 0xFF));
            f.SetByte(5, (byte)((soc >> 8) & 0xFF));
            f.SetByte(6, counter);
            return f;
        }
    }
}
