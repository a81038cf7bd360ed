namespace RangeGuard.Ports
{
    /// <summary>
    /// A byte transport to the CAN bridge (UART on the device; serial port, TCP or an in-process pipe on the host).
    /// Reads never block longer than the link's own short timeout, so the agent tick keeps running when the bridge is silent.
    /// </summary>
    public interface IByteLink
    {
        /// <summary>Copies up to <paramref name="count"/> received bytes into <paramref name="buffer"/>; returns 0 when nothing arrived.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends bytes to the bridge (set-up commands; frames only when transmitting is configured).</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
