using System;
using System.Collections.Generic;
using RangeGuard.Dbc;
using RangeGuard.Host.Can;
using RangeGuard.Host.Logs;
using RangeGuard.State;

namespace RangeGuard.Host.Replay
{
    /// <summary>The decoded inputs at one moment of a replay.</summary>
    public sealed record ReplaySample(long TimeMs, float[] Values, bool[] Fresh);

    /// <summary>What a replay produced: samples over time and every counter of the path.</summary>
    public sealed class ReplayResult
    {
        public List<ReplaySample> Samples { get; } = new();

        public required VehicleState State { get; init; }

        public required DecoderCounters Decoder { get; init; }

        public required CanLogReader Reader { get; init; }

        public required SlcanLogReplay Slcan { get; init; }

        /// <summary>The last sample (the state at the end of the log).</summary>
        public ReplaySample? Last => Samples.Count > 0 ? Samples[^1] : null;
    }

    /// <summary>
    /// Replays a CAN log through the device's own path: log frame -> SLCAN line -> line assembler/parser ->
    /// DBC decode (signal map) -> vehicle state, sampling the decoded inputs every <c>intervalMs</c> of log time.
    /// </summary>
    public static class ReplaySession
    {
        public static ReplayResult Run(string logPath, SignalMap map, long intervalMs)
        {
            if (intervalMs <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(intervalMs), "the sample interval must be positive");
            }

            IEnumerable<CanLogEntry> entries = CanLogReader.ReadFile(logPath, out CanLogReader reader);
            var state = new VehicleState();
            var dispatcher = new SignalDispatcher(map, state);
            var slcan = new SlcanLogReplay(dispatcher);
            var result = new ReplayResult { State = state, Decoder = dispatcher.Counters, Reader = reader, Slcan = slcan };

            long nextSampleMs = long.MinValue;
            long latestMs = long.MinValue;
            foreach (CanLogEntry entry in entries)
            {
                long t = entry.Frame.TimestampMs;
                if (nextSampleMs == long.MinValue)
                {
                    nextSampleMs = t;
                }

                // Interleaved channels step back by a few ms: the state's clock never does.
                if (t > latestMs)
                {
                    latestMs = t;
                }

                while (latestMs >= nextSampleMs + intervalMs)
                {
                    nextSampleMs += intervalMs;
                    result.Samples.Add(Sample(state, nextSampleMs));
                }

                slcan.Push(entry);
            }

            if (latestMs != long.MinValue)
            {
                result.Samples.Add(Sample(state, latestMs));
            }

            return result;
        }

        private static ReplaySample Sample(VehicleState state, long timeMs)
        {
            state.Update(timeMs);
            var values = new float[InputId.Count];
            var fresh = new bool[InputId.Count];
            for (int i = 0; i < InputId.Count; i++)
            {
                fresh[i] = state.TryGet(i, timeMs, out values[i]);
                if (!fresh[i])
                {
                    values[i] = state.GetLast(i);
                }
            }

            return new ReplaySample(timeMs, values, fresh);
        }
    }
}
