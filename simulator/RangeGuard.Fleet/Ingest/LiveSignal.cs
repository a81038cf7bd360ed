namespace RangeGuard.Fleet.Ingest;

/// <summary>Wakes the live views (server-sent events) when this instance stored something; they also poll, for other instances' writes.</summary>
public sealed class LiveSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Changed() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next change or after <paramref name="timeoutMs"/>.</summary>
    public async Task WaitAsync(int timeoutMs, CancellationToken ct)
    {
        Task t = Volatile.Read(ref _next).Task;
        await Task.WhenAny(t, Task.Delay(timeoutMs, ct));
        ct.ThrowIfCancellationRequested();
    }
}
