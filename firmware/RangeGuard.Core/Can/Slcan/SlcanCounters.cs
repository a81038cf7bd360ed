namespace RangeGuard.Can.Slcan
{
    /// <summary>
    /// Counts of everything an SLCAN stream delivered, one counter per <see cref="SlcanLineKind"/> plus bytes.
    /// Bad input only ever shows up here (never as an exception). Counters are int: they wrap after 2^31 events.
    /// </summary>
    public sealed class SlcanCounters
    {
        // Internal fields so the line assembler counts a frame without a call (each one a stack frame on the interpreter).
        internal readonly int[] ByKind = new int[(int)SlcanLineKind.Count];
        internal int BytesFed;

        /// <summary>Bytes fed in, terminators included.</summary>
        public int Bytes
        {
            get { return BytesFed; }
        }

        public int Frames
        {
            get { return ByKind[(int)SlcanLineKind.Frame]; }
        }

        /// <summary>BEL replies from the bridge.</summary>
        public int BridgeErrors
        {
            get { return ByKind[(int)SlcanLineKind.ErrorReply]; }
        }

        public int Overflows
        {
            get { return ByKind[(int)SlcanLineKind.Overflow]; }
        }

        /// <summary>All bad lines, whatever the kind (overflows and truncated lines included).</summary>
        public int ParseErrors
        {
            get
            {
                int sum = 0;
                for (int k = (int)SlcanLineKind.FirstError; k < (int)SlcanLineKind.Count; k++)
                {
                    sum += ByKind[k];
                }

                return sum;
            }
        }

        /// <summary>How many lines (or BELs, overflows, truncations) of this kind were seen.</summary>
        public int Of(SlcanLineKind kind)
        {
            int k = (int)kind;
            return k > 0 && k < ByKind.Length ? ByKind[k] : 0;
        }

        public void Clear()
        {
            for (int k = 0; k < ByKind.Length; k++)
            {
                ByKind[k] = 0;
            }

            BytesFed = 0;
        }

        internal void Add(SlcanLineKind kind)
        {
            ByKind[(int)kind]++;
        }
    }
}
