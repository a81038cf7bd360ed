namespace RangeGuard.Fleet.Notify;

/// <summary>Exponential backoff with ±20 % jitter: first wait <c>minMs</c>, doubling per attempt, at most <c>maxMs</c>.</summary>
public static class Backoff
{
    public static long DelayMs(int attempt, int minMs, int maxMs, double random01)
    {
        double d = minMs * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        d = Math.Min(maxMs, d);
        return (long)(d * (0.8 + 0.4 * random01));
    }
}
