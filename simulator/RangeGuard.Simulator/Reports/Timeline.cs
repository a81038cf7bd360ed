using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Reports
{
    public enum TimelineKind
    {
        Step,
        Alert,
        Cleared,
        Advice,
        Withdrawn,
    }

    /// <summary>One line of a run's timeline: an itinerary step, an alert raised or cleared, advice given or withdrawn.</summary>
    public sealed record TimelineEntry(double ElapsedS, double PositionM, TimelineKind Kind, string Text);

    /// <summary>
    /// Watches a run and records its timeline in time order: steps, every raise and re-alert, every clear (from the board's
    /// view), and each piece of advice when it is given, changes and is withdrawn. Advice counts once it has held for
    /// <see cref="AdviceHoldS"/> (the agent re-decides every tick, and a speed cap can flicker off and on for seconds; that
    /// is not news to a driver) and is stamped with when it started. With a writer the timeline also prints as it goes
    /// (piped output), <see cref="AdviceHoldS"/> behind the run so lines come out in time order; <see cref="Complete"/>
    /// prints the rest.
    /// </summary>
    public sealed class Timeline : IRunObserver
    {
        public const double AdviceHoldS = 60;

        private readonly Scenario _s;
        private readonly TextWriter? _live;
        private readonly List<TimelineEntry> _entries = new();
        private readonly AdviceItem[] _advice;
        private int _printed;
        private double _t;
        private double _pos;
        private int _cleared;

        public Timeline(Scenario s, TextWriter? live = null)
        {
            _s = s;
            _live = live;
            _advice = new[]
            {
                new AdviceItem(5, a => !double.IsNaN(a.MaxSpeedKmh), a => 0, a => a.MaxSpeedKmh,
                    a => string.Create(CultureInfo.InvariantCulture, $"stay below {a.MaxSpeedKmh:0} km/h"), null),
                new AdviceItem(5, a => a.ChargerIndex >= 0, a => a.ChargerIndex, a => double.IsNaN(a.ChargeToSocPercent) ? 0 : a.ChargeToSocPercent,
                    ChargeText, a => string.Create(CultureInfo.InvariantCulture, $" ({a.ChargeMinutes:0} min)")),
                new AdviceItem(0, a => a.PlugInWhenParked, a => 0, a => 0, a => "plug in while parked", null),
                new AdviceItem(0.5, a => !double.IsNaN(a.CabinSetpointC), a => 0, a => a.CabinSetpointC,
                    a => string.Create(CultureInfo.InvariantCulture, $"set the cabin to {a.CabinSetpointC:0} °C"), null),
            };
        }

        public IReadOnlyList<TimelineEntry> Entries => _entries;

        public void OnStepStarted(int index, string label) => Add(_t, _pos, TimelineKind.Step, $"#{index} {label}");

        public void OnAlert(BoardAlert a)
            => Add(a.ElapsedS, a.PositionM, TimelineKind.Alert, $"{a.Code} ({Severity(a.Severity)}): {a.Text}");

        public void OnTick(in TruthSnapshot truth, BoardView view)
        {
            _t = truth.ElapsedS;
            _pos = truth.PositionM;
            for (; _cleared < view.Cleared.Count; _cleared++)
            {
                BoardAlert c = view.Cleared[_cleared];
                Add(c.ElapsedS, c.PositionM, TimelineKind.Cleared, c.Code);
            }

            foreach (AdviceItem item in _advice)
            {
                item.Observe(view.Advice, _t, _pos, this);
            }

            Print(_t - AdviceHoldS);
        }

        /// <summary>The run is over: advice still pending is dropped (it never held), and the rest is printed.</summary>
        public void Complete() => Print(double.PositiveInfinity);

        /// <summary>"d1 11:24  km  128.4  alert      RG-PRECOND-ON (info): Heating battery …".</summary>
        public static string Format(Scenario s, TimelineEntry e)
        {
            string tag = e.Kind switch
            {
                TimelineKind.Step => "step",
                TimelineKind.Alert => "alert",
                TimelineKind.Cleared => "cleared",
                TimelineKind.Advice => "advice",
                _ => "withdrawn",
            };
            return string.Create(CultureInfo.InvariantCulture, $"  {TextSummary.Clock(s, e.ElapsedS)}  km {e.PositionM / 1000,6:0.0}  {tag,-10} {e.Text}");
        }

        public static string Severity(AlertSeverity s) => s.ToString().ToLowerInvariant();

        /// <summary>Inserts in time order: a step before what happened in the same second, anything else after it.</summary>
        private void Add(double elapsedS, double positionM, TimelineKind kind, string text)
        {
            int i = _entries.Count;
            while (i > _printed && (_entries[i - 1].ElapsedS > elapsedS || (kind == TimelineKind.Step && _entries[i - 1].ElapsedS == elapsedS)))
            {
                i--;
            }

            _entries.Insert(i, new TimelineEntry(elapsedS, positionM, kind, text));
        }

        private void Print(double upToS)
        {
            for (; _printed < _entries.Count && _entries[_printed].ElapsedS <= upToS; _printed++)
            {
                _live?.WriteLine(Format(_s, _entries[_printed]));
            }
        }

        private string ChargeText(BoardAdvice a)
        {
            string where = a.ChargerIndex < _s.Chargers.Count ? _s.Chargers[a.ChargerIndex].Name : $"charger {a.ChargerIndex}";
            return double.IsNaN(a.ChargeToSocPercent)
                ? $"charge at {where}"
                : string.Create(CultureInfo.InvariantCulture, $"charge at {where} to {a.ChargeToSocPercent:0} %");
        }

        /// <summary>
        /// One kind of advice (speed cap, charge stop, plug in, cabin setpoint): what was last reported, and a change from it
        /// that is waiting to hold for <see cref="AdviceHoldS"/>. A change is: given, withdrawn, another key (charger), or a
        /// value that moved by at least the threshold.
        /// </summary>
        private sealed class AdviceItem
        {
            private readonly double _threshold;
            private readonly Func<BoardAdvice, bool> _on;
            private readonly Func<BoardAdvice, int> _key;
            private readonly Func<BoardAdvice, double> _value;
            private readonly Func<BoardAdvice, string> _text;
            private readonly Func<BoardAdvice, string>? _detail;
            private bool _reportedOn;
            private int _reportedKey;
            private double _reportedValue;
            private string _reportedText = string.Empty;
            private double _since = double.NaN;
            private double _sincePos;
            private BoardAdvice _start;

            public AdviceItem(double threshold, Func<BoardAdvice, bool> on, Func<BoardAdvice, int> key, Func<BoardAdvice, double> value,
                Func<BoardAdvice, string> text, Func<BoardAdvice, string>? detail)
            {
                _threshold = threshold;
                _on = on;
                _key = key;
                _value = value;
                _text = text;
                _detail = detail;
            }

            public void Observe(BoardAdvice a, double t, double pos, Timeline timeline)
            {
                bool on = _on(a);
                bool differs = on != _reportedOn || (on && (_key(a) != _reportedKey || Math.Abs(_value(a) - _reportedValue) >= Math.Max(_threshold, 1e-9)));
                if (!differs)
                {
                    _since = double.NaN;
                    return;
                }

                if (double.IsNaN(_since))
                {
                    _since = t;
                    _sincePos = pos;
                    _start = a;
                    return;
                }

                if (t - _since < AdviceHoldS)
                {
                    return;
                }

                bool startOn = _on(_start);
                string text = startOn ? _text(_start) : string.Empty;
                if (_reportedOn && (!startOn || _key(_start) != _reportedKey))
                {
                    timeline.Add(_since, _sincePos, TimelineKind.Withdrawn, _reportedText);
                }

                if (startOn)
                {
                    bool moved = _reportedOn && _key(_start) == _reportedKey;
                    string detail = _detail?.Invoke(_start) ?? string.Empty;
                    timeline.Add(_since, _sincePos, TimelineKind.Advice, moved ? $"{text}{detail} (was: {_reportedText})" : text + detail);
                }

                _reportedOn = startOn;
                _reportedKey = startOn ? _key(_start) : 0;
                _reportedValue = startOn ? _value(_start) : 0;
                _reportedText = text;
                _since = double.NaN;
            }
        }
    }
}
