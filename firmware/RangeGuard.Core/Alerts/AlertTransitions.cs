namespace RangeGuard.Alerts
{
    /// <summary>
    /// The alert transitions of one tick in the order they happened: what a publisher turns into alert messages and the
    /// simulator into its timeline. Fixed capacity; filled by the agent at the end of each tick, cleared at the next.
    /// </summary>
    public sealed class AlertTransitions
    {
        private readonly int[] _kinds;
        private readonly int[] _events;

        public AlertTransitions(int capacity)
        {
            _kinds = new int[capacity];
            _events = new int[capacity];
        }

        public int Count { get; private set; }

        /// <summary>Transitions that did not fit (the table's own queue is as large, so this stays 0 unless capacities differ).</summary>
        public int Lost { get; private set; }

        /// <summary>Slot index (kind) of transition <paramref name="i"/>.</summary>
        public int Kind(int i)
        {
            return _kinds[i];
        }

        /// <summary><see cref="AlertEvent"/> of transition <paramref name="i"/>.</summary>
        public int Event(int i)
        {
            return _events[i];
        }

        internal void Add(int kind, int alertEvent)
        {
            if (Count >= _kinds.Length)
            {
                Lost++;
                return;
            }

            _kinds[Count] = kind;
            _events[Count] = alertEvent;
            Count++;
        }

        internal void Clear()
        {
            Count = 0;
        }
    }
}
