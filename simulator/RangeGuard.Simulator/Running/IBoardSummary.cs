namespace RangeGuard.Simulator.Running
{
    /// <summary>Optional: a board that can say in one line what it did (CAN traffic, plans, agent health) for the summary and report.</summary>
    public interface IBoardSummary
    {
        string Summary { get; }
    }
}
