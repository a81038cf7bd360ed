namespace RangeGuard.Ports
{
    /// <summary>How one dashboard LED is driven. The adapter renders the blinking.</summary>
    public enum LedPattern
    {
        Off = 0,
        Steady = 1,
        SlowBlink = 2,
        FastBlink = 3,
    }

    /// <summary>Buzzer patterns, one per alert severity.</summary>
    public enum BuzzerPattern
    {
        Off = 0,
        Chirp = 1,
        Beep = 2,
        Alarm = 3,
    }

    /// <summary>The driver's dashboard: three LEDs, a buzzer and the acknowledge button.</summary>
    public interface IDashboard
    {
        void SetLeds(LedPattern green, LedPattern amber, LedPattern red);

        void SetBuzzer(BuzzerPattern pattern);

        /// <summary>Raw (not debounced) level of the acknowledge button: true while pressed. The core debounces.</summary>
        bool IsAckButtonDown { get; }
    }
}
