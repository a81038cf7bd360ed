namespace RangeGuard.Ports
{
    /// <summary>Diagnostic text (Debug.WriteLine on the device, the console or a file on the host).</summary>
    public interface ILogSink
    {
        void Write(string message);
    }
}
