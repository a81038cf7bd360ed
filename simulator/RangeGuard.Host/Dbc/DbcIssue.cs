namespace RangeGuard.Host.Dbc
{
    /// <summary>What a problem in a DBC file cost.</summary>
    public enum DbcIssueKind
    {
        /// <summary>A statement could not be read and was skipped (e.g. a malformed SG_ line).</summary>
        Skipped,

        /// <summary>A signal was read but the device cannot decode it (too long, past 8 bytes, float, nested multiplexing...).</summary>
        Unusable,

        /// <summary>Something odd that changes nothing the device uses (duplicate id, VAL_ for an unknown signal...).</summary>
        Note,
    }

    /// <summary>
    /// A problem that did not stop the read: the file, the 1-based line, the reason, and what it concerns
    /// (<see cref="Subject"/>: "Message", "Message.Signal" or empty), so a profile that uses that signal can say why it fails.
    /// </summary>
    public sealed record DbcIssue(string File, int Line, DbcIssueKind Kind, string Message, string Subject = "")
    {
        public override string ToString() => $"{File}:{Line}: {Message}";
    }
}
