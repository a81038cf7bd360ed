namespace RangeGuard.Ports
{
    /// <summary>The battery-preconditioning request output (relay/MOSFET on the device). Off is the safe state.</summary>
    public interface IHeaterRelay
    {
        void SetOn(bool on);

        bool IsOn { get; }
    }
}
