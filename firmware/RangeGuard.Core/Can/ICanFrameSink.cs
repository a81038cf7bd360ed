namespace RangeGuard.Can
{
    /// <summary>
    /// Receives decoded CAN frames. The frame is passed by value (a struct copy), so delivering it allocates nothing.
    /// </summary>
    public interface ICanFrameSink
    {
        void OnCanFrame(CanFrame frame);
    }
}
