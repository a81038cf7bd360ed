using System;
using System.Collections.Generic;
using RangeGuard.Can;
using RangeGuard.Can.Slcan;
using RangeGuard.Host.Logs;

namespace RangeGuard.Host.Can
{
    /// <summary>
    /// Replays log frames through the same wire path the device uses: each frame is encoded as an SLCAN line (with the
    /// bridge-style timestamp, ms within the minute), fed to a <see cref="SlcanLineAssembler"/>, and the decoded frame goes
    /// to the sink with the log's bus and full timestamp restored (SLCAN carries neither).
    /// Frames that cannot be encoded or do not decode are counted, never thrown.
    /// </summary>
    public sealed class SlcanLogReplay
    {
        private readonly ICanFrameSink _sink;
        private readonly byte[] _line = new byte[SlcanEncoder.MaxEncodedLength];
        private readonly SlcanLineAssembler _assembler = new();

        public SlcanLogReplay(ICanFrameSink sink)
        {
            ArgumentNullException.ThrowIfNull(sink);
            _sink = sink;
        }

        /// <summary>Counters of the SLCAN side (frames decoded, parse errors by kind).</summary>
        public SlcanCounters Counters => _assembler.Counters;

        /// <summary>Log frames that could not be encoded as SLCAN (id/length out of range).</summary>
        public int Unencodable { get; private set; }

        /// <summary>Frames delivered to the sink.</summary>
        public int Delivered { get; private set; }

        /// <summary>Sends one log frame through encode -> assemble -> parse; true if it reached the sink.</summary>
        public bool Push(in CanLogEntry entry)
        {
            long ms = entry.Frame.TimestampMs;
            int stamp = ms >= 0 ? (int)(ms % 60000) : -1;
            int n = SlcanEncoder.EncodeFrame(entry.Frame, stamp, _line, 0);
            if (n == 0)
            {
                Unencodable++;
                return false;
            }

            int offset = 0;
            bool delivered = false;
            SlcanLineKind kind;
            while ((kind = _assembler.Next(_line, ref offset, n)) != SlcanLineKind.None)
            {
                if (kind == SlcanLineKind.Frame)
                {
                    CanFrame frame = _assembler.Frame;
                    frame.Bus = entry.Frame.Bus;
                    frame.TimestampMs = ms;
                    _sink.OnCanFrame(ref frame);
                    Delivered++;
                    delivered = true;
                }
            }

            return delivered;
        }

        /// <summary>Pushes every entry; returns the number delivered.</summary>
        public int Replay(IEnumerable<CanLogEntry> entries)
        {
            ArgumentNullException.ThrowIfNull(entries);
            int before = Delivered;
            foreach (CanLogEntry entry in entries)
            {
                Push(entry);
            }

            return Delivered - before;
        }
    }
}
