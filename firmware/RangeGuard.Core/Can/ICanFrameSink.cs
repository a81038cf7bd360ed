namespace RangeGuard.Can
{
    /// <summary>
    /// Receives decoded CAN frames. The frame is passed by reference: on nanoFramework every copy of a struct is a new heap
    /// object, so a frame passed by value would leave garbage per frame (on .NET neither allocates). Read it; keep a copy
    /// if needed; do not hold the reference.
    /// </summary>
    public interface ICanFrameSink
    {
        void OnCanFrame(ref CanFrame frame);
    }
}
