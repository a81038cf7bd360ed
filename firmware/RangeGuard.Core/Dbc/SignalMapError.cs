namespace RangeGuard.Dbc
{
    /// <summary>Why a signal map did not load: 1-based line number and reason.</summary>
    public sealed class SignalMapError
    {
        public SignalMapError(int line, string reason)
        {
            Line = line;
            Reason = reason;
        }

        public int Line { get; private set; }

        public string Reason { get; private set; }

        public override string ToString()
        {
            return "line " + Line.ToString() + ": " + Reason;
        }
    }

    /// <summary>Thrown by <see cref="SignalMapLoader.Load"/>; the message names the line and the reason.</summary>
    public sealed class SignalMapFormatException : System.Exception
    {
        public SignalMapFormatException(SignalMapError error)
            : base(error.ToString())
        {
            Error = error;
        }

        public SignalMapError Error { get; private set; }
    }
}
