using RangeGuard.Alerts;
using RangeGuard.Ports;

namespace RangeGuard.Dashboard
{
    /// <summary>
    /// Maps the alert table onto the three LEDs and the buzzer, and turns raw acknowledge-button samples into presses.
    /// LEDs follow the highest active alert (acknowledged or not); the buzzer follows the highest unacknowledged one,
    /// for a limited time per severity. The port is written only when something changes.
    /// </summary>
    public sealed class DashboardController
    {
        private readonly IDashboard _port;
        private readonly AlertConfig _cfg;
        private readonly ButtonDebouncer _button;
        private bool _pressPending;
        private bool _written;

        public DashboardController(IDashboard port, AlertConfig config)
        {
            _port = port;
            _cfg = config;
            _button = new ButtonDebouncer(config.DebounceMs);
        }

        // Plain fields behind the patterns: Render reads and writes them every tick (an accessor is a call on the interpreter).
        private LedPattern _green;
        private LedPattern _amber;
        private LedPattern _red;
        private BuzzerPattern _buzzer;

        public LedPattern Green
        {
            get { return _green; }
        }

        public LedPattern Amber
        {
            get { return _amber; }
        }

        public LedPattern Red
        {
            get { return _red; }
        }

        public BuzzerPattern Buzzer
        {
            get { return _buzzer; }
        }

        /// <summary>Debounced presses seen since start.</summary>
        public int Presses { get; private set; }

        /// <summary>Samples the raw button (call at the tick or faster); a press is kept until <see cref="TakePress"/>.</summary>
        public void SampleButton(long nowMs)
        {
            if (_button.Sample(_port.IsAckButtonDown, nowMs))
            {
                _pressPending = true;
                Presses++;
            }
        }

        public bool TakePress()
        {
            bool p = _pressPending;
            _pressPending = false;
            return p;
        }

        public void Render(AlertTable table, long nowMs, bool heaterOn)
        {
            LedPattern g = LedPattern.Off, a = LedPattern.Off, r = LedPattern.Off;
            int top = table.TopKind;
            AlertSlot topSlot = top < 0 ? null : table.Slot(top);
            int sev = top < 0 ? AlertSeverity.None : topSlot.Severity;
            bool acked = top >= 0 && topSlot.Acknowledged;
            if (sev <= AlertSeverity.Info)
            {
                g = heaterOn ? LedPattern.SlowBlink : LedPattern.Steady;
            }
            else if (sev == AlertSeverity.Advisory)
            {
                a = LedPattern.Steady;
            }
            else if (sev == AlertSeverity.Warning)
            {
                a = acked ? LedPattern.Steady : LedPattern.SlowBlink;
            }
            else
            {
                r = acked ? LedPattern.Steady : LedPattern.FastBlink;
            }

            BuzzerPattern b = BuzzerFor(table, nowMs);
            if (!_written || g != _green || a != _amber || r != _red)
            {
                _port.SetLeds(g, a, r);
            }

            if (!_written || b != _buzzer)
            {
                _port.SetBuzzer(b);
            }

            _written = true;
            _green = g;
            _amber = a;
            _red = r;
            _buzzer = b;
        }

        private BuzzerPattern BuzzerFor(AlertTable table, long nowMs)
        {
            int k = table.TopUnacknowledgedKind;
            if (k < 0)
            {
                return BuzzerPattern.Off;
            }

            AlertSlot s = table.Slot(k);
            BuzzerPattern pattern;
            long limitMs;
            if (s.Severity == AlertSeverity.Critical)
            {
                pattern = BuzzerPattern.Alarm;
                limitMs = _cfg.BuzzCriticalMs;
            }
            else if (s.Severity == AlertSeverity.Warning)
            {
                pattern = BuzzerPattern.Beep;
                limitMs = _cfg.BuzzWarningMs;
            }
            else if (s.Severity == AlertSeverity.Advisory)
            {
                pattern = BuzzerPattern.Chirp;
                limitMs = _cfg.BuzzAdvisoryMs;
            }
            else
            {
                return BuzzerPattern.Off;
            }

            return limitMs > 0 && nowMs - s.ChangedMs >= limitMs ? BuzzerPattern.Off : pattern;
        }
    }
}
