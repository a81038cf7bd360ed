namespace RangeGuard.Dbc
{
    /// <summary>What the signal decoder saw and rejected, since start (owned by <see cref="SignalDispatcher"/>).</summary>
    public sealed class DecoderCounters
    {
        /// <summary>CAN frames handed to the decoder.</summary>
        public long FramesReceived;

        /// <summary>Frames whose id no mapping names.</summary>
        public long UnknownIdFrames;

        /// <summary>Frames with a mapped id that arrived on a bus no mapping of that id accepts (or remote frames).</summary>
        public long FilteredFrames;

        /// <summary>Signals that could not be decoded (frame shorter than the signal).</summary>
        public long DecodeErrors;

        /// <summary>Values rejected as implausible (outside the mapping's or the input's limits); never clamped.</summary>
        public long OutOfRangeValues;

        /// <summary>Raw sentinel values ("not available") discarded.</summary>
        public long SentinelsDiscarded;

    }
}
