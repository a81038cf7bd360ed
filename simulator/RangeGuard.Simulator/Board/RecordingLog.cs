using System.Collections.Generic;
using RangeGuard.Ports;

namespace RangeGuard.Simulator.Board
{
    /// <summary>The agent's log on the virtual board: keeps the first <see cref="Capacity"/> lines stamped with simulated time, counts the rest.</summary>
    public sealed class RecordingLog : ILogSink
    {
        public const int Capacity = 2000;

        private readonly IClock _clock;

        public RecordingLog(IClock clock)
        {
            _clock = clock;
        }

        public List<(long TimeMs, string Text)> Lines { get; } = new();

        public int Dropped { get; private set; }

        public void Write(string message)
        {
            if (Lines.Count >= Capacity)
            {
                Dropped++;
                return;
            }

            Lines.Add((_clock.UtcMilliseconds, message));
        }
    }
}
