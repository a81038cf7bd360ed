namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// Counts of everything an SLCAN stream delivered, one counter per <see cref="SlcanLineKind"/> plus bytes.
    /// Bad input only ever shows up here (never as an exception). Counters are int: they wrap after 2^31 events.
    /// </summary>
    public sealed class SlcanCounters
    {
        private readonly int[] _byKind = new int[(int)SlcanLineKind.Count];

        /// <summary>Bytes fed in, terminators included.</summary>
        public int Bytes { get; internal set; }

        public int Frames
        {
            get { return _byKind[(int)SlcanLineKind.Frame]; }
        }

        /// <summary>BEL replies from the bridge.</summary>
        public int BridgeErrors
        {
            get { return _byKind[(int)SlcanLineKind.ErrorReply]; }
        }

        public int Overflows
        {
            get { return _byKind[(int)SlcanLineKind.Overflow]; }
        }

        /// <summary>All bad lines, whatever the kind (overflows and truncated lines included).</summary>
        public int ParseErrors
        {
            get
            {
                int sum = 0;
                for (int k = (int)SlcanLineKind.FirstError; k < (int)SlcanLineKind.Count; k++)
                {
                    sum += _byKind[k];
                }

                return sum;
            }
        }

        /// <summary>How many lines (or BELs, overflows, truncations) of this kind were seen.</summary>
        public int Of(SlcanLineKind kind)
        {
            int k = (int)kind;
            return k > 0 && k < _byKind.Length ? _byKind[k] : 0;
        }

        public void Clear()
        {
            for (int k = 0; k < _byKind.Length; k++)
            {
                _byKind[k] = 0;
            }

            Bytes = 0;
        }

        internal void Add(SlcanLineKind kind)
        {
            _byKind[(int)kind]++;
        }
    }
}
