namespace RangeGuard.Fleet.Notify;

/// <summary>The log line: always on, so an alert that calls for action is visible even with no mail or webhook set up.</summary>
public sealed class LogNotifier : INotifier
{
    private readonly ILogger<LogNotifier> _log;

    public LogNotifier(ILogger<LogNotifier> log)
    {
        _log = log;
    }

    public string Channel => "log";

    public Task SendAsync(Notification n, CancellationToken ct)
    {
        _log.LogWarning("ALERT {Vehicle} {Code} {Sev} {Event} seq {Seq}: {Text}", n.VehicleId, n.Code, n.Sev, n.Event, n.Seq, n.Text);
        return Task.CompletedTask;
    }
}
