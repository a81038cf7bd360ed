using System.Collections.Generic;
using RangeGuard.Ports;

namespace RangeGuard.Host.Preconditioning;

/// <summary>One heater switch, stamped with simulated time.</summary>
public readonly record struct HeaterSwitch(long TimeMs, bool On);

/// <summary>
/// Host heater relay: the simulator's truth model reads <see cref="IsOn"/> to apply heater power to the pack;
/// switches are recorded for plots and reports, with the total on-time.
/// </summary>
public sealed class RecordingHeaterRelay : IHeaterRelay
{
    private readonly IClock _clock;
    private readonly List<HeaterSwitch> _switches = new();
    private long _onSinceMs = -1;
    private long _onMsClosed;

    public RecordingHeaterRelay(IClock clock)
    {
        _clock = clock;
    }

    public bool IsOn { get; private set; }

    public IReadOnlyList<HeaterSwitch> Switches => _switches;

    /// <summary>Total time on up to now, ms.</summary>
    public long OnTimeMs => _onMsClosed + (IsOn ? _clock.UtcMilliseconds - _onSinceMs : 0);

    public void SetOn(bool on)
    {
        if (on == IsOn)
        {
            return;
        }

        long now = _clock.UtcMilliseconds;
        if (on)
        {
            _onSinceMs = now;
        }
        else
        {
            _onMsClosed += now - _onSinceMs;
        }

        IsOn = on;
        _switches.Add(new HeaterSwitch(now, on));
    }
}
