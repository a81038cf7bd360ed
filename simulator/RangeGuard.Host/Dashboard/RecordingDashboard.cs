using System.Collections.Generic;
using RangeGuard.Ports;

namespace RangeGuard.Host.Dashboard;

/// <summary>One change of the dashboard outputs, stamped with simulated time.</summary>
public readonly record struct DashboardChange(long TimeMs, LedPattern Green, LedPattern Amber, LedPattern Red, BuzzerPattern Buzzer);

/// <summary>
/// Host dashboard for the simulator: keeps the current LED/buzzer state and a history of changes; the live view
/// (Spectre.Console) renders <see cref="Describe"/>, and the scenario script presses the button through <see cref="AckButtonDown"/>.
/// </summary>
public sealed class RecordingDashboard : IDashboard
{
    private readonly IClock _clock;
    private readonly List<DashboardChange> _history = new();

    public RecordingDashboard(IClock clock)
    {
        _clock = clock;
    }

    public LedPattern Green { get; private set; }
    public LedPattern Amber { get; private set; }
    public LedPattern Red { get; private set; }
    public BuzzerPattern Buzzer { get; private set; }

    /// <summary>Raw button level the agent samples (the agent debounces it).</summary>
    public bool AckButtonDown { get; set; }

    public bool IsAckButtonDown => AckButtonDown;

    public IReadOnlyList<DashboardChange> History => _history;

    public void SetLeds(LedPattern green, LedPattern amber, LedPattern red)
    {
        Green = green;
        Amber = amber;
        Red = red;
        Record();
    }

    public void SetBuzzer(BuzzerPattern pattern)
    {
        Buzzer = pattern;
        Record();
    }

    /// <summary>Compact state, e.g. "G:steady A:off R:off buzzer:off".</summary>
    public string Describe() =>
        $"G:{Name(Green)} A:{Name(Amber)} R:{Name(Red)} buzzer:{Buzzer.ToString().ToLowerInvariant()}";

    private static string Name(LedPattern p) => p switch
    {
        LedPattern.Steady => "steady",
        LedPattern.SlowBlink => "slow",
        LedPattern.FastBlink => "fast",
        _ => "off",
    };

    private void Record()
    {
        var change = new DashboardChange(_clock.UtcMilliseconds, Green, Amber, Red, Buzzer);
        if (_history.Count > 0 && _history[^1].TimeMs == change.TimeMs)
        {
            _history[^1] = change; // LEDs and buzzer written in the same tick: one entry
        }
        else
        {
            _history.Add(change);
        }
    }
}
